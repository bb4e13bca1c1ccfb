import { describe, expect, it } from 'vitest'
import { ApiError, apiError } from '../core/errors.js'
import { createAurinkoClient } from './client.js'
import {
  EtagMismatchError,
  InvalidSyncTokenError,
  readAurinkoError,
  refineSyncError,
  SyncTokenExpiredError,
} from './errors.js'
import { SyncTimeoutError } from './sync-session.js'

// The details Aurinko's errors carry when its answers are sparse or odd: blank text, provider
// errors nested deep, etags in their several spellings, and the names errors are logged by.

const answer = (status: number) => new Response(null, { status })
const failure = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  apiError(new Response(null, { status, headers }), body, readAurinkoError)

describe('readAurinkoError, sparse answers', () => {
  it('gives only the details the body has', () => {
    expect(readAurinkoError(null, answer(500))).toStrictEqual({})
    expect(readAurinkoError({ requestId: '', message: '' }, answer(500))).toStrictEqual({})
    expect(readAurinkoError({ code: 'badRequest', originalError: null }, answer(400))).toStrictEqual({
      code: 'badRequest',
    })
  })

  it("takes the provider's message when the vendor's is blank", () => {
    const body = { code: 'badRequest', message: '   ', originalError: { error: { message: 'From Google.' } } }
    expect(readAurinkoError(body, answer(400))).toStrictEqual({ code: 'badRequest', message: 'From Google.' })
  })

  it('reads a blank text body as no details', () => {
    expect(readAurinkoError(' \n', answer(502))).toEqual({})
  })

  it('skips blank provider messages and looks no deeper than five levels', () => {
    const nested = (depth: number, message: string): unknown =>
      depth === 0 ? { message } : { message: depth === 1 ? '  ' : undefined, error: nested(depth - 1, message) }
    expect(readAurinkoError({ originalError: nested(4, 'Four levels down.') }, answer(400))).toEqual({
      message: 'Four levels down.',
    })
    expect(readAurinkoError({ originalError: nested(5, 'Too deep to read.') }, answer(400))).toEqual({})
    expect(
      readAurinkoError({ originalError: { message: 'Outer.', innerError: { message: ' ' } } }, answer(400)),
    ).toEqual({ message: 'Outer.' })
  })
})

describe('EtagMismatchError.currentEtag', () => {
  const mismatch = (headers: Record<string, string>, body: unknown = null) =>
    new EtagMismatchError(failure(412, body, headers), 'sent-1')

  it('reads the ETag header bare, whether weak, quoted or neither', () => {
    expect(mismatch({ ETag: 'W/"etag-2"' }).currentEtag).toBe('etag-2')
    expect(mismatch({ ETag: '"etag-2"' }).currentEtag).toBe('etag-2')
    expect(mismatch({ ETag: 'etag-2' }).currentEtag).toBe('etag-2')
    expect(mismatch({ ETag: '"aW/b"' }).currentEtag).toBe('aW/b')
    expect(mismatch({ ETag: 'x"y"' }).currentEtag).toBe('x"y"')
  })

  it('takes a non-empty etag string from the body, and nothing else', () => {
    expect(mismatch({}, { etag: 'etag-3' }).currentEtag).toBe('etag-3')
    expect(mismatch({}, { etag: '' }).currentEtag).toBeUndefined()
    expect(mismatch({}, { etag: 3 }).currentEtag).toBeUndefined()
    expect(mismatch({}, null).currentEtag).toBeUndefined()
    expect(mismatch({}, undefined).currentEtag).toBeUndefined()
  })
})

describe('refineSyncError', () => {
  it('passes an error it already refined through as it is', () => {
    const expired = new SyncTokenExpiredError(failure(410, { code: 'syncToken.expired', message: 'Expired.' }))
    const invalid = new InvalidSyncTokenError(failure(400, { code: 'token.notValid', message: 'Invalid.' }))
    expect(refineSyncError(expired)).toBe(expired)
    expect(refineSyncError(invalid)).toBe(invalid)
  })
})

describe('error names', () => {
  it('name each error class, as a log shows it', () => {
    const source = failure(412, {})
    expect(new EtagMismatchError(source, undefined).name).toBe('EtagMismatchError')
    expect(new SyncTokenExpiredError(source).name).toBe('SyncTokenExpiredError')
    expect(new InvalidSyncTokenError(source).name).toBe('InvalidSyncTokenError')
    expect(new SyncTimeoutError('Not ready.', { maxWaitMs: 1, elapsedMs: 1, attempts: 1 }).name).toBe(
      'SyncTimeoutError',
    )
    expect(source).toBeInstanceOf(ApiError)
  })
})

describe('createAurinkoClient app credentials', () => {
  it('refuses an empty or missing account id', () => {
    const refusal = new TypeError(
      'Failed to create the Aurinko client: give either accessToken, or clientId, clientSecret and accountId.',
    )
    expect(() => createAurinkoClient({ clientId: 'app', clientSecret: 'secret', accountId: '' })).toThrow(refusal)
    expect(() => createAurinkoClient({ clientId: 'app', clientSecret: 'secret' } as never)).toThrow(refusal)
  })
})
