import type { FuzzExchange } from './fuzz-profile.js'

/** The admin API every simulator mounts: the core's, not the vendor's, so the fuzz leaves it out. */
export const excludeAdmin = (path: string): boolean => /^\/+__admin(\/|$)/i.test(path)

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
