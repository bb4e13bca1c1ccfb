import { ConnectionError, TimeoutError } from './errors.js'
import { requestPolicy } from './request-policy.js'
import { isRetryableStatus, mayRetry } from './retry-policy.js'
import { sleep as defaultSleep, type Sleep } from './sleep.js'

export interface RetryOptions {
  /** Retries after the first attempt, for requests that may be retried at all. Default 2. */
  maxRetries?: number
  /** First backoff; each retry doubles it. Default 500 ms. */
  initialDelayMs?: number
  /** Longest backoff, and the cap on a `Retry-After`. Default 8 s. */
  maxDelayMs?: number
  /** Per-attempt timeout; a call may set its own (`timeoutMs` in its request init). Default 60 s. */
  timeoutMs?: number
  /** How to wait between attempts; tests pass one that advances a simulated clock. */
  sleep?: Sleep
  /** Called before each retry, e.g. to log it. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string; request: Request }) => void
}

/**
 * The retry settings among a client's options, and nothing else of them: what a vendor client
 * hands on to the core's fetch.
 *
 * @example
 * createApiClient<paths>({ defaultBaseUrl, auth, readError, ...retrySettings(options) })
 */
export function retrySettings(options: RetryOptions): RetryOptions {
  const { maxRetries, initialDelayMs, maxDelayMs, timeoutMs, sleep, onRetry } = options
  return { maxRetries, initialDelayMs, maxDelayMs, timeoutMs, sleep, onRetry }
}

/**
 * Wraps fetch with a per-attempt timeout and retries with exponential backoff and jitter on
 * 408, 429, 5xx, network errors and timeouts, honouring `Retry-After`. Only requests that may be
 * repeated are retried: GET, HEAD, OPTIONS, PUT and DELETE, or any request marked
 * `idempotent: true`; a POST or PATCH is sent once unless marked, and a 409 is never retried.
 * Throws ConnectionError or TimeoutError when no answer comes; returns the last response otherwise.
 *
 * @example
 * const fetchWithRetry = resilientFetch(fetch, { maxRetries: 3 })
 * const response = await fetchWithRetry(new Request('https://api.example.com/items'))
 */
export function resilientFetch(
  fetchImpl: (request: Request) => Promise<Response>,
  options: RetryOptions = {},
): (request: Request) => Promise<Response> {
  const initialDelayMs = options.initialDelayMs ?? 500
  const maxDelayMs = options.maxDelayMs ?? 8000
  const wait = options.sleep ?? defaultSleep

  return async (request) => {
    const maxRetries = mayRetry(request) ? (options.maxRetries ?? 2) : 0
    const timeoutMs = requestPolicy(request).timeoutMs ?? options.timeoutMs ?? 60_000
    for (let attempt = 0; ; attempt++) {
      request.signal.throwIfAborted()
      const last = attempt >= maxRetries
      const timeout = attemptSignal(request.signal, timeoutMs)
      let reason: string
      let delayMs = backoff(attempt, initialDelayMs, maxDelayMs)
      try {
        // Each attempt sends a fresh copy, so a retried request still has its body.
        const response = await settleByAbort(
          fetchImpl(new Request(request.clone(), { signal: timeout.signal })),
          timeout.signal,
        ).finally(timeout.clear)
        if (last || !isRetryableStatus(response.status)) {
          return response
        }
        reason = `status ${response.status}`
        delayMs = retryAfterMs(response.headers, maxDelayMs) ?? delayMs
        await response.body?.cancel()
      } catch (error) {
        if (request.signal.aborted) {
          throw request.signal.reason
        }
        const failure = timeout.timedOut()
          ? new TimeoutError(
              `No answer from ${request.method} ${request.url} within ${timeoutMs} ms.${notRetried(request)}`,
              {
                cause: error,
              },
            )
          : new ConnectionError(
              `Could not reach ${request.method} ${request.url}: ${describe(error)}.${notRetried(request)}`,
              {
                cause: error,
              },
            )
        if (last) {
          throw failure
        }
        reason = failure.message
      }
      options.onRetry?.({ attempt: attempt + 1, delayMs, reason, request })
      request.signal.throwIfAborted()
      await wait(delayMs, request.signal)
    }
  }
}

/**
 * Exponential backoff with up to 25% jitter, so clients that failed together do not retry together.
 *
 * @example
 * backoff(2, 500, 8000) // between 1500 and 2000
 */
export function backoff(attempt: number, initialDelayMs: number, maxDelayMs: number): number {
  const base = Math.min(initialDelayMs * 2 ** attempt, maxDelayMs)
  return Math.round(base * (1 - Math.random() * 0.25))
}

/**
 * `Retry-After` (seconds or an HTTP date) or `retry-after-ms`, capped; undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs(new Headers({ 'Retry-After': '3' }), 8000) // 3000
 */
export function retryAfterMs(headers: Headers, maxDelayMs: number): number | undefined {
  const ms = Number(headers.get('retry-after-ms'))
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) {
    return Math.min(ms, maxDelayMs)
  }
  const value = headers.get('retry-after')
  if (!value) {
    return undefined
  }
  const seconds = Number(value)
  const delay = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now()
  return Number.isFinite(delay) ? Math.min(Math.max(delay, 0), maxDelayMs) : undefined
}

/** Tells the caller why a failed write was not sent again, and how to allow it. */
function notRetried(request: Request): string {
  return mayRetry(request)
    ? ''
    : ` It was not retried because a ${request.method} may already have taken effect; pass idempotent: true if repeating it is safe.`
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}

/**
 * The fetch's answer, or the signal's reason as soon as it aborts, whichever comes first. A fetch is
 * meant to reject on its own when its signal aborts, but not every one does (custom fetches,
 * polyfills), and Node's `Request` forwards an abort through a weak reference that is lost if the
 * fetch lets go of the Request: without this race such an attempt would wait forever.
 */
function settleByAbort(response: Promise<Response>, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason)
      // An answer that comes after all is not wanted: free its connection.
      response.then(
        (late) => late.body?.cancel(),
        () => {},
      )
    }
    if (signal.aborted) {
      onAbort()
      return
    }
    // The signal is the attempt's own and fires at most once; it is dropped with the attempt, so the
    // listener needs neither `once` nor removal.
    signal.addEventListener('abort', onAbort)
    response.then(resolve, reject)
  })
}

/**
 * The signal of one attempt: aborted by the caller's signal or when `timeoutMs` passes without an
 * answer. A timer and a listener rather than `AbortSignal.any([signal, AbortSignal.timeout()])`:
 * Node holds the signals of `any` weakly, and under memory pressure a collected one never fires,
 * leaving the attempt to hang.
 */
function attemptSignal(caller: AbortSignal, timeoutMs: number) {
  const controller = new AbortController()
  let timedOut = false
  const onAbort = () => controller.abort(caller.reason)
  // Removed by clear() after every attempt; an abort fires once, so `once` would add nothing.
  caller.addEventListener('abort', onAbort)
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError'))
  }, timeoutMs)
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    /** Once the answer has come: the timeout covers waiting for it, not reading its body. */
    clear() {
      clearTimeout(timer)
      caller.removeEventListener('abort', onAbort)
    },
  }
}
