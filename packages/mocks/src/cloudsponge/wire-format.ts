import type { components } from '@contactkit/specs/cloudsponge'
import type { Contact } from './address-books.js'
import type { ImportRecord, ImportStore, Progress } from './imports.js'
import { type RailsXmlHash, railsXmlElement, toRailsXml } from './rails-xml.js'

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
    created_at: new Date(Math.floor(event.createdAt / 1000) * 1000),
  }))
  const body = { events, import_id: record.id, user_id: record.userId, id: record.id, echo }
  return serialize(format, 'eventsResponse', body)
}

/**
 * The contacts answer. Everything but `echo` is the same for every request of a page, so it is
 * serialized once per page and format and then served as bytes; `echo` goes on the end.
 */
export function contactsBody(
  format: Format,
  store: ImportStore,
  record: ImportRecord,
  range: { start: number; end: number },
  echo: string | null,
): Uint8Array<ArrayBuffer> {
  const head = store.page(record, `${format}:${range.start}:${range.end}`, () => {
    const book = store.book(record)
    const contacts: Contact[] = []
    for (let index = range.start; index < range.end; index++) {
      contacts.push(withAddresses(book?.contactAt(index) as Contact, record.includeMailingAddress))
    }
    const owner = book?.owner ? withAddresses(book.owner, record.includeMailingAddress) : null
    const body: Omit<Schemas['ContactsResponse'], 'echo'> = {
      contacts,
      contacts_owner: owner,
      start: range.start,
      count: contacts.length,
      total: book?.size ?? 0,
      import_id: record.id,
      user_id: record.userId,
      id: record.id,
    }
    if (format === 'json') {
      return encoder.encode(`${JSON.stringify(body).slice(0, -1)},"echo":`)
    }
    const xml = toRailsXml('contactsResponse', body as RailsXmlHash)
    return encoder.encode(xml.slice(0, -'</contactsResponse>\n'.length))
  })
  const tail =
    format === 'json' ? `${JSON.stringify(echo)}}` : `${railsXmlElement('echo', echo, 1)}</contactsResponse>\n`
  const tailBytes = encoder.encode(tail)
  const bytes = new Uint8Array(head.length + tailBytes.length)
  bytes.set(head)
  bytes.set(tailBytes, head.length)
  return bytes
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
