import { jsonHeaders } from '../../kit/json.js'
import { type ErrorResponder, respondWith } from '../../simulator.js'

const unauthorizedHeaders = Object.freeze({ ...jsonHeaders, 'WWW-Authenticate': 'Bearer realm="Rolodex"' })

/**
 * Rolodex's error body, `{"error":{"status","message","code"}}`; the core uses it for 404s, 413s,
 * 500s, faults and validation failures too.
 *
 * @example
 * return rolodexError(c, 404, 'There is no card c9.', { code: 'card.missing' })
 */
export const rolodexError: ErrorResponder = (c, status, message, details) =>
  respondWith(
    c,
    JSON.stringify({ error: { status, message, code: details?.code ?? `http.${status}` } }),
    status,
    status === 401 ? unauthorizedHeaders : jsonHeaders,
  )
