// Headers that describe one connection, not the message (RFC 9110 §7.6.1): a proxy drops them.
// `Expect: 100-continue` is answered by the proxy's own server, so it is not passed on either.
const hopByHop = new Set([
  'expect',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/**
 * Node's raw header list (`[name, value, name, value…]`) as pairs, without hop-by-hop headers and
 * those the `Connection` header names; `Host` is replaced when a new one is given.
 *
 * @example
 * forwardedHeaders(request.rawHeaders, 'api.cloudsponge.com') // [['Host', 'api.cloudsponge.com'], ['Accept', '*\/*']]
 */
export function forwardedHeaders(rawHeaders: readonly string[], host?: string): [string, string][] {
  const named = new Set<string>()
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === 'connection') {
      for (const token of (rawHeaders[index + 1] ?? '').split(',')) {
        named.add(token.trim().toLowerCase())
      }
    }
  }
  const pairs: [string, string][] = []
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? ''
    const lower = name.toLowerCase()
    if (hopByHop.has(lower) || named.has(lower)) {
      continue
    }
    if (lower === 'host' && host !== undefined) {
      pairs.push([name, host])
      continue
    }
    pairs.push([name, rawHeaders[index + 1] ?? ''])
  }
  return pairs
}
