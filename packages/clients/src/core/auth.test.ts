import { describe, expect, it } from 'vitest'
import { basicAuth, bearerAuth, combineAuth, headerAuth, queryAuth } from './auth.js'

const form = () =>
  new Request('http://api.test/begin?service=icloud', {
    method: 'POST',
    body: 'username=foo',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })

describe('authenticators', () => {
  it('basicAuth adds UTF-8 Basic credentials and keeps method, body and headers', async () => {
    const request = await basicAuth('key', 'pässwörd')(form())
    expect(request.headers.get('authorization')).toBe(`Basic ${Buffer.from('key:pässwörd').toString('base64')}`)
    expect(request.method).toBe('POST')
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(await request.text()).toBe('username=foo')
  })

  it('bearerAuth reads a token source again for every request', async () => {
    let version = 0
    const auth = bearerAuth(async () => `token-${++version}`)
    expect((await auth(form())).headers.get('authorization')).toBe('Bearer token-1')
    expect((await auth(form())).headers.get('authorization')).toBe('Bearer token-2')
    expect((await bearerAuth('fixed')(form())).headers.get('authorization')).toBe('Bearer fixed')
  })

  it('headerAuth sets fixed headers, replacing any of the same name', async () => {
    const before = new Request('http://api.test/x', { headers: { 'X-Api-Key': 'old' } })
    const request = await headerAuth({ 'X-Api-Key': 'k-1', 'X-Account': 'acme' })(before)
    expect(request.headers.get('x-api-key')).toBe('k-1')
    expect(request.headers.get('x-account')).toBe('acme')
  })

  it('queryAuth sets query parameters, keeping the others, the method and the body', async () => {
    const before = new Request('http://api.test/x?domain_key=stale&start=0', { method: 'POST', body: 'a=1' })
    const request = await queryAuth({ domain_key: 'k&1', domain_password: 'p w' })(before)
    const url = new URL(request.url)
    expect(url.searchParams.get('domain_key')).toBe('k&1')
    expect(url.searchParams.get('domain_password')).toBe('p w')
    expect(url.searchParams.get('start')).toBe('0')
    expect(url.searchParams.getAll('domain_key')).toHaveLength(1)
    expect(request.method).toBe('POST')
    expect(await request.text()).toBe('a=1')
  })

  it('combineAuth applies authenticators in order', async () => {
    const request = await combineAuth(basicAuth('a', 'b'), headerAuth({ 'X-Account-Key': 'acct' }))(form())
    expect(request.headers.get('authorization')).toBe(`Basic ${btoa('a:b')}`)
    expect(request.headers.get('x-account-key')).toBe('acct')
  })

  it('keeps the caller signal on the new request', async () => {
    const controller = new AbortController()
    const request = await basicAuth('a', 'b')(new Request('http://api.test/x', { signal: controller.signal }))
    controller.abort()
    expect(request.signal.aborted).toBe(true)
  })
})
