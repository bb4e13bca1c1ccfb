import { describe, expect, it } from 'vitest'
import { ApiError, apiError, BadRequestError, GoneError } from '../core/errors.js'
import {
  InvalidSyncTokenError,
  isInvalidTokenError,
  readAurinkoError,
  refineSyncError,
  SyncTokenExpiredError,
} from './errors.js'

const answer = (status: number) => new Response(null, { status })

describe('readAurinkoError', () => {
  it('reads code, message and requestId', () => {
    expect(readAurinkoError({ code: 'token.dead', message: 'Not authorized', requestId: 'r-1' }, answer(401))).toEqual({
      code: 'token.dead',
      message: 'Not authorized',
      requestId: 'r-1',
    })
  })

  it("takes the provider's deepest message when the vendor gives none", () => {
    const body = {
      code: 'badRequest',
      message: '',
      originalError: { error: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.', innerError: {} } },
    }
    expect(readAurinkoError(body, answer(400))).toEqual({ code: 'badRequest', message: 'Id is malformed.' })
  })

  it('takes a text body as the message and ignores fields of the wrong type', () => {
    expect(readAurinkoError('Bad gateway', answer(502))).toEqual({ message: 'Bad gateway' })
    expect(readAurinkoError({ code: 7, message: null, requestId: 3 }, answer(500))).toEqual({})
    expect(readAurinkoError(undefined, answer(500))).toEqual({})
  })
})

describe('refineSyncError', () => {
  const error = (status: number, body: unknown) => apiError(answer(status), body, readAurinkoError)

  it('makes a 410 a SyncTokenExpiredError, still a GoneError, keeping status, code, message and request id', () => {
    const refined = refineSyncError(
      error(410, { code: 'syncToken.expired', message: 'syncToken expired.', requestId: 'r' }),
    )
    expect(refined).toBeInstanceOf(SyncTokenExpiredError)
    expect(refined).toBeInstanceOf(GoneError)
    expect(refined).toMatchObject({
      status: 410,
      code: 'syncToken.expired',
      message: 'syncToken expired.',
      requestId: 'r',
    })
  })

  it('makes a 400 naming token.notValid or "Page token is invalid" an InvalidSyncTokenError, and nothing else', () => {
    expect(refineSyncError(error(400, { code: 'token.notValid', message: 'No.' }))).toBeInstanceOf(
      InvalidSyncTokenError,
    )
    expect(refineSyncError(error(400, { code: 'badRequest', message: 'Page token is invalid' }))).toBeInstanceOf(
      InvalidSyncTokenError,
    )
    expect(isInvalidTokenError(error(400, { message: 'Page token is invalid.' }))).toBe(true)
    expect(isInvalidTokenError(error(400, { message: 'Bad request.' }))).toBe(false)
    const plain = error(400, { code: 'badRequest', message: 'limit must be at most 1000.' })
    expect(refineSyncError(plain)).toBe(plain)
    expect(refineSyncError(plain)).toBeInstanceOf(BadRequestError)
    const elsewhere = error(401, { code: 'token.notValid', message: 'No.' })
    expect(isInvalidTokenError(elsewhere)).toBe(false)
    expect(refineSyncError(elsewhere)).toBe(elsewhere)
    const other = new Error('network')
    expect(refineSyncError(other)).toBe(other)
    expect(refineSyncError(error(500, {}))).toBeInstanceOf(ApiError)
  })
})
