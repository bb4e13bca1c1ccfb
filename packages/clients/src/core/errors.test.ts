import { describe, expect, it } from 'vitest'
import {
  ApiError,
  AuthenticationError,
  apiError,
  BadRequestError,
  ConflictError,
  ContactKitError,
  type ErrorBodyReader,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js'

/** A vendor that answers `{ "error": { "code": "…", "message": "…" } }`. */
const readVendorError: ErrorBodyReader = (body) => {
  const error = (body as { error?: { code?: string; message?: string } })?.error
  return { code: error?.code, message: error?.message }
}

function failed(status: number, body: unknown = { error: { code: `E${status}`, message: `Status ${status}.` } }) {
  return new Response(JSON.stringify(body), { status, headers: { 'X-Request-Id': `req-${status}` } })
}

describe('apiError', () => {
  it('picks one class per status, carrying status, vendor code, message and request id', () => {
    const expected: Array<[number, typeof ApiError]> = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [410, GoneError],
      [412, PreconditionFailedError],
      [422, UnprocessableEntityError],
      [429, RateLimitError],
      [500, InternalServerError],
      [503, InternalServerError],
      [418, ApiError],
    ]
    for (const [status, ErrorClass] of expected) {
      const body = { error: { code: `E${status}`, message: `Status ${status}.` } }
      const error = apiError(failed(status), body, readVendorError)
      expect(error.constructor).toBe(ErrorClass)
      expect(error).toBeInstanceOf(ContactKitError)
      expect(error).toMatchObject({
        name: ErrorClass.name,
        status,
        code: `E${status}`,
        message: `Status ${status}.`,
        requestId: `req-${status}`,
        body,
      })
    }
  })

  it('gives the reader the response, for vendors that put the code in a header', () => {
    const response = new Response(null, { status: 422, headers: { 'X-Error-Code': 'invalid_email' } })
    const error = apiError(response, '', (_body, answer) => ({ code: answer.headers.get('x-error-code') ?? undefined }))
    expect(error.code).toBe('invalid_email')
  })

  it('takes the request id from the body when the reader finds one and no X-Request-Id came', () => {
    const read: ErrorBodyReader = (body) => ({ requestId: (body as { requestId?: string }).requestId })
    const fromBody = apiError(new Response(null, { status: 410 }), { requestId: 'body-1' }, read)
    expect(fromBody.requestId).toBe('body-1')
    const both = apiError(failed(410), { requestId: 'body-1' }, read)
    expect(both.requestId).toBe('req-410')
  })

  it('still gives a typed error when the reader throws or finds nothing', () => {
    const throwing = apiError(failed(500), 'gateway exploded', () => {
      throw new Error('not JSON')
    })
    expect(throwing).toBeInstanceOf(InternalServerError)
    expect(throwing.message).toBe('The API answered 500 without saying why.')
    expect(throwing.body).toBe('gateway exploded')
    const empty = apiError(new Response(null, { status: 404 }), undefined, readVendorError)
    expect(empty).toBeInstanceOf(NotFoundError)
    expect(empty.code).toBeUndefined()
    expect(empty.requestId).toBeNull()
  })
})
