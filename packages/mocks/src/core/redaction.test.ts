import { describe, expect, it } from 'vitest'
import { isSecretName, redactBody } from './redaction.js'

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
