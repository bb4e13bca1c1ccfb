import type { Content, Cookie, Entry, Header, PostData, QueryString } from 'har-format'
import { redactBody, redactForm, redactHeader, type SecretReplacer } from '../core/redaction.js'
import { mediaTypeOf } from '../core/request-body.js'
import type { CapturedBody } from './body-capture.js'
import { contentDecoder } from './content-encoding.js'
import type { Violation } from './violations.js'

/** One request and its answer, as a recording keeps them (before redaction). */
export interface RecordedExchange {
  startedAt: Date
  request: {
    method: string
    /** Absolute URL, query included. */
    url: string
    httpVersion?: string
    /** Name/value pairs in the order sent, repeated names repeated. */
    headers: readonly (readonly [string, string])[]
    body?: CapturedBody
  }
  response: {
    status: number
    statusText?: string
    httpVersion?: string
    headers: readonly (readonly [string, string])[]
    /** The bytes as sent on the wire (compressed when the answer was), unless `decoded`. */
    body?: CapturedBody
    /** The body was already decoded from its Content-Encoding (fetch does that). */
    decoded?: boolean
  }
  /** Milliseconds: sending the request, waiting for the first byte of the answer, reading it. */
  timings: { send: number; wait: number; receive: number }
  /** What broke the vendor's spec; empty or absent when nothing did. */
  violations?: readonly Violation[]
  /** Set when the upstream could not be reached and the answer is the proxy's own. */
  upstreamError?: string
  /** The vendor's operation, when the spec knows the request. */
  operationId?: string
}

/** What a recording adds to each HAR entry, under `_contactkit`. */
export interface ContactkitEntryData {
  operationId?: string
  violations: Violation[]
  upstreamError?: string
}

/**
 * Turns an exchange into a HAR 1.2 entry with every secret replaced (headers, query, cookies,
 * bodies by their media type), bodies as text when they are UTF-8 and base64 otherwise, and a
 * body longer than what was kept marked in its `comment`. Nothing unredacted is returned.
 *
 * @example
 * const entry = harEntry(exchange, secretPlaceholders())
 * entry.request.headers // [{ name: 'Authorization', value: 'Basic <secret:1>' }, …]
 */
export function harEntry(exchange: RecordedExchange, replace: SecretReplacer): Entry {
  const { request, response } = exchange
  const url = new URL(request.url)
  const query = redactForm(url.search.slice(1), replace)
  const requestType = headerOf(request.headers, 'content-type')
  const responseType = headerOf(response.headers, 'content-type')
  const { send, wait, receive } = exchange.timings
  const contactkit: ContactkitEntryData = {
    operationId: exchange.operationId,
    violations: [...(exchange.violations ?? [])],
    upstreamError: exchange.upstreamError,
  }
  const entry: Entry = {
    startedDateTime: exchange.startedAt.toISOString(),
    time: send + wait + receive,
    request: {
      method: request.method,
      url: `${url.origin}${url.pathname}${query === '' ? '' : `?${query}`}`,
      httpVersion: request.httpVersion ?? 'HTTP/1.1',
      cookies: cookiesOf(request.headers, 'cookie', replace),
      headers: headersOf(request.headers, replace),
      queryString: queryOf(query),
      postData: request.body && request.body.size > 0 ? postData(request.body, requestType, replace) : undefined,
      headersSize: -1,
      bodySize: request.body?.sizeUnknown ? -1 : (request.body?.size ?? 0),
    },
    response: {
      status: response.status,
      statusText: response.statusText ?? '',
      httpVersion: response.httpVersion ?? 'HTTP/1.1',
      cookies: cookiesOf(response.headers, 'set-cookie', replace),
      headers: headersOf(response.headers, replace),
      content: content(
        response.body,
        responseType,
        response.decoded ? undefined : headerOf(response.headers, 'content-encoding'),
        replace,
      ),
      redirectURL: headerOf(response.headers, 'location') ?? '',
      headersSize: -1,
      bodySize:
        response.body?.sizeUnknown || (response.decoded && headerOf(response.headers, 'content-encoding'))
          ? -1
          : (response.body?.size ?? 0),
    },
    cache: {},
    timings: { send, wait, receive },
    _contactkit: contactkit,
  }
  if (contactkit.violations.length > 0) {
    entry.comment = `${contactkit.violations.length} spec violation(s): ${contactkit.violations.map((violation) => `${violation.in} ${violation.where}`).join(', ')}`
  }
  if (exchange.upstreamError) {
    entry.comment = `The upstream could not be reached: ${exchange.upstreamError}`
  }
  return entry
}

function headerOf(headers: RecordedExchange['request']['headers'], name: string): string | undefined {
  return headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1]
}

function headersOf(headers: RecordedExchange['request']['headers'], replace: SecretReplacer): Header[] {
  return headers.map(([name, value]) => ({ name, value: redactHeader(name, value, replace) }))
}

function queryOf(query: string): QueryString[] {
  return [...new URLSearchParams(query)].map(([name, value]) => ({ name, value }))
}

// A cookie's value is a secret whatever its name: sessions hide under any name.
function cookiesOf(
  headers: RecordedExchange['request']['headers'],
  header: 'cookie' | 'set-cookie',
  replace: SecretReplacer,
): Cookie[] {
  const cookies: Cookie[] = []
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== header) {
      continue
    }
    const pairs = header === 'cookie' ? value.split(';') : [value.split(';')[0] ?? '']
    for (const pair of pairs) {
      const equals = pair.indexOf('=')
      if (equals > 0) {
        cookies.push({ name: pair.slice(0, equals).trim(), value: replace(pair.slice(equals + 1).trim()) })
      }
    }
  }
  return cookies
}

interface WrittenBody {
  text: string
  base64: boolean
  comment?: string
}

function postData(body: CapturedBody, contentType: string | undefined, replace: SecretReplacer): PostData {
  const written = writtenBody(body.bytes, body.size, body.sizeUnknown, contentType, replace)
  const data: PostData = { mimeType: contentType ?? '', text: written.text }
  if (written.base64) {
    // HAR 1.2 has no encoding for request bodies; a custom field says how to read this one.
    ;(data as PostData & { _encoding: string })._encoding = 'base64'
  }
  if (written.comment) {
    data.comment = written.comment
  }
  return data
}

function content(
  body: CapturedBody | undefined,
  contentType: string | undefined,
  contentEncoding: string | undefined,
  replace: SecretReplacer,
): Content {
  const mimeType = contentType ?? ''
  if (!body || body.size === 0) {
    return { size: 0, mimeType }
  }
  let bytes = body.bytes
  let size = body.size
  const complete = body.bytes.byteLength === body.size
  const decode = contentDecoder(contentEncoding)
  if (decode && complete) {
    try {
      bytes = decode(bytes)
      size = bytes.byteLength
    } catch {
      // Not what its Content-Encoding says: kept as sent, base64.
      return { size, mimeType, text: Buffer.from(bytes).toString('base64'), encoding: 'base64' }
    }
  } else if (decode) {
    return {
      size: body.size,
      mimeType,
      text: Buffer.from(bytes).toString('base64'),
      encoding: 'base64',
      comment: `cut: the first ${bytes.byteLength} of ${body.size} ${contentEncoding} bytes, as sent`,
    }
  }
  const written = writtenBody(bytes, size, body.sizeUnknown, contentType, replace)
  const result: Content = { size, mimeType, text: written.text }
  if (written.base64) {
    result.encoding = 'base64'
  }
  if (written.comment) {
    result.comment = written.comment
  }
  if (decode) {
    result.compression = size - body.size
  }
  return result
}

/**
 * A body as HAR text: UTF-8 as text, anything else (a binary file in a multipart form) base64.
 * Secrets are replaced before encoding, in a binary body on its bytes read one per character.
 */
function writtenBody(
  bytes: Uint8Array,
  size: number,
  sizeUnknown: boolean | undefined,
  contentType: string | undefined,
  replace: SecretReplacer,
): WrittenBody {
  const comment =
    bytes.byteLength < size
      ? `cut: the first ${bytes.byteLength} of ${sizeUnknown ? 'more than that many' : size} bytes`
      : undefined
  const type = mediaTypeOf(contentType) ?? null
  let text: string | undefined
  try {
    // stream: a cut body may end inside a character, which is dropped rather than refused.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: bytes.byteLength < size })
  } catch {
    text = undefined
  }
  if (text !== undefined && !text.includes('\u0000')) {
    return { text: redactBody(text, contentType ?? type, replace), base64: false, comment }
  }
  const binary = redactBody(Buffer.from(bytes).toString('latin1'), contentType ?? type, replace)
  return { text: Buffer.from(binary, 'latin1').toString('base64'), base64: true, comment }
}

/**
 * What a recording added to an entry (`_contactkit`): the operation, the spec violations and an
 * upstream failure; empty for an entry another tool wrote.
 *
 * @example
 * for (const entry of har.log.entries) console.log(contactkitData(entry).violations)
 */
export function contactkitData(entry: Entry): ContactkitEntryData {
  const data = entry._contactkit as Partial<ContactkitEntryData> | undefined
  return { ...data, violations: data?.violations ?? [] }
}
