import type { Context } from 'hono'
import { jsonHeaders } from '../core/kit/json.js'
import { respondWith } from '../core/simulator.js'

/**
 * The numeric `code` the vendor writes. Its one recorded error, a 400, has code 100; for other
 * statuses no code is documented, so the simulator writes the status itself.
 */
export const validationCode = 100

const unauthorizedHeaders = Object.freeze({ ...jsonHeaders, 'WWW-Authenticate': 'Basic realm="Omnigage"' })

/**
 * Answers with Omnigage's error body, `{"errors":[{"detail","code"}]}`: no `status`, `title` or
 * `source`, as recorded. The core uses it too, for 404s of unknown paths, 413s, 415s, 500s, faults
 * and HTTP exceptions.
 *
 * @example
 * return omnigageError(c, 404, 'There is no contact "Q843fc2UoJf4B5CrQxQ6Cd" in this account.')
 */
export function omnigageError(c: Context, status: number, detail: string, details?: { code?: string }): Response {
  const code = details?.code === undefined ? (status === 400 ? validationCode : status) : Number(details.code)
  const body = JSON.stringify({ errors: [{ detail, code: Number.isFinite(code) ? code : status }] })
  return respondWith(c, body, status, status === 401 ? unauthorizedHeaders : jsonHeaders)
}
