import type { components } from '@contactkit/specs/aurinko'
import { Hono } from 'hono'
import { jsonText } from '../core/kit/json.js'
import { joinJsonRecords, recordBytes } from '../core/kit/json-bytes.js'
import { isoSeconds } from '../core/time-format.js'
import type { StoredContact } from './contacts.js'
import { aurinkoError } from './errors.js'
import type { Env, Guard, RoutesOptions } from './route-env.js'
import type { SyncPage, SyncRefusal } from './sync.js'

type DeletedRecord = components['schemas']['DeletedRecord']

/**
 * `POST /v1/contacts/sync`, `GET /v1/contacts/sync/updated`, `GET /v1/contacts/sync/deleted` and
 * the contact list, which pages like them.
 *
 * @example
 * routes.route('/', syncRoutes(options, guard))
 */
export function syncRoutes(options: Pick<RoutesOptions, 'sync'>, guard: Guard): Hono<Env> {
  const { sync } = options
  const routes = new Hono<Env>()

  routes.post('/v1/contacts/sync', guard(), async (c) => {
    const { awaitReady } = c.get('request').query as { awaitReady?: boolean }
    return jsonText(c, JSON.stringify(await sync.start(c.get('account'), awaitReady === true)))
  })

  routes.get('/v1/contacts/sync/updated', guard(), async (c) => {
    const { deltaToken, pageToken } = c.get('request').query as SyncQuery
    const page = await sync.updated(c.get('account'), deltaToken, pageToken)
    return 'status' in page ? refuse(c, page) : jsonText(c, pageJson(page, contactsJson(page.records)))
  })

  routes.get('/v1/contacts/sync/deleted', guard(), async (c) => {
    const { deltaToken, pageToken } = c.get('request').query as SyncQuery
    const page = await sync.deleted(c.get('account'), deltaToken, pageToken)
    if ('status' in page) {
      return refuse(c, page)
    }
    const records = page.records.map((deletion) => {
      const record: DeletedRecord = { id: deletion.id, timestamp: isoSeconds(deletion.atMs) }
      return encoder.encode(JSON.stringify(record))
    })
    return jsonText(c, pageJson(page, records))
  })

  routes.get('/v1/contacts', guard(), async (c) => {
    const { limit, pageToken } = c.get('request').query as { limit?: number; pageToken?: string }
    const page = await sync.list(c.get('account'), limit, pageToken)
    return 'status' in page ? refuse(c, page) : jsonText(c, pageJson(page, contactsJson(page.records)))
  })

  return routes
}

interface SyncQuery {
  deltaToken?: string
  pageToken?: string
}

function refuse(c: Parameters<typeof aurinkoError>[0], refusal: SyncRefusal): Response {
  return aurinkoError(c, refusal.status, refusal.message, { code: refusal.code })
}

const encoder = new TextEncoder()

// Each stored contact's JSON is encoded once (it never changes in place), so a page is a copy of bytes.
function contactsJson(contacts: StoredContact[]): Uint8Array[] {
  return contacts.map((contact) => recordBytes(contact, contact.json))
}

/** A `ContactsPage` or `DeletedPage` from records already written as JSON, in the spec's field order. */
function pageJson(page: SyncPage<unknown>, records: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let head = '{'
  if (page.nextPageToken !== undefined) {
    head += `"nextPageToken":${JSON.stringify(page.nextPageToken)},`
  }
  if (page.nextDeltaToken !== undefined) {
    head += `"nextDeltaToken":${JSON.stringify(page.nextDeltaToken)},`
  }
  return joinJsonRecords(`${head}"length":${records.length},"records":[`, records, ']}')
}
