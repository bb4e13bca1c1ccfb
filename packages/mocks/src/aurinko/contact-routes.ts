import { type Context, Hono } from 'hono'
import { jsonText } from '../core/kit/json.js'
import { respondWith } from '../core/simulator.js'
import { type RenderOptions, wireContact, writableFields } from './contact-fields.js'
import type { StoredContact } from './contacts.js'
import { aurinkoError } from './errors.js'
import type { Env, Guard, RoutesOptions } from './route-env.js'

const encoder = new TextEncoder()
const noHeaders = Object.freeze({})

/**
 * Create, read, update (PATCH with `If-Match`) and delete one contact of the caller's account.
 * Another account's id is a 404 like any unknown id. Each refusal's code is the one its status
 * has (`badRequest`, `not_found`, `preconditionFailed`).
 *
 * @example
 * routes.route('/', contactRoutes(options, guard))
 */
export function contactRoutes(options: RoutesOptions, guard: Guard): Hono<Env> {
  const { clock, contactBytes } = options
  const routes = new Hono<Env>()

  routes.post('/v1/contacts', guard('json-body'), (c) => {
    const fields = writableFields(c.get('request').body as Record<string, unknown>)
    return saved(c, c.get('account').book.create(fields, clock.now()), 201)
  })

  routes.get('/v1/contacts/:contId', guard('array-query'), (c) => {
    const id = c.get('request').path.contId as string
    const book = c.get('account').book
    const etag = book.etagOf(id)
    if (etag === undefined) {
      return notFound(c, id)
    }
    const options = c.get('request').query as RenderOptions
    // One state of one contact never changes: its bytes are made once per etag and parts asked for.
    const key = `${c.get('account').key}:${id}:${etag}:${options.withPhoto}:${JSON.stringify(options.nativeProperties)}`
    const bytes = contactBytes.get(key, () => {
      const contact = book.find(id) as StoredContact
      return encoder.encode(JSON.stringify(wireContact(contact, contact.fields, options)))
    })
    return jsonText(c, bytes)
  })

  routes.patch('/v1/contacts/:contId', guard('json-body'), (c) => {
    const id = c.get('request').path.contId as string
    const book = c.get('account').book
    const current = book.find(id)
    if (!current) {
      return notFound(c, id)
    }
    const ifMatch = c.get('request').headers['if-match'] as string | undefined
    if (ifMatch === undefined && options.ifMatch === 'strict') {
      return aurinkoError(
        c,
        400,
        'If-Match is required: send the etag the contact had when you read it, so a newer change is not overwritten.',
      )
    }
    if (ifMatch !== undefined && !etagMatches(ifMatch, current.etag)) {
      const conflict = aurinkoError(
        c,
        412,
        `The contact changed since it was read (If-Match is ${ifMatch}, its etag is now ${current.etag}); read it again and retry with its new etag.`,
      )
      // The current etag as a header too, so a client can tell what it lost to without parsing the sentence.
      conflict.headers.set('ETag', `"${current.etag}"`)
      return conflict
    }
    // The fields sent replace the stored ones whole; the others stay as they were.
    const fields = { ...current.fields, ...writableFields(c.get('request').body as Record<string, unknown>) }
    return saved(c, book.replace(current, fields, clock.now()), 200)
  })

  routes.delete('/v1/contacts/:contId', guard(), (c) => {
    const id = c.get('request').path.contId as string
    const book = c.get('account').book
    const current = book.find(id)
    if (!current) {
      return notFound(c, id)
    }
    book.delete(current, clock.now())
    return respondWith(c, null, 200, noHeaders)
  })

  return routes
}

/** `ContactOrId`: the id, the new etag and the contact as saved. */
function saved(c: Context<Env>, contact: StoredContact, status: 200 | 201): Response {
  return jsonText(
    c,
    `{"id":${JSON.stringify(contact.id)},"etag":${JSON.stringify(contact.etag)},"record":${contact.json}}`,
    status,
  )
}

function notFound(c: Context<Env>, id: string): Response {
  return aurinkoError(
    c,
    404,
    `Contact not found: account ${c.get('account').accountId} has no contact ${id}; it was deleted or never existed. List or sync the contacts for current ids.`,
  )
}

/** Exact comparison, tolerating the quotes and weak prefix HTTP clients add; `*` matches any etag. */
function etagMatches(ifMatch: string, etag: string): boolean {
  return ifMatch
    .split(',')
    .map((candidate) =>
      candidate
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .some((candidate) => candidate === '*' || candidate === etag)
}
