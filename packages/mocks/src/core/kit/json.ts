import type { Context } from 'hono'
import { respondWith } from '../simulator.js'

/**
 * The headers of a JSON answer, made once and frozen: `respondWith` adds the request id to a plain
 * object like this one without building a Headers object (docs/decisions/hot-path.md). Spread it
 * into a vendor's own frozen set when it needs more (`WWW-Authenticate` on a 401).
 */
export const jsonHeaders: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': 'application/json' })

/**
 * Answers with a value written as JSON, `Content-Type: application/json`.
 *
 * @example
 * return json(c, { data: contactResource(contact) }, 201)
 */
export function json(c: Context, value: unknown, status = 200): Response {
  return respondWith(c, JSON.stringify(value), status, jsonHeaders)
}

/**
 * Answers with JSON already written, as text or bytes (a cached page, a record kept as JSON), so
 * nothing is serialized again.
 *
 * @example
 * return jsonText(c, `{"ready":false}`)
 */
export function jsonText(c: Context, body: string | Uint8Array<ArrayBuffer> | null, status = 200): Response {
  return respondWith(c, body, status, jsonHeaders)
}
