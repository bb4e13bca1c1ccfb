import { isObject } from './flat-schema.js'
import type { ExtraRoute, FuzzExchange } from './fuzz-profile.js'

/** The admin API every simulator mounts: the core's, not the vendor's, so the fuzz leaves it out. */
export const excludeAdmin = (path: string): boolean => /^\/+__admin(\/|$)/i.test(path)

/** The spec every simulator serves outside it: fuzzed for wrong methods, odd paths and encodings. */
export const servedSpecRoute: ExtraRoute = { method: 'GET', path: '/openapi.json' }

/**
 * Why an answer is not `application/json` (UTF-8 if a charset is named), or undefined when it is:
 * the first check of every vendor whose errors are JSON.
 *
 * @example
 * jsonContentTypeProblem(exchange) // 'Content-Type is "text/plain", not application/json'
 */
export function jsonContentTypeProblem(exchange: FuzzExchange): string | undefined {
  const contentType = exchange.headers.get('content-type') ?? ''
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase())
  if (mediaType !== 'application/json') {
    return `Content-Type is ${JSON.stringify(contentType)}, not application/json`
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))
  if (charset && charset !== 'charset=utf-8') {
    return `Content-Type says ${charset}, not utf-8`
  }
  return undefined
}

/**
 * Why an answer is not a vendor's JSON error body, or undefined when it is: `application/json`
 * (UTF-8 if a charset is named), no body at all for HEAD (only its headers can be checked), else a
 * JSON object that the vendor's own `bodyProblem` finds nothing wrong with.
 *
 * @example
 * const errorFormatProblem = (exchange: FuzzExchange) =>
 *   jsonErrorProblem(exchange, (body) => (typeof body.message === 'string' ? undefined : 'no "message"'))
 */
export function jsonErrorProblem(
  exchange: FuzzExchange,
  bodyProblem: (body: Record<string, unknown>) => string | undefined,
): string | undefined {
  const notJson = jsonContentTypeProblem(exchange)
  if (notJson) {
    return notJson
  }
  if (exchange.request.method === 'HEAD') {
    return exchange.body === '' ? undefined : 'a HEAD answer has a body'
  }
  let body: unknown
  try {
    body = JSON.parse(exchange.body)
  } catch {
    return 'the body is not JSON'
  }
  return isObject(body) ? bodyProblem(body) : 'the body is not a JSON object'
}
