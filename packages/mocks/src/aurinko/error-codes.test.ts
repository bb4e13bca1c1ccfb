import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

describe('an injected fault without a body answers in Aurinko’s error format', () => {
  it.each([
    [400, 'badRequest'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'methodNotAllowed'],
    [408, 'requestTimeout'],
    [409, 'conflict'],
    [410, 'gone'],
    [412, 'preconditionFailed'],
    [413, 'payloadTooLarge'],
    [415, 'unsupportedMediaType'],
    [429, 'rateLimited'],
    [500, 'internalError'],
    [503, 'internalError'],
    // A status the vendor gives no code for.
    [418, 'error'],
  ])('%i with code %s, the request id and the JSON type', async (status, code) => {
    const { sim, call } = aurinkoHarness()
    sim.faults.add({ method: 'GET', path: '/v1/contacts', status })
    const answer = await call('GET', '/v1/contacts')
    expect(answer.status).toBe(status)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.body).toEqual({
      code,
      message: expect.stringMatching(new RegExp(`answered ${status}\\.$`)),
      requestId: answer.headers.get('x-request-id'),
    })
    // Only a 401 asks for credentials.
    expect(answer.headers.get('www-authenticate')).toBe(status === 401 ? 'Bearer realm="Aurinko"' : null)
  })
})
