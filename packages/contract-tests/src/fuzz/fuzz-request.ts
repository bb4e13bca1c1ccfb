/** The kinds of request the fuzz makes; each has its own property. */
export const fuzzCategories = [
  'valid',
  'broken-field',
  'wrong-method',
  'odd-path',
  'odd-encoding',
  'bad-credentials',
] as const

export type FuzzCategory = (typeof fuzzCategories)[number]

/**
 * What the answer must be, beyond the rules every answer obeys (no 5xx, errors in the vendor's
 * format): `accepted` (a valid call with valid credentials: never 400 or 401, and a status the
 * operation declares), `rejected` (a certainly invalid field: a 4xx), `denied` (bad credentials:
 * 401 or 403), `any` (nothing more).
 */
export type FuzzExpectation = 'accepted' | 'rejected' | 'denied' | 'any'

/**
 * One generated request, as plain data so fast-check prints it whole in a counterexample.
 * `target` may hold `{{name}}` placeholders, filled from the profile's `prepare` values at send time.
 */
export interface FuzzRequest {
  category: FuzzCategory
  /** The spec operation it was made from; absent for the profile's extra routes. */
  operationId?: string
  /** What was done to it, in words. */
  note: string
  method: string
  /** Path and query string, encoded as sent. */
  target: string
  /** In order; a name may repeat. */
  headers: [string, string][]
  body?: string | Uint8Array<ArrayBuffer>
  expect: FuzzExpectation
  /** The response keys the operation declares (`200`, `4XX`, `default`), for `accepted`. */
  declared?: string[]
}

/** A value as it travels in a path, query, header or form field: text. Non-scalars go as JSON. */
export function wireText(value: unknown): string {
  if (typeof value === 'string') {
    return value
  }
  if (value === null || value === undefined) {
    return ''
  }
  if (typeof value === 'object') {
    return JSON.stringify(value)
  }
  return String(value)
}

/** Replaces lone surrogates, which `encodeURIComponent` refuses, with U+FFFD as browsers do. */
export function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

/**
 * Percent-encodes a value for a path segment or a query component.
 *
 * @example
 * encodeComponent('a b/c') // 'a%20b%2Fc'
 */
export function encodeComponent(value: unknown): string {
  return encodeURIComponent(wellFormed(wireText(value)))
}

/**
 * Makes a header value that `Headers` accepts (a byte string without NUL, CR or LF), keeping
 * whatever oddness survives: other controls stay, anything beyond Latin-1 goes as UTF-8 bytes.
 *
 * @example
 * headerSafe('é\n') // 'Ã©'
 */
export function headerSafe(value: string): string {
  const bytes = new TextEncoder().encode(wellFormed(value)).subarray(0, 100_000)
  let text = ''
  for (let start = 0; start < bytes.length; start += 8192) {
    text += String.fromCharCode(...bytes.subarray(start, start + 8192))
  }
  return text.replace(/[\0\r\n]/g, '?').trim()
}

/**
 * Decodes a path as a router does (`decodeURI`, run by run): valid percent sequences decoded
 * except the reserved ones (`%2F` stays, it is not a separator), malformed ones left as sent.
 *
 * @example
 * lenientDecode('/a%20b%2Fc/%E0%A4%A') // '/a b%2Fc/%E0%A4%A'
 */
export function lenientDecode(path: string): string {
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURI(run)
    } catch {
      return run
    }
  })
}

/**
 * A one-line account of a request for failure messages, long values cut.
 *
 * @example
 * describeRequest(request) // 'GET /events/1126.json [valid, getEventsFormatted]'
 */
export function describeRequest(request: FuzzRequest): string {
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text)
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? ` body ${JSON.stringify(cut(request.body))}`
        : ` body ${request.body.length} bytes`
  const headers = request.headers.map(([name, value]) => `${name}: ${cut(value)}`).join('; ')
  return `${request.method} ${cut(request.target)} [${request.category}${request.operationId ? `, ${request.operationId}` : ''}: ${request.note}] headers {${headers}}${body}`
}
