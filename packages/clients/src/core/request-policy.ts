/**
 * What a single call may say about how it is sent. openapi-fetch copies unknown request-init keys
 * onto the Request it builds, so `raw.POST(path, { body, idempotent: true })` carries the choice
 * down to the retrying fetch without a header ever reaching the vendor.
 */
export interface RequestPolicy {
  /**
   * `true`: the call is safe to send again, so a POST or PATCH may be retried. `false`: never
   * retry it, whatever its method. Default: decided by the method (see `retry-policy.ts`).
   */
  idempotent?: boolean
  /** This call's per-attempt timeout, in place of the client's `timeoutMs`. */
  timeoutMs?: number
}

/** The options every vendor method takes: a signal and the call's policy. */
export interface CallOptions extends RequestPolicy {
  signal?: AbortSignal
}

/** A Request that may carry a policy as own properties. */
type RequestWithPolicy = Request & RequestPolicy

/**
 * Marks a Request with a policy and returns it, for callers of `resilientFetch` who build their
 * own Requests. Calls made through openapi-fetch pass the same keys in their request init instead.
 *
 * @example
 * const request = withRequestPolicy(new Request(url, { method: 'POST', body }), { idempotent: true })
 * await resilientFetch(fetch)(request)
 */
export function withRequestPolicy(request: Request, policy: RequestPolicy): Request {
  const marked = request as RequestWithPolicy
  if (policy.idempotent !== undefined) {
    marked.idempotent = policy.idempotent
  }
  if (policy.timeoutMs !== undefined) {
    marked.timeoutMs = policy.timeoutMs
  }
  return marked
}

/**
 * The policy a Request carries; values of the wrong type are ignored, so a stray property
 * never turns retries on.
 *
 * @example
 * requestPolicy(withRequestPolicy(new Request(url), { timeoutMs: 5_000 })) // { timeoutMs: 5000 }
 */
export function requestPolicy(request: Request): RequestPolicy {
  const { idempotent, timeoutMs } = request as RequestWithPolicy
  const policy: RequestPolicy = {}
  if (typeof idempotent === 'boolean') {
    policy.idempotent = idempotent
  }
  // Number.isFinite is false for anything but a finite number, a string included.
  if (Number.isFinite(timeoutMs) && (timeoutMs as number) > 0) {
    policy.timeoutMs = timeoutMs
  }
  return policy
}

/**
 * The request-init keys of a call's options, to spread into an openapi-fetch call; the call's own
 * parameters (pages, cursors…) stay out of the Request.
 *
 * @example
 * raw.GET('/events/{id}', { params: { path: { id } }, ...callInit(options) })
 */
export function callInit({ signal, idempotent, timeoutMs }: CallOptions = {}): CallOptions {
  return { signal, idempotent, timeoutMs }
}
