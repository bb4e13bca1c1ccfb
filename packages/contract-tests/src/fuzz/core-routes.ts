import { isObject } from './flat-schema.js'
import type { ExtraRoute, FuzzExchange } from './fuzz-profile.js'

/** The admin API every simulator mounts: the core's, not the vendor's, so the fuzz leaves it out. */
export const excludeAdmin = (path: string): boolean => /^\/+__admin(\/|$)/i.test(path)

/** The spec every simulator serves outside it: fuzzed for wrong methods, odd paths and encodings. */
export const servedSpecRoute: ExtraRoute = { method: 'GET', path: '/openapi.json' }

/**
 * Why an answer's Content-Type is not `expected` (UTF-8 if a charset is named), or undefined when
 * it is: the first check of every vendor's error format.
 *
 * @example
 * mediaTypeProblem(exchange, 'application/xml') // 'Content-Type is "text/plain", not application/xml'
 */
export function mediaTypeProblem(exchange: FuzzExchange, expected: string): string | undefined {
  const contentType = exchange.headers.get('content-type') ?? ''
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase())
  if (mediaType !== expected) {
    return `Content-Type is ${JSON.stringify(contentType)}, not ${expected}`
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))
  if (charset && charset !== 'charset=utf-8') {
    return `Content-Type says ${charset}, not utf-8`
  }
  return undefined
}

/**
 * The first character XML 1.0 forbids in a text (controls other than tab and line ends, U+FFFE,
 * U+FFFF), said as a problem, or undefined when there is none: what an XML error body must not hold.
 *
 * @example
 * forbiddenXmlChar('<a>\u0001</a>') // 'the XML holds U+0001, which XML 1.0 forbids'
 */
export function forbiddenXmlChar(text: string): string | undefined {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff) {
      return `the XML holds U+${code.toString(16).toUpperCase().padStart(4, '0')}, which XML 1.0 forbids`
    }
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
  const notJson = mediaTypeProblem(exchange, 'application/json')
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
