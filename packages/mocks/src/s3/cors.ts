/**
 * The CORS rules of every simulated bucket, as a bucket configured for browser uploads has them:
 * any origin, the methods GET, POST and HEAD, any request header, and the response headers a page
 * needs after an upload exposed.
 */

const exposed = 'ETag, Location, x-amz-request-id, x-amz-id-2, x-amz-server-side-encryption, X-Request-Id'

/**
 * The CORS headers of an answer to a browser request (one that sent `Origin`); none otherwise.
 *
 * @example
 * corsHeaders('https://app.example.org') // { 'Access-Control-Allow-Origin': '*', … }
 * corsHeaders(undefined) // {}
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) {
    return {}
  }
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, HEAD',
    'Access-Control-Expose-Headers': exposed,
    'Access-Control-Max-Age': '3000',
    Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  }
}

/**
 * The headers of a preflight answer: the CORS headers, and the request headers the browser asked
 * to send allowed as asked.
 *
 * @example
 * preflightHeaders('https://app.example.org', 'x-amz-server-side-encryption')
 */
export function preflightHeaders(origin: string, requestHeaders: string | undefined): Record<string, string> {
  const headers = corsHeaders(origin)
  if (requestHeaders?.trim()) {
    headers['Access-Control-Allow-Headers'] = requestHeaders.trim()
  }
  return headers
}
