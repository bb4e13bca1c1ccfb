import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { publicOrigin } from './public-origin.js'

describe('publicOrigin', () => {
  const app = new Hono()
  app.get('/', (c) => c.text(publicOrigin(c, c.req.query('configured'))))
  const origin = async (headers: Record<string, string> = {}, query = '') =>
    (await app.request(`http://127.0.0.1:4010/${query}`, { headers })).text()

  it('prefers the configured URL, then the proxy headers, then the request origin', async () => {
    expect(await origin({}, '?configured=https://mocks.example.com/')).toBe('https://mocks.example.com')
    expect(await origin({ 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'api.example.com' })).toBe(
      'https://api.example.com',
    )
    expect(await origin({ Forwarded: 'for=1.2.3.4;proto=https;host=proxy.example.com' })).toBe(
      'https://proxy.example.com',
    )
    expect(await origin()).toBe('http://127.0.0.1:4010')
  })

  it('takes a plain-http proxy in front of a simulator served over https', async () => {
    const response = await app.request('https://127.0.0.1:4010/', { headers: { 'X-Forwarded-Proto': 'http' } })
    expect(await response.text()).toBe('http://127.0.0.1:4010')
  })

  it('ignores forged proxy headers that are not a host or a web scheme', async () => {
    expect(await origin({ 'X-Forwarded-Host': '"><script>', 'X-Forwarded-Proto': 'javascript' })).toBe(
      'http://127.0.0.1:4010',
    )
  })

  it('takes a Forwarded header that names only the scheme or only the host', async () => {
    expect(await origin({ Forwarded: 'for=1.2.3.4;proto=https' })).toBe('https://127.0.0.1:4010')
    expect(await origin({ Forwarded: 'host="proxy.example:8443"' })).toBe('http://proxy.example:8443')
  })

  it('takes the first of a list of proxies, trimmed, in any case', async () => {
    expect(
      await origin({ 'X-Forwarded-Host': ' edge.example:8080 , inner.example', 'X-Forwarded-Proto': 'HTTPS , http' }),
    ).toBe('https://edge.example:8080')
  })

  it('refuses a host with anything before or after it, or a port that is not 1 to 5 digits', async () => {
    for (const host of ['edge.example/"><b>', '<b>edge.example', 'edge.example:80a', 'edge.example:123456']) {
      expect(await origin({ 'X-Forwarded-Host': host })).toBe('http://127.0.0.1:4010')
    }
  })
})
