import { requestPolicy } from './request-policy.js'

/**
 * Methods that may be sent again without changing the outcome (RFC 9110 §9.2.2). A POST or
 * PATCH is missing on purpose: our vendors take no idempotency key, so a repeated POST that
 * already reached the server would, say, start a second import.
 */
export const idempotentMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/**
 * Whether a request may be sent more than once: its own `idempotent` flag when it carries one,
 * otherwise whether its method is idempotent.
 *
 * @example
 * mayRetry(new Request(url, { method: 'POST' })) // false
 * mayRetry(withRequestPolicy(new Request(url, { method: 'POST' }), { idempotent: true })) // true
 */
export function mayRetry(request: Request): boolean {
  return requestPolicy(request).idempotent ?? idempotentMethods.has(request.method.toUpperCase())
}

/**
 * Whether a status says "try again later": 408, 429 and every 5xx. A 409 is a real conflict
 * (the same resource is being changed), so sending the same request again cannot fix it.
 *
 * @example
 * isRetryableStatus(503) // true
 * isRetryableStatus(409) // false
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}
