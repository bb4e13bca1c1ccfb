import { describe, expect, it } from 'vitest'
import { admit, basicCredentials, bearerToken, deny, parameterCredentials } from './credentials.js'

const utf8Base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))

describe('basicCredentials', () => {
  it('reads the user and password, the password keeping every further colon', () => {
    expect(basicCredentials(`Basic ${btoa('key:pass:word')}`)).toEqual({ user: 'key', password: 'pass:word' })
    expect(basicCredentials(`basic\t${btoa('k:')}  `)).toEqual({ user: 'k', password: '' })
  })

  it('decodes UTF-8 and refuses bytes that are not UTF-8', () => {
    expect(basicCredentials(`Basic ${utf8Base64('jörg:pässword')}`)).toEqual({ user: 'jörg', password: 'pässword' })
    expect(basicCredentials(`Basic ${btoa('\u00ff\u00fe:x')}`)).toBe('not-base64')
  })

  it('says why a header gives no credentials', () => {
    expect(basicCredentials('Bearer abc')).toBe('not-basic')
    expect(basicCredentials(`Basic ${btoa('k:p')} extra`)).toBe('not-basic')
    expect(basicCredentials('Basic a')).toBe('not-base64')
    expect(basicCredentials(`Basic ${btoa('no colon')}`)).toBe('no-colon')
  })

  it('takes URL-safe base64 only when asked to', () => {
    // btoa('k:~~~>') is azp+fn4+; its URL-safe form is azp-fn4-.
    const urlSafe = 'Basic azp-fn4-'
    expect(basicCredentials(urlSafe)).toBe('not-basic')
    expect(basicCredentials(urlSafe, 'url-safe')).toEqual({ user: 'k', password: '~~~>' })
    expect(basicCredentials(`Basic ${btoa('k:~~~>')}`, 'url-safe')).toEqual({ user: 'k', password: '~~~>' })
  })

  it('reads the same header the same way however often it is sent', () => {
    for (let round = 0; round < 300; round++) {
      expect(basicCredentials(`Basic ${btoa(`user${round % 7}:p`)}`)).toEqual({
        user: `user${round % 7}`,
        password: 'p',
      })
      expect(basicCredentials('Basic a')).toBe('not-base64')
    }
  })
})

describe('bearerToken', () => {
  it('reads the token of a Bearer header and nothing else', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def')
    expect(bearerToken('bearer   abc  ')).toBe('abc')
    expect(bearerToken('Bearer a b')).toBeUndefined()
    expect(bearerToken(`Basic ${btoa('a:b')}`)).toBeUndefined()
  })
})

describe('parameterCredentials', () => {
  it('needs both parameters, neither empty', () => {
    const names = ['domain_key', 'domain_password'] as const
    expect(parameterCredentials({ domain_key: 'k', domain_password: 'p' }, ...names)).toEqual({
      user: 'k',
      password: 'p',
    })
    expect(parameterCredentials({ domain_key: 'k' }, ...names)).toBeUndefined()
    expect(parameterCredentials({ domain_key: 'k', domain_password: '' }, ...names)).toBeUndefined()
  })
})

describe('admit and deny', () => {
  it('make the one result every vendor answers with: 401 unless told 403, a code only when given', () => {
    expect(admit('tenant')).toEqual({ kind: 'ok', caller: 'tenant' })
    expect(deny('wrong secret')).toEqual({ kind: 'denied', status: 401, why: 'wrong secret' })
    expect(deny('another account', { status: 403, code: 'forbidden' })).toEqual({
      kind: 'denied',
      status: 403,
      why: 'another account',
      code: 'forbidden',
    })
  })
})
