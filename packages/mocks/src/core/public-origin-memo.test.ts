import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { publicOrigin } from './public-origin.js'

// The request's own origin is parsed once per URL prefix: each request must still get its own.
describe('publicOrigin of request after request', () => {
  const app = new Hono()
  app.all('*', (c) => c.text(publicOrigin(c)))
  const origin = async (url: string) => (await app.request(url)).text()

  it('answers each request with its own origin, normalised as URL does', async () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1:4010/a', 'http://127.0.0.1:4010'],
      ['http://127.0.0.1:4010/b/c?d=1', 'http://127.0.0.1:4010'],
      ['http://127.0.0.1:4011/a', 'http://127.0.0.1:4011'],
      ['https://127.0.0.1:4010/a', 'https://127.0.0.1:4010'],
      ['http://LOCALHOST:80/a', 'http://localhost'],
      ['http://localhost/a', 'http://localhost'],
      ['http://contactkit-uploads.localhost:4040/', 'http://contactkit-uploads.localhost:4040'],
      ['http://127.0.0.1:4010?query=1', 'http://127.0.0.1:4010'],
      ['http://127.0.0.1:4010/a', 'http://127.0.0.1:4010'],
    ]
    for (const [url, expected] of cases) {
      expect(await origin(url)).toBe(expected)
    }
  })
})
