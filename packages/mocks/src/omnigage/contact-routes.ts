import { Hono } from 'hono'
import { json } from '../core/kit/json.js'
import { respondWith } from '../core/simulator.js'
import type { ContactFilters, ContactSort } from './contacts.js'
import { contactResource, fileResource, listDocument, pageOf } from './documents.js'
import { omnigageError } from './errors.js'
import { type Env, type Guard, originOf, type RoutesOptions } from './route-env.js'

type ContactQuery = {
  'page[offset]': number
  'page[limit]': number
  sort?: ContactSort
} & Record<`filter[${string}]`, string | undefined>

/**
 * Contacts (list with filters, sort and pages; get; bulk delete, all or nothing) and files (the
 * errors file and the file an import read, with their content). Imports whose time has come are
 * settled first, so their contacts are there.
 *
 * @example
 * routes.route('/', contactRoutes(options, guard))
 */
export function contactRoutes(options: RoutesOptions, guard: Guard): Hono<Env> {
  const routes = new Hono<Env>()

  routes.get('/api/v1/contacts', guard(), async (c) => {
    const account = c.get('account')
    const query = c.get('request').query as ContactQuery
    const filters: ContactFilters = {
      firstName: filterValue(query['filter[first-name]']),
      lastName: filterValue(query['filter[last-name]']),
      company: filterValue(query['filter[company]']),
      phoneNumber: filterValue(query['filter[phone-number]']),
      emailAddress: filterValue(query['filter[email-address]']),
    }
    const page = pageOf(query)
    const { items, total } = account.contacts.list(filters, query.sort, page.offset, page.limit)
    const origin = originOf(c, options)
    return json(c, listDocument(items.map(contactResource), total, page, new URL(c.req.url), origin))
  })

  routes.get('/api/v1/contacts/:id', guard(), async (c) => {
    const account = c.get('account')
    const contact = account.contacts.get(c.req.param('id'))
    if (!contact) {
      return omnigageError(c, 404, `There is no contact "${c.req.param('id')}" in this account.`)
    }
    return json(c, { data: contactResource(contact) })
  })

  routes.delete('/api/v1/contacts', guard(), async (c) => {
    const account = c.get('account')
    const { data } = c.get('request').body as { data: { id: string }[] }
    const missing = account.contacts.deleteAll(data.map((reference) => reference.id))
    if (missing.length > 0) {
      const names = missing.map((id) => `"${id}"`).join(', ')
      return omnigageError(
        c,
        404,
        `There is no contact ${names} in this account; nothing was deleted. Remove ${missing.length === 1 ? 'it' : 'them'} and send the request again.`,
      )
    }
    return respondWith(c, null, 204, {})
  })

  routes.get('/api/v1/files/:id', guard(), (c) => {
    const file = c.get('account').files.get(c.req.param('id'))
    if (!file) {
      return omnigageError(c, 404, `There is no file "${c.req.param('id')}" in this account.`)
    }
    return json(c, { data: fileResource(file, originOf(c, options)) })
  })

  routes.get('/api/v1/files/:id/content', guard(), (c) => {
    const file = c.get('account').files.get(c.req.param('id'))
    if (!file) {
      return omnigageError(c, 404, `There is no file "${c.req.param('id')}" in this account.`)
    }
    return respondWith(c, file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.type === 'text/csv' ? 'text/csv; charset=utf-8' : file.type,
      'Content-Disposition': `attachment; filename="${file.name.replace(/["\\]/g, '_')}"`,
    })
  })

  return routes
}

/** The vendor writes filters as `eq:<value>`; a bare value means the same. */
function filterValue(value: string | undefined): string | undefined {
  return value?.startsWith('eq:') ? value.slice(3) : value
}
