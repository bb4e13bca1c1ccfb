import { decodeRailsXml } from '@contactkit/specs/rails-xml'
import type { ErrorBodyReader } from '../core/errors.js'

/**
 * Reads CloudSponge's error body, `{ "error": { "message": "…" } }` in JSON and XML alike; some
 * errors (a 401 from the proxy in front of the API) are plain text, which is the message then.
 *
 * @example
 * readCloudSpongeError({ error: { message: 'Access was denied.' } }) // { message: 'Access was denied.' }
 */
export const readCloudSpongeError: ErrorBodyReader = (body) => ({
  message: (body as { error?: { message?: string } })?.error?.message ?? (typeof body === 'string' ? body : undefined),
})

/**
 * Decodes a body that arrived as Rails XML (`format: 'xml'`, read as text) into the object the
 * JSON endpoint would have sent; anything else is left as it is.
 *
 * @example
 * decodeCloudSpongeBody('<result><import-id type="integer">1</import-id></result>') // { import_id: 1 }
 */
export function decodeCloudSpongeBody(body: unknown): unknown {
  return typeof body === 'string' && body.trimStart().startsWith('<') ? decodeRailsXml(body) : body
}
