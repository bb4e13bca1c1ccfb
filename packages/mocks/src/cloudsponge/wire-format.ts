import type { components } from '@contactkit/specs/cloudsponge'
import { wholeSeconds } from '../core/time-format.js'
import type { Contact } from './address-books.js'
import type { ImportRecord, ImportStore, Progress } from './imports.js'
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

/** The events answer. Times are Dates so XML marks them `type="datetime"`; JSON writes ISO strings. */
export function eventsBody(format: Format, record: ImportRecord, progress: Progress, echo: string | null): string {
  const events = progress.events.map((event) => ({
    import_action_id: record.id,
    import_id: record.id,
    event_type: event.eventType,
    value: event.value,
    description: event.description,
    status: event.status,
    // The vendor stores times to the second (recorded JSON always shows ".000").
    created_at: new Date(wholeSeconds(event.createdAt)),
  }))
  const body = { events, import_id: record.id, user_id: record.userId, id: record.id, echo }
  return serialize(format, 'eventsResponse', body)
}

/** Pages up to this many contacts are cached as bytes; larger ones stream, so memory stays flat. */
export const streamAboveContacts = 2000
const contactsPerChunk = 500

/**
 * The contacts answer. The contacts of a complete import can no longer change, so a page is
 * serialized once per range and format and then served as bytes; the small tail (owner, counts,
 * `echo`) is written per request. Larger ranges stream, a chunk of contacts at a time.
 */
export function contactsBody(
  format: Format,
  store: ImportStore,
  record: ImportRecord,
  range: { start: number; end: number },
  echo: string | null,
): Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> {
  const book = store.book(record)
  const include = record.includeMailingAddress
  const rest: Omit<Schemas['ContactsResponse'], 'contacts'> = {
    contacts_owner: book?.owner ? withAddresses(book.owner, include) : null,
    start: range.start,
    count: range.end - range.start,
    total: book?.size ?? 0,
    import_id: record.id,
    user_id: record.userId,
    id: record.id,
    echo,
  }
  const tail =
    format === 'json'
      ? `],${JSON.stringify(rest).slice(1)}`
      : `${range.end > range.start ? '  </contacts>\n' : ''}${railsXmlFields(rest as RailsXmlHash, 1)}</contactsResponse>\n`
  const parts = function* () {
    if (format === 'json') {
      yield '{"contacts":['
    } else {
      const contacts = range.end > range.start ? '  <contacts type="array">\n' : '  <contacts type="array"/>\n'
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<contactsResponse>\n${contacts}`
    }
    let chunk: string[] = []
    for (let index = range.start; index < range.end; index++) {
      const contact = withAddresses(book?.contactAt(index) as Contact, include)
      chunk.push(
        format === 'json'
          ? `${index === range.start ? '' : ','}${JSON.stringify(contact)}`
          : railsXmlElement('contact', contact as RailsXmlHash, 2),
      )
      if (chunk.length === contactsPerChunk) {
        yield chunk.join('')
        chunk = []
      }
    }
    yield chunk.join('')
  }
  if (range.end - range.start <= streamAboveContacts) {
    const head = store.page(record, `${format}:${range.start}:${range.end}`, () =>
      encoder.encode([...parts()].join('')),
    )
    const tailBytes = encoder.encode(tail)
    const bytes = new Uint8Array(head.length + tailBytes.length)
    bytes.set(head)
    bytes.set(tailBytes, head.length)
    return bytes
  }
  const chunks = parts()
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next()
      if (next.done) {
        controller.enqueue(encoder.encode(tail))
        controller.close()
      } else if (next.value) {
        controller.enqueue(encoder.encode(next.value))
      }
    },
  })
}

/** The vendor's error body: `{"error":{"message":…}}`, or `<result><status>error</status>…` in XML. */
export function errorBody(format: Format, message: string): string {
  if (format === 'json') {
    const body: Schemas['ErrorResponse'] = { error: { message } }
    return JSON.stringify(body)
  }
  return toRailsXml('result', { status: 'error', error: { message } })
}

function serialize(format: Format, root: string, body: object): string {
  return format === 'json' ? JSON.stringify(body) : toRailsXml(root, body as RailsXmlHash)
}

function withAddresses<T extends Contact>(contact: T, include: boolean): T {
  if (include || !('address' in contact)) {
    return contact
  }
  const { address: _dropped, ...rest } = contact
  return rest as T
}
