import type { Context } from 'hono'
import { respondWith } from '../core/simulator.js'
import { contentTypes, errorBody, type Format, vendorHeaders } from './wire-format.js'

/** The vendor's documented error sentences (quoted by its Java and .NET libraries). */
export const vendorMessages = {
  badRequest: 'Invalid parameters were supplied',
  accessDenied:
    "Access was denied to the requested resource. Either the supplied domain_key and domain_password did not match a domain or the request attempted to access a resource that you don't have access to.",
  notReady: 'The contacts are not yet available.',
  deleted: 'The contacts have already been retrieved and have been deleted from CloudSponge.com.',
} as const

/** The format a path asks for: `.xml` as a suffix of the id or of the resource; JSON otherwise. */
export function formatOfPath(path: string): Format {
  return /\.xml(\/|$)/i.test(path) ? 'xml' : 'json'
}

/**
 * Answers with CloudSponge's error body in the format the path asked for. A 401 carries the
 * Basic challenge, without which clients such as Apache HttpClient never send their credentials.
 *
 * @example
 * return cloudspongeError(c, 404, vendorMessages.notReady)
 */
export function cloudspongeError(c: Context, status: number, message: string): Response {
  const format = formatOfPath(c.req.path)
  const headers: Record<string, string> = { ...vendorHeaders, 'Content-Type': contentTypes[format] }
  if (status === 401) {
    headers['WWW-Authenticate'] = 'Basic realm="CloudSponge"'
  }
  return respondWith(c, errorBody(format, message), status, headers)
}

/** A 400 that starts with the vendor's sentence and says exactly what was wrong. */
export function badRequest(c: Context, detail: string): Response {
  return cloudspongeError(c, 400, `${vendorMessages.badRequest}: ${detail}`)
}
