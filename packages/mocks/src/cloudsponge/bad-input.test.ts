import { describe, expect, it } from 'vitest'
import { auth, cloudspongeHarness } from './testing/harness.js'

// Bad input gets the vendor's error body and status, never a 500. Unknown services, imports and
// paths, and refused credentials, have their own sentences in routes-answers.test.ts.

describe('bad input', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields)
  const cases: [string, string, RequestInit, number, RegExp][] = [
    [
      'missing username',
      '/begin_import/import',
      { method: 'POST', headers: auth, body: form({ service: 'icloud', password: 'b' }) },
      400,
      /username is required/,
    ],
    [
      'an include it does not know',
      '/begin_import/user_consent',
      { method: 'POST', headers: auth, body: form({ service: 'gmail', include: 'photos' }) },
      400,
      /include must be one of: mailing_address/,
    ],
    ['a start that is not a number', '/contacts/1126?start=abc', { headers: auth }, 400, /start must be integer/],
    ['a negative count', '/contacts/1126?start=0&count=-5', { headers: auth }, 400, /count must be >= 0/],
    ['an import id that is not a number', '/events/abc', { headers: auth }, 400, /import_id must be integer/],
    [
      'Basic credentials without a colon',
      '/events/1126',
      { headers: { Authorization: `Basic ${btoa('justakey')}` } },
      401,
      /not HTTP Basic credentials/,
    ],
    [
      'a body over the limit',
      '/begin_import/import',
      {
        method: 'POST',
        headers: auth,
        body: form({ service: 'icloud', username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
      },
      413,
      /larger than 1048576 bytes/,
    ],
    ['a method the path does not take', '/events/1126', { method: 'DELETE', headers: auth }, 404, /There is no DELETE/],
  ]

  it.each(cases)('answers %s in the vendor format', async (_name, path, init, status, message) => {
    const { sim } = cloudspongeHarness()
    const response = await sim.app.request(path, init)
    expect(response.status).toBe(status)
    const body = (await response.json()) as { error: { message: string } }
    expect(body.error.message).toMatch(message)
    if (status === 401) {
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="CloudSponge"')
    }
  })
})
