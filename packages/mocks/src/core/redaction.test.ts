import { describe, expect, it } from 'vitest'
import { isSecretName, redactBody, redactForm, redactHeader, secretPlaceholders } from './redaction.js'

// Body previews in the journal: secrets hidden, everything else exactly as sent.

describe('isSecretName', () => {
  it.each([
    'Authorization',
    'Proxy-Authorization',
    'X-Authorization',
    'Cookie',
    'Set-Cookie',
    'passphrase',
    'domain_password',
    'passwd',
    'privatekey',
    'private-key',
    'private_key',
    'apikey',
    'X-Api-Key',
    'client_secret',
    'access_token',
    'X-Amz-Signature',
    'credentials',
    'session_id',
    'AWSAccessKeyId',
    'StringToSign',
  ])('holds %s as a secret', (name) => {
    expect(isSecretName(name)).toBe(true)
  })

  it.each(['cookie-consent', 'authorization-mode', 'domain_key', 'service', 'private', 'key', 'Content-Type'])(
    'shows %s as sent',
    (name) => {
      expect(isSecretName(name)).toBe(false)
    },
  )
})

describe('redactBody', () => {
  it('reads a body without a Content-Type as a form only when it starts like one', () => {
    expect(redactBody('user.name=ann&password=x', null)).toBe('user.name=ann&password=[redacted]')
    expect(redactBody('see password=x', null)).toBe('see password=x')
  })

  it('judges a form field name with broken percent-encoding by its letters', () => {
    expect(redactBody('password%zz=x&a=1', 'application/x-www-form-urlencoded')).toBe('password%zz=[redacted]&a=1')
  })

  it('reads a + in a form field name as a space', () => {
    expect(redactBody('api+key=x&api%5Fkey=y', 'application/x-www-form-urlencoded')).toBe(
      'api+key=x&api%5Fkey=[redacted]',
    )
  })

  it('redacts a JSON string cut short by the preview, and a long number whole', () => {
    expect(redactBody('{"user":"ann","password":"hunter2 and mo', 'application/json')).toBe(
      '{"user":"ann","password":"[redacted]"',
    )
    expect(redactBody('{"token":123456,"n":1}', 'application/json; charset=utf-8')).toBe('{"token":"[redacted]","n":1}')
  })

  it('finds secret multipart fields with a filename, extra part headers, and bare LF line ends', () => {
    const crlf =
      '--b\r\nContent-Disposition: form-data; name="token"; filename="t.txt"\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--\r\n'
    expect(redactBody(crlf, 'multipart/form-data; boundary=b')).toBe(
      '--b\r\nContent-Disposition: form-data; name="token"; filename="t.txt"\r\nContent-Type: text/plain\r\n\r\n[redacted]\r\n--b--\r\n',
    )
    const lf = '--b\nContent-Disposition: form-data; name="password"\nContent-Type: text/plain\n\nabc\n--b--\n'
    expect(redactBody(lf, 'multipart/form-data; boundary=b')).toBe(
      '--b\nContent-Disposition: form-data; name="password"\nContent-Type: text/plain\n\n[redacted]\n--b--\n',
    )
  })

  it('replaces the whole value of a secret multipart field and leaves other types alone', () => {
    const part = '--b\r\nContent-Disposition: form-data; name="X-Amz-Signature"\r\n\r\nabcdef\r\n--b\r\n'
    expect(redactBody(part, 'multipart/form-data; boundary=b')).toBe(
      '--b\r\nContent-Disposition: form-data; name="X-Amz-Signature"\r\n\r\n[redacted]\r\n--b\r\n',
    )
    expect(redactBody(part, 'text/plain')).toBe(part)
  })
})

describe('redaction of body previews', () => {
  it('covers forms, JSON and multipart, and leaves other fields alone', () => {
    expect(redactBody('a=1&domain_password=x&client_secret=y', 'application/x-www-form-urlencoded')).toBe(
      'a=1&domain_password=[redacted]&client_secret=[redacted]',
    )
    expect(redactBody('{"user":"u","apiKey":"k","pin":1234,"token":12}', 'application/json')).toBe(
      '{"user":"u","apiKey":"[redacted]","pin":1234,"token":"[redacted]"}',
    )
    const multipart = '--b\r\nContent-Disposition: form-data; name="X-Amz-Signature"\r\n\r\nabc\r\n--b\r\n'
    expect(redactBody(multipart, 'multipart/form-data; boundary=b')).toContain(
      'name="X-Amz-Signature"\r\n\r\n[redacted]',
    )
    const unquoted = '--b\r\nContent-Disposition: form-data; name=signature\r\n\r\nabc\r\n--b\r\n'
    expect(redactBody(unquoted, 'multipart/form-data; boundary=b')).toContain('name=signature\r\n\r\n[redacted]')
    const plain = '--b\r\nContent-Disposition: form-data; name=key\r\n\r\nuploads/a.csv\r\n--b\r\n'
    expect(redactBody(plain, 'multipart/form-data; boundary=b')).toBe(plain)
    expect(redactBody('password=x', 'text/plain')).toBe('password=x')
  })
})

describe('redaction', () => {
  it('redacts a form field whose name is badly percent-encoded without failing', () => {
    expect(redactBody('%E0%A4%A=1&password=x', 'application/x-www-form-urlencoded')).toBe(
      '%E0%A4%A=1&password=[redacted]',
    )
    expect(redactBody('pass%77ord=x&a=%zz', 'application/x-www-form-urlencoded')).toBe('pass%77ord=[redacted]&a=%zz')
  })
})

describe('secretPlaceholders', () => {
  it('numbers distinct secrets from 1 in order of first appearance and repeats the number of a known one', () => {
    const replace = secretPlaceholders()
    expect(['right', 'wrong', 'right', 'third', 'wrong'].map(replace)).toEqual([
      '<secret:1>',
      '<secret:2>',
      '<secret:1>',
      '<secret:3>',
      '<secret:2>',
    ])
    expect(secretPlaceholders()('wrong')).toBe('<secret:1>')
  })

  it('gives a secret the same placeholder in a header, a query, a form, JSON and XML', () => {
    const replace = secretPlaceholders()
    expect(redactHeader('Authorization', 'Bearer tok+1', replace)).toBe('Bearer <secret:1>')
    expect(redactForm('a=1&access_token=tok%2B1', replace)).toBe('a=1&access_token=<secret:1>')
    expect(redactBody('{"token":"tok+1","other":"x"}', 'application/json', replace)).toBe(
      '{"token":"<secret:1>","other":"x"}',
    )
    expect(
      redactBody('<Error><AWSAccessKeyId>tok+1</AWSAccessKeyId><Code>x</Code></Error>', 'application/xml', replace),
    ).toBe('<Error><AWSAccessKeyId><secret:1></AWSAccessKeyId><Code>x</Code></Error>')
    expect(redactHeader('Cookie', 'session=abc', replace)).toBe('<secret:2>')
  })
})

describe('S3 policies', () => {
  const policy = btoa(
    JSON.stringify({
      expiration: '2026-01-01T00:00:00Z',
      conditions: [
        { bucket: 'b' },
        { 'x-amz-credential': 'AKIAEXAMPLE/20260101/us-east-1/s3/aws4_request' },
        ['starts-with', '$key', 'u/'],
        ['eq', '$x-amz-security-token', 'tok'],
      ],
    }),
  )

  it('replaces the credential and the token inside a policy field and keeps every other condition', () => {
    const replace = secretPlaceholders()
    const body = `--b\r\nContent-Disposition: form-data; name="Policy"\r\n\r\n${policy}\r\n--b--\r\n`
    const out = redactBody(body, 'multipart/form-data; boundary=b', replace)
    const written = /\r\n\r\n(\S+)\r\n--b--/.exec(out)?.[1] ?? ''
    expect(JSON.parse(atob(written)).conditions).toEqual([
      { bucket: 'b' },
      { 'x-amz-credential': '<secret:1>' },
      ['starts-with', '$key', 'u/'],
      ['eq', '$x-amz-security-token', '<secret:2>'],
    ])
    expect(out).not.toContain('AKIAEXAMPLE')
  })

  it('redacts a policy inside JSON and a form, and leaves a field named policy that is no policy alone', () => {
    const json = redactBody(`{"policy":"${policy}"}`, 'application/json')
    expect(atob(JSON.parse(json).policy)).toContain('[redacted]')
    expect(redactForm(`policy=${encodeURIComponent(policy)}`)).not.toContain('AKIAEXAMPLE')
    expect(redactForm('policy=not-base64!')).toBe('policy=not-base64!')
  })
})
