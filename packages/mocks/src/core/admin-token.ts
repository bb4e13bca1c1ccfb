import type { Context } from 'hono'

/**
 * The admin token a request carries, wherever it put it: `Authorization: Bearer <token>`, then
 * `X-Contactkit-Admin-Token`, then `?admin_token=` (what a browser can send from a link).
 *
 * @example
 * if (expected && adminTokenOf(c) !== expected) return c.json({ error: { message: '...' } }, 401)
 */
export function adminTokenOf(c: Context): string | undefined {
  // `.+` runs to the end of the value: a header value holds no line breaks.
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)/i)?.[1]
  return bearer ?? c.req.header('x-contactkit-admin-token') ?? c.req.query('admin_token')
}
