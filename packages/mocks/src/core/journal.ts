import { redactBody, redactHeaders, redactRecord } from './redaction.js'

/** One request as the simulator saw it, with the answer it gave. */
export interface JournalEntry {
  id: number
  /** Simulator-clock time the request arrived, ISO 8601. */
  at: string
  method: string
  path: string
  query: Record<string, string>
  /** Request headers; credentials show as `[redacted]` unless the journal keeps secrets. */
  headers: Record<string, string>
  /** The start of the body as text (never more than the preview limit); secrets redacted. */
  body: string
  /** Whether `body` stops short of the whole body. */
  bodyTruncated: boolean
  /** Bytes of body the simulator read. */
  bodyBytes: number
  status: number
  /** Wall-clock milliseconds the simulator took to answer (not counting a streamed body). */
  durationMs: number
  requestId: string | null
  /** The fault rule that answered, if one did. */
  faultId: string | null
  /** The answer's headers and the start of its body; secrets redacted as in the request. */
  response: {
    headers: Record<string, string>
    /** The first 4 KB as text; null when the body was streamed or made elsewhere (not kept). */
    body: string | null
    bodyTruncated: boolean
    /** The body's size, when it was kept. */
    bodyBytes: number | null
  }
}

export interface JournalFilter {
  method?: string
  /** Substring of the path. */
  path?: string
  /** Only requests with this status. */
  status?: number
  /** At most this many, newest first. */
  limit?: number
}

export interface JournalOptions {
  /** How many requests it keeps, the oldest dropped first. Default 1,000. */
  limit?: number
  /** Show credentials and secret parameters as sent, instead of `[redacted]`. Default false. */
  keepSecrets?: boolean
}

/** What the core hands the journal: raw parts, turned into an entry only when someone reads it. */
export interface JournalRecord {
  atMs: number
  method: string
  /** Path and query as received. */
  url: string
  /**
   * The request's headers, or, under a Node server, its raw name/value list: keeping the Headers of
   * a Node request would keep the whole incoming message alive until the ring drops it, and a
   * thousand of those cost every request in garbage collection.
   */
  headers: Headers | readonly string[]
  /** The start of the body: text, or bytes decoded when the entry is read. */
  body: { text: string | Uint8Array; truncated: boolean; bytes: number }
  status: number
  durationMs: number
  requestId: string | null
  faultId: string | null
  /**
   * The answer's headers (its plain header object when the core has it, else the answer itself,
   * whose headers are read when the entry is), and the start of its body when it was text or bytes
   * made whole: never a whole large body, since a thousand answers' bodies held until the ring
   * drops them cost every request in garbage collection.
   */
  response?: {
    answer?: { readonly headers: Headers }
    headers?: Readonly<Record<string, string>>
    body: SentPreview | undefined
  }
}

/** The start of a body sent: text or bytes as sent when short, else its first bytes and its size. */
export interface SentPreview {
  sent: string | Uint8Array
  /** The whole body's size in bytes, when `sent` is only its start. */
  bytes?: number
}

const previewBytes = 4096
const encoder = new TextEncoder()
// Any character beyond ASCII; text without one has its length as its size in bytes.
const beyondAscii = /[\u0080-\uffff]/

/**
 * What the journal keeps of a body sent: the body itself when short, else a copy of its first
 * bytes (at least the preview's 4 KB) and its size, so the body is let go once it is sent.
 *
 * @example
 * journal.record({ ...entry, response: { headers, body: sentPreview(page) } })
 */
export function sentPreview(body: string | Uint8Array): SentPreview {
  if (typeof body === 'string') {
    if (body.length <= previewBytes) {
      return { sent: body }
    }
    return {
      sent: encoder.encode(body.slice(0, previewBytes)),
      bytes: beyondAscii.test(body) ? encoder.encode(body).byteLength : body.length,
    }
  }
  // A copy whatever the body is (a Node Buffer's slice would be a view keeping the whole body).
  return body.byteLength <= previewBytes
    ? { sent: body }
    : { sent: new Uint8Array(body.subarray(0, previewBytes)), bytes: body.byteLength }
}

/**
 * A bounded request log. Recording is cheap (it keeps references, copies nothing); reading builds
 * the entries and redacts secrets: `Authorization` and other credential headers, and passwords,
 * tokens, signatures and secrets in the query and body.
 *
 * @example
 * const journal = new RequestJournal({ limit: 100 })
 * journal.list({ path: '/events' })
 */
export class RequestJournal {
  readonly limit: number
  readonly keepSecrets: boolean
  // A ring: `#start` is where the next entry goes, the oldest entry once full, so dropping the oldest
  // costs nothing.
  readonly #records: (JournalRecord & { id: number })[] = []
  #start = 0
  #nextId = 1

  constructor(options: JournalOptions | number = {}) {
    const { limit = 1000, keepSecrets = false } = typeof options === 'number' ? { limit: options } : options
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Failed to create the request journal: limit ${limit} must be a whole number >= 1.`)
    }
    this.limit = limit
    this.keepSecrets = keepSecrets
  }

  record(record: JournalRecord): number {
    const id = this.#nextId++
    const stored = record as JournalRecord & { id: number }
    stored.id = id
    // While the ring fills, #start is its length, so this write appends; once full, it replaces the oldest.
    this.#records[this.#start] = stored
    this.#start = (this.#start + 1) % this.limit
    return id
  }

  /** Entries, oldest first (or the newest `limit`, newest first, when a limit is given). */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase()
    const ordered = [...this.#records.slice(this.#start), ...this.#records.slice(0, this.#start)]
    const matching = ordered.filter(
      (record) =>
        (!method || record.method === method) &&
        (!filter.path || pathOf(record.url).includes(filter.path)) &&
        (filter.status === undefined || record.status === filter.status),
    )
    const chosen = filter.limit === undefined ? matching : matching.slice(-filter.limit).reverse()
    return chosen.map((record) => this.#entry(record))
  }

  get size(): number {
    return this.#records.length
  }

  clear(): void {
    this.#records.length = 0
    this.#start = 0
  }

  #entry(record: JournalRecord & { id: number }): JournalEntry {
    const url = new URL(record.url, 'http://simulator')
    const query = Object.fromEntries(url.searchParams)
    const sent = headersOf(record.headers)
    const headers = Object.fromEntries(sent)
    const keep = this.keepSecrets
    const preview = record.body.text
    // `stream: true` drops a multi-byte character cut at the end instead of writing U+FFFD.
    const bodyText = typeof preview === 'string' ? preview : new TextDecoder().decode(preview, { stream: true })
    return {
      id: record.id,
      at: new Date(record.atMs).toISOString(),
      method: record.method,
      path: url.pathname,
      query: keep ? query : redactRecord(query),
      headers: keep ? headers : redactHeaders(headers),
      body: keep ? bodyText : redactBody(bodyText, sent.get('content-type')),
      bodyTruncated: record.body.truncated,
      bodyBytes: record.body.bytes,
      status: record.status,
      durationMs: record.durationMs,
      requestId: record.requestId,
      faultId: record.faultId,
      response: this.#response(record.response),
    }
  }

  #response(response: JournalRecord['response']): JournalEntry['response'] {
    const answerHeaders = response?.headers ? new Headers(response.headers) : response?.answer?.headers
    const headers = Object.fromEntries(answerHeaders ?? [])
    const preview = response?.body
    if (preview === undefined) {
      return {
        headers: this.keepSecrets ? headers : redactHeaders(headers),
        body: null,
        bodyTruncated: false,
        bodyBytes: null,
      }
    }
    const sent = preview.sent
    // Stryker disable next-line MethodExpression: the slice only spares encoding a long string; the bytes are cut below
    const bytes = typeof sent === 'string' ? new TextEncoder().encode(sent.slice(0, previewBytes)) : sent
    const size =
      preview.bytes ?? (typeof sent === 'string' ? new TextEncoder().encode(sent).byteLength : sent.byteLength)
    // A cut in the middle of a character shows as U+FFFD rather than failing.
    const text = new TextDecoder().decode(bytes.subarray(0, previewBytes))
    return {
      headers: this.keepSecrets ? headers : redactHeaders(headers),
      // Stryker disable next-line OptionalChaining: a response is there whenever its body is
      body: this.keepSecrets ? text : redactBody(text, answerHeaders?.get('content-type') ?? null),
      bodyTruncated: size > previewBytes,
      bodyBytes: size,
    }
  }
}

/** Headers from a raw name/value list as a server received them (HTTP/2 pseudo-headers left out). */
function headersOf(headers: Headers | readonly string[]): Headers {
  if (!Array.isArray(headers)) {
    return headers as Headers
  }
  const result = new Headers()
  for (let index = 0; index + 1 < headers.length; index += 2) {
    try {
      result.append(headers[index] as string, headers[index + 1] as string)
    } catch {
      // A name or value a Headers object refuses (an HTTP/2 pseudo-header such as `:authority`, a
      // control character): the server let it through, the journal leaves it out.
    }
  }
  return result
}

/** The path of a URL that may be absolute (`http://host/a?b`) or not (`/a?b`), without parsing it whole. */
function pathOf(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url)?.[0].length ?? 0
  // The first of a one-piece split ends at the query, if any.
  return url.slice(origin).split('?', 1)[0] as string
}
