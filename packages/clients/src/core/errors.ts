/** What a vendor's error body says, once read. */
export interface VendorErrorDetails {
  /** The vendor's machine-readable code, when it has one. */
  code?: string
  /** The vendor's own sentence. */
  message?: string
  /** The request id, for vendors that put it in the error body; `X-Request-Id` wins when both are there. */
  requestId?: string
}

/**
 * Reads a vendor's error body (parsed JSON, the vendor's decoded format, or text) into a code and
 * a message. The response is there for vendors that put the code in a header.
 */
export type ErrorBodyReader = (body: unknown, response: Response) => VendorErrorDetails

/** Every error a contactkit client throws. */
export class ContactKitError extends Error {
  override name = 'ContactKitError'
}

/** The API answered with an error status. */
export class ApiError extends ContactKitError {
  override name = 'ApiError'
  /** The vendor's code, when it has one. */
  readonly code: string | undefined
  /** The body as received (parsed JSON, decoded XML, or text). */
  readonly body: unknown
  /** The vendor's request id (`X-Request-Id`, or the one in the error body), to quote to its support. */
  readonly requestId: string | null

  constructor(
    readonly status: number,
    details: VendorErrorDetails,
    body: unknown,
    readonly headers: Headers,
  ) {
    super(details.message ?? `The API answered ${status} without saying why.`)
    this.code = details.code
    this.body = body
    this.requestId = headers.get('x-request-id') ?? details.requestId ?? null
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError'
}
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError'
}
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError'
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError'
}
export class ConflictError extends ApiError {
  override name = 'ConflictError'
}
/** 410: the resource existed and is gone (CloudSponge deletes contacts minutes after an import). */
export class GoneError extends ApiError {
  override name = 'GoneError'
}
export class PreconditionFailedError extends ApiError {
  override name = 'PreconditionFailedError'
}
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError'
}
export class RateLimitError extends ApiError {
  override name = 'RateLimitError'
}
export class InternalServerError extends ApiError {
  override name = 'InternalServerError'
}

/** The request never got an answer: DNS, refused connection, reset. */
export class ConnectionError extends ContactKitError {
  override name = 'ConnectionError'
}

/** No answer within the per-request timeout. */
export class TimeoutError extends ContactKitError {
  override name = 'TimeoutError'
}

/** How long a poll went on before giving up. */
export interface PollTimeoutDetails {
  maxWaitMs?: number
  elapsedMs?: number
  /** Checks made, the first included. */
  attempts?: number
}

/** A poll (an import, a sync) did not finish within its `maxWaitMs`. */
export class PollTimeoutError extends ContactKitError {
  override name = 'PollTimeoutError'
  readonly maxWaitMs: number | undefined
  readonly elapsedMs: number | undefined
  readonly attempts: number | undefined

  constructor(message: string, details: PollTimeoutDetails & ErrorOptions = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.maxWaitMs = details.maxWaitMs
    this.elapsedMs = details.elapsedMs
    this.attempts = details.attempts
  }
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  410: GoneError,
  412: PreconditionFailedError,
  422: UnprocessableEntityError,
  429: RateLimitError,
}

/**
 * The typed error for a failed response.
 *
 * @example
 * throw apiError(response, body, (body) => ({ message: (body as { error?: { message?: string } })?.error?.message }))
 */
export function apiError(response: Response, body: unknown, read: ErrorBodyReader): ApiError {
  const ErrorClass = byStatus[response.status] ?? (response.status >= 500 ? InternalServerError : ApiError)
  let details: VendorErrorDetails = {}
  try {
    details = read(body, response)
  } catch {
    // An unreadable body still yields an error with the status; the body stays on the error.
  }
  return new ErrorClass(response.status, details, body, response.headers)
}
