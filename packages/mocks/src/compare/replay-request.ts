import type { CredentialPlan } from './credentials.js'
import type { RecordedExchange } from './har.js'
import type { IdMap } from './id-map.js'
import type { RequestDetermined } from './normalise.js'

/** A recorded request rewritten for the simulator: its ids and credentials replaced. */
export interface ReplayRequest {
  method: string
  /** Path and query, as `app.request` takes them. */
  target: string
  headers: [string, string][]
  body: Uint8Array | undefined
  mediaType: string | undefined
}

// Hop-by-hop headers and those the simulator's fetch sets itself from the body.
const dropped = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
  'proxy-authorization',
  'proxy-connection',
])

/**
 * The request to send the simulator in place of a recorded one: ids, tokens and etags that earlier
 * answers handed out become the simulator's (`ids`), redacted credentials become its sandbox ones
 * or stay wrong (`credentials`). Bodies are rewritten byte for byte outside what is replaced.
 *
 * @example
 * const request = replayRequest(exchange, ids, credentials)
 * await simulator.app.request(request.target, { method: request.method, headers: request.headers, body: request.body })
 */
export function replayRequest(exchange: RecordedExchange, ids: IdMap, credentials: CredentialPlan): ReplayRequest {
  const path = ids.apply(exchange.url.pathname)
  const search = exchange.url.search ? `?${rewriteForm(exchange.url.search.slice(1), ids, credentials)}` : ''
  const headers = exchange.requestHeaders
    .filter(([name]) => !dropped.has(name))
    .map(([name, value]): [string, string] => [name, ids.apply(credentials.header(name, value))])
  const mediaType = exchange.requestBody?.mediaType ?? headers.find(([name]) => name === 'content-type')?.[1]
  let body: Uint8Array | undefined
  if (exchange.requestBody) {
    const text = binaryString(exchange.requestBody.bytes)
    const type = mediaType?.toLowerCase() ?? ''
    const rewritten = type.includes('x-www-form-urlencoded')
      ? rewriteForm(text, ids, credentials)
      : type.includes('json')
        ? rewriteJson(ids.apply(text), credentials)
        : ids.apply(text)
    body = fromBinaryString(rewritten)
  }
  return { method: exchange.method, target: `${path}${search}`, headers, body, mediaType }
}

function rewriteForm(text: string, ids: IdMap, credentials: CredentialPlan): string {
  return text
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      if (equals < 0) {
        return ids.apply(pair)
      }
      const name = decode(pair.slice(0, equals))
      const raw = pair.slice(equals + 1)
      const value = decode(raw)
      const credential = credentials.field(name, value)
      if (credential !== value) {
        return `${pair.slice(0, equals)}=${encodeURIComponent(credential)}`
      }
      // Mapped decoded: a recorded token such as `<secret:3>` travels percent-encoded.
      const mapped = ids.apply(value)
      return mapped === value
        ? `${pair.slice(0, equals)}=${ids.apply(raw)}`
        : `${pair.slice(0, equals)}=${encodeURIComponent(mapped)}`
    })
    .join('&')
}

function rewriteJson(text: string, credentials: CredentialPlan): string {
  return text.replace(
    /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g,
    (whole, name: string, colon: string, value: string) => {
      const replaced = credentials.field(name, value)
      return replaced === value ? whole : `"${name}"${colon}${JSON.stringify(replaced)}`
    },
  )
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** Bytes as a string of one char per byte, so text replacements leave every other byte as it was. */
function binaryString(bytes: Uint8Array): string {
  let text = ''
  for (let start = 0; start < bytes.length; start += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  }
  return text
}

function fromBinaryString(text: string): Uint8Array {
  // Replacements are ASCII or UTF-16 text: write chars above one byte as UTF-8.
  const bytes: number[] = []
  for (const char of text) {
    const code = char.charCodeAt(0)
    if (code < 0x100) {
      bytes.push(code)
    } else {
      bytes.push(...new TextEncoder().encode(char))
    }
  }
  return Uint8Array.from(bytes)
}

/**
 * Which answer values a request determined: the values it sent by name (`echo`, `user_id`, a new
 * contact's fields) and any longer string it sent, so `compare` holds the simulator to them.
 *
 * @example
 * const fromRequest = requestValues('echo=hello', undefined, undefined)
 * fromRequest('echo', 'hello') // true
 */
export function requestValues(
  search: string,
  body: Uint8Array | undefined,
  mediaType: string | undefined,
): RequestDetermined {
  const byKey = new Map<string, Set<string>>()
  const strings = new Set<string>()
  const add = (key: string, value: unknown) => {
    if (value === null || typeof value === 'object') {
      return
    }
    const squashed = squash(key)
    const set = byKey.get(squashed) ?? new Set()
    set.add(String(value))
    byKey.set(squashed, set)
    if (typeof value === 'string' && value.length >= 3) {
      strings.add(value)
    }
  }
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        walk(item, key)
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) {
        walk(item, name)
      }
    } else {
      add(key, value)
    }
  }
  for (const [name, value] of new URLSearchParams(search)) {
    add(name, value)
  }
  if (body) {
    const text = new TextDecoder().decode(body)
    const type = mediaType?.toLowerCase() ?? ''
    if (type.includes('x-www-form-urlencoded')) {
      for (const [name, value] of new URLSearchParams(text)) {
        add(name, value)
      }
    } else if (type.includes('json')) {
      try {
        walk(JSON.parse(text), '')
      } catch {
        // A body that is not JSON determines nothing.
      }
    }
  }
  return (key, value) => {
    if (value === null || typeof value === 'object' || value === undefined) {
      return false
    }
    if (key !== undefined && byKey.get(squash(key))?.has(String(value))) {
      return true
    }
    return typeof value === 'string' && value.length >= 3 && strings.has(value)
  }
}

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}
