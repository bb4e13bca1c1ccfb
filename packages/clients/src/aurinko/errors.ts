import {
  ApiError,
  BadRequestError,
  type ErrorBodyReader,
  GoneError,
  PreconditionFailedError,
  type VendorErrorDetails,
} from '../core/errors.js'

/** Aurinko's error body: `{ code, message, requestId, originalError? }`. */
interface AurinkoErrorBody {
  code?: unknown
  message?: unknown
  requestId?: unknown
  originalError?: unknown
}

/**
 * Reads Aurinko's error body, `{ "code": "…", "message": "…", "requestId": "…" }`. When the vendor
 * gives no message of its own, the provider's (Google, Graph, Exchange) inside `originalError` is
 * used; a body that is not JSON is the message itself.
 *
 * @example
 * readAurinkoError({ code: 'syncToken.expired', message: 'syncToken expired.', requestId: '8241…' })
 * // { code: 'syncToken.expired', message: 'syncToken expired.', requestId: '8241…' }
 */
export const readAurinkoError: ErrorBodyReader = (body) => {
  if (typeof body === 'string') {
    return body.trim() === '' ? {} : { message: body }
  }
  if (typeof body !== 'object' || body === null) {
    return {}
  }
  const { code, message, requestId, originalError } = body as AurinkoErrorBody
  const details: VendorErrorDetails = {}
  if (typeof code === 'string') {
    details.code = code
  }
  const text = typeof message === 'string' && message.trim() !== '' ? message : providerMessage(originalError)
  if (text !== undefined) {
    details.message = text
  }
  if (typeof requestId === 'string' && requestId !== '') {
    details.requestId = requestId
  }
  return details
}

/** The deepest `message` in a provider's error (`{ error: { message, innerError: { … } } }`), as the vendor's Java SDK reads it. */
function providerMessage(original: unknown): string | undefined {
  let found: string | undefined
  let node = original
  for (let depth = 0; depth < 5 && typeof node === 'object' && node !== null; depth++) {
    const { message, error, innerError } = node as { message?: unknown; error?: unknown; innerError?: unknown }
    if (typeof message === 'string' && message.trim() !== '') {
      found = message
    }
    node = error ?? innerError
  }
  return found
}

/**
 * 412 on an update: the contact changed since the `etag` sent in `If-Match` was read. Read the
 * contact again, merge, and update with its new etag.
 */
export class EtagMismatchError extends PreconditionFailedError {
  override name = 'EtagMismatchError'
  /** The etag the update sent in `If-Match`. */
  readonly sentEtag: string | undefined
  /** The contact's current etag, when the server said it (an `ETag` header or an `etag` in the body). */
  readonly currentEtag: string | undefined

  constructor(source: ApiError, sentEtag: string | undefined) {
    super(source.status, details(source), source.body, source.headers)
    this.sentEtag = sentEtag
    this.currentEtag = serverEtag(source)
  }
}

/** 410 `syncToken.expired`: the sync's delta token is too old. The sync session starts over with a full sync. */
export class SyncTokenExpiredError extends GoneError {
  override name = 'SyncTokenExpiredError'
  constructor(source: ApiError) {
    super(source.status, details(source), source.body, source.headers)
  }
}

/**
 * 400 for a `deltaToken` or `pageToken` the server does not take (`token.notValid`, "Page token is
 * invalid"): never issued, issued to another account, or for the other endpoint. The sync session
 * retries once from the delta token, then starts over with a full sync.
 */
export class InvalidSyncTokenError extends BadRequestError {
  override name = 'InvalidSyncTokenError'
  constructor(source: ApiError) {
    super(source.status, details(source), source.body, source.headers)
  }
}

/**
 * Whether a 400 says the sync token is not valid. The vendor's Java SDK looks for `token.notValid`
 * or "Page token is invalid" in the error; so does this, in the code and the message.
 *
 * @example
 * isInvalidTokenError(new BadRequestError(400, { code: 'token.notValid' }, body, headers)) // true
 */
export function isInvalidTokenError(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) {
    return false
  }
  // A missing code reads as "undefined", which names no token error either.
  const text = `${error.code} ${error.message}`
  return /token\.notValid|page token is invalid/i.test(text)
}

/**
 * Turns the core's typed errors into Aurinko's where the vendor means more: 410 on a sync page is
 * a `SyncTokenExpiredError`, a 400 about the token an `InvalidSyncTokenError`. Anything else is
 * returned as it is.
 *
 * @example
 * const error = refineSyncError(caught) // SyncTokenExpiredError for a 410
 */
export function refineSyncError(error: unknown): unknown {
  if (error instanceof SyncTokenExpiredError || error instanceof InvalidSyncTokenError) {
    return error
  }
  if (error instanceof ApiError && error.status === 410) {
    return new SyncTokenExpiredError(error)
  }
  if (isInvalidTokenError(error)) {
    return new InvalidSyncTokenError(error as ApiError)
  }
  return error
}

/** The source's details, for the error that refines it (undefined ones are read as absent). */
function details(source: ApiError): VendorErrorDetails {
  return { message: source.message, code: source.code, requestId: source.requestId ?? undefined }
}

function serverEtag(source: ApiError): string | undefined {
  const header = source.headers.get('etag')
  if (header) {
    // The header is quoted as HTTP writes it; records carry the bare etag, and so does this.
    return header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
  }
  const fromBody = (source.body as { etag?: unknown } | null | undefined)?.etag
  return typeof fromBody === 'string' && fromBody !== '' ? fromBody : undefined
}
