import type { components } from '@contactkit/specs/cloudsponge'
import { concatBytes } from '../core/kit/bytes.js'
import { wholeSeconds } from '../core/time-format.js'
import type { AddressBook, Contact } from './address-books.js'
import type { ImportRecord, ImportStore, Progress } from './imports.js'
import { pacificMillis } from './pacific-time.js'
import { type RailsXmlHash, railsXmlElement, railsXmlFields, toRailsXml } from './rails-xml.js'

type Schemas = components['schemas']

/** The two formats every CloudSponge endpoint speaks; no suffix means JSON. */
export type Format = 'json' | 'xml'

export const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
}

/** Headers the vendor sends on every API response (recorded traffic). */
export const vendorHeaders: Record<string, string> = {
  'Cache-Control': 'no-cache, private, no-store, max-age=0, must-revalidate',
  Expires: 'Mon, 01 Jan 1990 00:00:00 GMT',
  Pragma: 'no-cache',
  'X-Frame-Options': 'ALLOWALL',
}

const encoder = new TextEncoder()

const htmlUnsafe = /[&<>]/g
const htmlEscapes: Record<string, string> = { '&': '\\u0026', '<': '\\u003c', '>': '\\u003e' }

/**
 * JSON as Rails writes it: compact, with `&`, `<` and `>` escaped as `\u0026`, `\u003c` and
 * `\u003e` (ActiveSupport's JSON escaping, seen in the recorded traffic). Those characters occur
 * only inside strings, so the escaping is done on the text.
 *
 * @example
 * railsJson({ company: 'Acme & Co.' }) // '{"company":"Acme \\u0026 Co."}'
 */
export function railsJson(value: unknown): string {
  return escapeJsonText(JSON.stringify(value))
}

function escapeJsonText(json: string): string {
  // Hot path: most chunks of a large book have an ampersand somewhere, but test before replacing.
  htmlUnsafe.lastIndex = 0
  // A shortcut: replacing in a text without those characters gives the same text.
  return htmlUnsafe.test(json) ? json.replace(htmlUnsafe, (char) => htmlEscapes[char] as string) : json
}

/** The begin_import answer, keys in the order the vendor writes them. */
export function beginImportBody(
  format: Format,
  record: ImportRecord,
  url: string | undefined,
  echo: string | null,
): string {
  const result: Schemas['BeginImportResult'] = {
    status: 'success',
    url,
    echo,
    import_type: record.method === 'user_consent' ? record.service.importType : undefined,
    import_id: record.id,
    user_id: record.userId,
    id: record.id,
  }
  return serialize(format, 'result', result as RailsXmlHash)
}

/**
 * The events answer. Times are Pacific, as the vendor's servers wrote them: JSON with milliseconds
 * and the offset (`2016-04-12T15:18:57.000-07:00`), XML as Dates that the writer marks
 * `type="datetime"` and writes as `xmlschema` in the same zone. An `echo` of undefined leaves the
 * key out, as the recorded events do when the request sent none.
 */
export function eventsBody(
  format: Format,
  record: ImportRecord,
  progress: Progress,
  echo: string | null | undefined,
): string {
  const events = progress.events.map((event) => {
    // The vendor stores times to the second (recorded JSON always shows ".000").
    const at = wholeSeconds(event.createdAt)
    return {
      import_action_id: record.id,
      import_id: record.id,
      event_type: event.eventType,
      value: event.value,
      description: event.description,
      status: event.status,
      created_at: format === 'json' ? pacificMillis(at) : new Date(at),
    }
  })
  const body = { events, import_id: record.id, user_id: record.userId, id: record.id, echo }
  return serialize(format, 'eventsResponse', body)
}

/** Pages up to this many contacts are cached as bytes; larger ones stream, so memory stays flat. */
export const streamAboveContacts = 2000
// Small enough that a chunk's JSON text (up to about 40 KB) stays out of V8's large-object space:
// JSON.stringify builds longer text as a rope, and flattening a large one to encode it cost more
// than writing it (measured: 100,000 contacts took twice the CPU time in chunks of 500).
const contactsPerChunk = 100

/**
 * The contacts answer. The contacts of a complete import can no longer change, and neither can the
 * rest of a page (owner, counts, ids), so a page is serialized once per range and format and then
 * served as the very same bytes: no copy per request. Only an `echo` changes the tail; such a page
 * reuses the cached contacts and writes its own tail. Larger ranges stream, a chunk of contacts at a
 * time, so memory stays flat.
 */
export function contactsBody(
  format: Format,
  store: ImportStore,
  record: ImportRecord,
  range: { start: number; end: number },
  echo: string | null,
): Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> {
  const book = store.book(record)
  if (range.end - range.start <= streamAboveContacts) {
    const whole = store.page(record, `${format}:${range.start}:${range.end}`, () =>
      concatBytes([
        ...contactsParts(format, book, record, range),
        encoder.encode(contactsTail(format, book, record, range, null)),
      ]),
    )
    // Stryker disable next-line BlockStatement: a shortcut: writing the tail again with echo null gives the same bytes
    if (echo === null) {
      return whole
    }
    const headLength = whole.byteLength - encoder.encode(contactsTail(format, book, record, range, null)).byteLength
    const tail = encoder.encode(contactsTail(format, book, record, range, echo))
    const bytes = new Uint8Array(headLength + tail.byteLength)
    bytes.set(whole.subarray(0, headLength))
    bytes.set(tail, headLength)
    return bytes
  }
  const chunks = contactsParts(format, book, record, range)
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      // Every pull enqueues something or closes (a pull that enqueues nothing is not repeated), and
      // no part is empty.
      const next = chunks.next()
      if (next.done) {
        controller.enqueue(encoder.encode(contactsTail(format, book, record, range, echo)))
        controller.close()
        return
      }
      controller.enqueue(next.value)
    },
  })
}

/** The start of a contacts answer and its contacts, as bytes, in chunks of `contactsPerChunk`. */
function* contactsParts(
  format: Format,
  book: AddressBook | undefined,
  record: ImportRecord,
  range: { start: number; end: number },
): Generator<Uint8Array<ArrayBuffer>, void> {
  const include = record.includeMailingAddress
  if (format === 'json') {
    yield encoder.encode('{"contacts":[')
  } else {
    const contacts = range.end > range.start ? '  <contacts type="array">\n' : '  <contacts type="array"/>\n'
    yield encoder.encode(`<?xml version="1.0" encoding="UTF-8"?>\n<contactsResponse>\n${contacts}`)
  }
  for (let first = range.start; first < range.end; first += contactsPerChunk) {
    const last = Math.min(first + contactsPerChunk, range.end)
    if (format === 'json') {
      // One array per chunk: the same text as each contact written alone and joined with commas,
      // for far fewer calls. Its brackets are cut from the bytes, the first one turned into the
      // comma that follows the previous chunk.
      const contacts: Contact[] = []
      for (let index = first; index < last; index++) {
        contacts.push(book?.contactAt(index, include) as Contact)
      }
      const bytes = encoder.encode(escapeJsonText(JSON.stringify(contacts)))
      if (first === range.start) {
        yield bytes.subarray(1, -1)
      } else {
        bytes[0] = comma
        yield bytes.subarray(0, -1)
      }
    } else {
      yield xmlContacts(book, first, last, include)
    }
  }
}

const comma = 0x2c

/**
 * Contacts as XML bytes, each encoded into one buffer as soon as it is written: encoding one long
 * string of many small pieces costs several times more than the writing itself.
 */
function xmlContacts(
  book: AddressBook | undefined,
  first: number,
  last: number,
  include: boolean,
): Uint8Array<ArrayBuffer> {
  // Stryker disable next-line ArithmeticOperator: a first guess only: the buffer grows below to fit any contact
  let buffer = new Uint8Array((last - first) * 1024)
  let length = 0
  for (let index = first; index < last; index++) {
    const xml = railsXmlElement('contact', book?.contactAt(index, include) as RailsXmlHash, 2)
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (buffer.byteLength - length < xml.length * 3) {
      const larger = new Uint8Array(Math.max(buffer.byteLength * 2, length + xml.length * 3))
      larger.set(buffer.subarray(0, length))
      buffer = larger
    }
    length += encoder.encodeInto(xml, buffer.subarray(length)).written
  }
  return buffer.subarray(0, length)
}

/** What follows the contacts: the owner, the counts, the ids and `echo`. */
function contactsTail(
  format: Format,
  book: AddressBook | undefined,
  record: ImportRecord,
  range: { start: number; end: number },
  echo: string | null,
): string {
  const rest: Omit<Schemas['ContactsResponse'], 'contacts'> = {
    // Stryker disable next-line OptionalChaining: a complete import always has its book
    contacts_owner: book?.owner(record.includeMailingAddress) ?? null,
    start: range.start,
    count: range.end - range.start,
    // Stryker disable next-line OptionalChaining: a complete import always has its book
    total: book?.size ?? 0,
    import_id: record.id,
    user_id: record.userId,
    id: record.id,
    echo,
  }
  return format === 'json'
    ? `],${railsJson(rest).slice(1)}`
    : `${range.end > range.start ? '  </contacts>\n' : ''}${railsXmlFields(rest as RailsXmlHash, 1)}</contactsResponse>\n`
}

/** The vendor's error body: `{"error":{"message":…}}`, or `<result><status>error</status>…` in XML. */
export function errorBody(format: Format, message: string): string {
  if (format === 'json') {
    const body: Schemas['ErrorResponse'] = { error: { message } }
    return railsJson(body)
  }
  return toRailsXml('result', { status: 'error', error: { message } })
}

function serialize(format: Format, root: string, body: object): string {
  return format === 'json' ? railsJson(body) : toRailsXml(root, body as RailsXmlHash)
}
