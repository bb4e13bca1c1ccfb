import type { Har } from 'har-format'
import { CompareInputError } from './errors.js'

/** A recorded body: bytes as they were on the wire, and the media type they were sent as. */
export interface RecordedBody {
  mediaType: string | undefined
  bytes: Uint8Array
  /** The recorder cut the body at its limit: there is not enough of it to compare. */
  truncated: boolean
}

/** One request and its answer, read from a HAR entry. */
export interface RecordedExchange {
  /** Which file and entry it came from, for messages: `flow.har#3`. */
  source: string
  startedAt: number
  method: string
  url: URL
  /** Header names lower-cased, in the order recorded; a name sent twice keeps both values. */
  requestHeaders: [string, string][]
  requestBody: RecordedBody | undefined
  status: number
  responseHeaders: [string, string][]
  responseBody: RecordedBody | undefined
  /**
   * The answer's headers are only those the source showed (`_partialHeaders: true` on the HAR
   * response, as in a recording made from documented examples): the rest are not compared.
   */
  partialHeaders: boolean
}

/**
 * Reads a HAR 1.2 document into exchanges, in the order recorded, leaving out the entries where the
 * recording proxy could not reach the upstream (`_contactkit.upstreamError`). Bodies are text as text, or
 * base64 when marked `encoding: "base64"` (HAR's own field for responses; recorders mark request
 * bodies the same way). Anything that is not such a document is a `CompareInputError` naming
 * what is wrong.
 *
 * @example
 * const exchanges = readHar(JSON.parse(text), 'flow.har')
 * exchanges[0].method // 'POST'
 */
export function readHar(document: unknown, name: string): RecordedExchange[] {
  const log = (document as Partial<Har> | null)?.log
  if (typeof document !== 'object' || document === null || typeof log !== 'object' || log === null) {
    throw new CompareInputError(`${name} is not a HAR file: it has no "log" object.`)
  }
  if (!Array.isArray(log.entries)) {
    throw new CompareInputError(`${name} is not a HAR file: its log has no "entries" list.`)
  }
  const exchanges = log.entries.map((entry, index): RecordedExchange | undefined => {
    const source = `${name}#${index + 1}`
    const request = entry?.request
    const response = entry?.response
    if (typeof request?.method !== 'string' || typeof request.url !== 'string' || !URL.canParse(request.url)) {
      throw new CompareInputError(`${source} is not a HAR entry: its request needs a method and an absolute url.`)
    }
    if (typeof response?.status !== 'number') {
      throw new CompareInputError(`${source} is not a HAR entry: its response needs a numeric status.`)
    }
    const startedAt = Date.parse(entry.startedDateTime)
    if (!Number.isFinite(startedAt)) {
      throw new CompareInputError(`${source} has no valid startedDateTime; HAR needs an ISO 8601 time there.`)
    }
    // The recording proxy's own 502 for an upstream it could not reach: there is no answer to compare.
    if (typeof (entry as { _contactkit?: { upstreamError?: unknown } })._contactkit?.upstreamError === 'string') {
      return undefined
    }
    const postData = request.postData as
      | (typeof request.postData & { encoding?: string; _encoding?: string })
      | undefined
    const requestText =
      postData?.text ??
      (postData?.params
        ? new URLSearchParams(postData.params.map((param) => [param.name, param.value ?? ''])).toString()
        : undefined)
    const content = response.content as (typeof response.content & { _truncated?: boolean }) | undefined
    return {
      source,
      startedAt,
      method: request.method.toUpperCase(),
      url: new URL(request.url),
      requestHeaders: headerPairs(request.headers),
      requestBody:
        requestText === undefined || requestText === ''
          ? undefined
          : {
              mediaType: postData?.mimeType || undefined,
              bytes: decodeText(requestText, postData?.encoding ?? postData?._encoding),
              truncated: cutComment.test(postData?.comment ?? ''),
            },
      status: response.status,
      responseHeaders: headerPairs(response.headers),
      partialHeaders: (response as { _partialHeaders?: unknown })._partialHeaders === true,
      responseBody:
        content?.text === undefined || content.text === ''
          ? undefined
          : {
              mediaType: content.mimeType || undefined,
              bytes: decodeText(content.text, content.encoding),
              truncated: content._truncated === true || cutComment.test(content.comment ?? ''),
            },
    }
  })
  return exchanges.filter((exchange): exchange is RecordedExchange => exchange !== undefined)
}

// The recording proxy marks a body cut at its limit with a comment: "cut: the first 1048576 of …".
const cutComment = /^cut:|\btruncated\b/i

function headerPairs(headers: unknown): [string, string][] {
  if (!Array.isArray(headers)) {
    return []
  }
  return headers
    .filter((header): header is { name: string; value: string } => typeof header?.name === 'string')
    .map((header) => [header.name.toLowerCase(), String(header.value ?? '')])
}

function decodeText(text: string, encoding: string | undefined): Uint8Array {
  if (encoding === 'base64') {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
  }
  return new TextEncoder().encode(text)
}

/**
 * The value of a header (the first, when sent twice), by lower-case name.
 *
 * @example
 * headerValue(exchange.responseHeaders, 'content-type') // 'application/json; charset=utf-8'
 */
export function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([candidate]) => candidate === name)?.[1]
}
