import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { omnigageError } from './errors.js'

/** What `omnigageError` answers for a status, a sentence and the details a caller gives. */
async function answered(status: number, details?: { code?: string }) {
  const app = new Hono()
  app.get('/', (c) => omnigageError(c, status, 'Something is wrong.', details))
  const response = await app.request('/')
  return { status: response.status, headers: response.headers, body: await response.json() }
}

describe('omnigageError', () => {
  it.each([
    [400, undefined, 100],
    [404, undefined, 404],
    [422, { code: '42' }, 42],
    [400, { code: '7' }, 7],
    // A code that is not a number is written as the status, never as null.
    [409, { code: 'E_CONFLICT' }, 409],
    [400, { code: 'bad' }, 400],
  ])('answers %i with details %j as code %i', async (status, details, code) => {
    const answer = await answered(status, details)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({ errors: [{ detail: 'Something is wrong.', code }] })
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.headers.get('www-authenticate')).toBeNull()
  })

  it('challenges for Basic credentials on 401 alone', async () => {
    expect((await answered(401)).headers.get('www-authenticate')).toBe('Basic realm="Omnigage"')
    expect((await answered(403)).headers.get('www-authenticate')).toBeNull()
  })
})
