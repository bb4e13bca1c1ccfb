import type { Context } from 'hono'
import { BoundedMemo } from './kit/memo.js'

/**
 * The origin a user's browser should use for links the simulator hands out (consent pages,
 * upload forms, redirects): the configured public URL, else what a proxy says with
 * `X-Forwarded-Proto`/`X-Forwarded-Host` (or `Forwarded`), else the request's own origin.
 *
 * @example
 * const url = `${publicOrigin(c, options.publicUrl)}/n/${code}`
 */
export function publicOrigin(c: Context, configured?: string): string {
  if (configured) {
    return configured.replace(/\/$/, '')
  }
  const own = ownOrigin(c.req.url)
  const forwarded = c.req.header('forwarded')
  const forwardedHost = c.req.header('x-forwarded-host') ?? (forwarded && /host="?([^";,]+)/i.exec(forwarded)?.[1])
  const forwardedProto = c.req.header('x-forwarded-proto') ?? (forwarded && /proto="?([^";,]+)/i.exec(forwarded)?.[1])
  const host = forwardedHost?.split(',')[0]?.trim()
  const proto = forwardedProto?.split(',')[0]?.trim().toLowerCase()
  // Only plain host names and the two web schemes: a forged header must not inject markup into links.
  const safeHost = host && /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) ? host : own.host
  const safeProto = proto === 'http' || proto === 'https' ? proto : own.protocol.slice(0, -1)
  return `${safeProto}://${safeHost}`
}

// A URL's host and scheme are read from the text before its path, which every request to one
// server shares: parsed once per such prefix (bounded), not once per request.
const ownOrigins = new BoundedMemo<string, { host: string; protocol: string }>(256)

function ownOrigin(url: string): { host: string; protocol: string } {
  // The authority ends at the first '/', '?', '#' or backslash after '//': never after the first '/'.
  const pathStart = url.indexOf('/', url.indexOf('//') + 2)
  return ownOrigins.remember(pathStart === -1 ? url : url.slice(0, pathStart), () => {
    const parsed = new URL(url)
    return { host: parsed.host, protocol: parsed.protocol }
  })
}
