import type { OpenApiDocument } from '@contactkit/specs'
import { type Context, Hono } from 'hono'
import { createGuard } from '../core/kit/guard.js'
import { BoundedMemo } from '../core/kit/memo.js'
import { publicOrigin } from '../core/public-origin.js'
import { readBody } from '../core/request-body.js'
import { respondWith } from '../core/simulator.js'
import { type RequestDescription, type SpecValidationEnv, specCheck } from '../core/spec-validation.js'
import { documentedBook } from './address-books.js'
import { consentPages } from './consent-page.js'
import { badRequest, cloudspongeError, vendorMessages } from './errors.js'
import { eventsAnswer } from './events-bytes.js'
import type { ImportRecord, ImportStore } from './imports.js'
import { findService, type ImportMethod } from './services.js'
import { authenticate, type Tenant } from './tenants.js'
import { beginImportBody, contactsBody, contentTypes, type Format, vendorHeaders } from './wire-format.js'

export interface RoutesOptions {
  document: OpenApiDocument
  store: ImportStore
  tenants: () => Iterable<Tenant>
  /** Origin for consent and applet URLs; the request's own origin when absent. */
  publicUrl?: string
}

/** One API call as the vendor understands it, whichever of the accepted path forms it used. */
interface ApiCall {
  resource: 'begin_import' | 'events' | 'contacts'
  /** The begin_import method, or the import id as written. */
  target: string
  format: Format
  /** Whether the path carried a suffix (`/events/1.json`) or not (`/events/1`). */
  suffixed: boolean
  /** Query and body parameters together; empty values count as absent. */
  params: Record<string, string>
  /** The body's media type as sent; undefined when the parameters came in the query alone. */
  mediaType: string | undefined
}

type Env = SpecValidationEnv & { Variables: { call: ApiCall; tenant: Tenant } }

/**
 * The CloudSponge API and its user-facing pages. Every path form clients use is accepted:
 * `/events/1126`, `/events/1126.json`, `/events.xml/1126` (same for contacts), begin_import with
 * or without suffix and trailing slash, by GET or POST, credentials by Basic auth or parameters.
 *
 * @example
 * app.route('/', cloudspongeRoutes({ document, store, tenants: () => tenants }))
 */
export function cloudspongeRoutes(options: RoutesOptions): Hono {
  const { store } = options
  const routes = new Hono<Env>()
  // Stryker disable next-line StringLiteral: Hono mounts at "" as at "/"
  routes.route('/', consentPages(store))

  const check = specCheck<Env>(options.document, {
    describe: (c) => canonicalRequest(c.get('call')),
    onInvalid: (c, invalid) =>
      invalid.status === 400
        ? badRequest(c, invalid.message)
        : cloudspongeError(
            c,
            invalid.status,
            invalid.status === 404 ? `There is no ${c.req.method} ${c.req.path}.` : invalid.message,
          ),
  })
  const calls = new BoundedMemo<string, ApiCall>(maxRememberedCalls)
  const admitted = createGuard<Env, Tenant>({
    authenticate: (c) => authenticate(c.req.header('authorization'), c.get('call').params, options.tenants()),
    caller: 'tenant',
    refuse: (c, denied) => cloudspongeError(c, 401, `${vendorMessages.accessDenied} (Here: ${denied.why}.)`),
  })(check)
  // Read the call, then the guard (the domain, then the spec), before the handler runs: all in the
  // route's one handler, since each middleware layer (hono/combine's `every` most of all) costs
  // closures and promises on every request. The call comes first: it holds the parameters that
  // may carry the credentials.
  const api =
    (resource: ApiCall['resource'], resourceFormat: Format | undefined, handle: (c: Context<Env>) => Response) =>
    async (c: Context<Env>): Promise<Response> => {
      const call = await readCall(c, calls, resource, resourceFormat)
      if (typeof call === 'string') {
        return badRequest(c, call)
      }
      c.set('call', call)
      return (await admitted(c)) ?? handle(c)
    }

  routes.on(
    ['GET', 'POST'],
    '/begin_import/:method',
    api('begin_import', undefined, (c) => beginImport(c, options)),
  )
  // Literal paths rather than a pattern for the resource, so Hono can route with its RegExpRouter.
  for (const resourceFormat of [undefined, 'json', 'xml'] as const) {
    const suffix = resourceFormat ? `.${resourceFormat}` : ''
    routes.get(
      `/events${suffix}/:id`,
      api('events', resourceFormat, (c) => events(c, store)),
    )
    routes.get(
      `/contacts${suffix}/:id`,
      api('contacts', resourceFormat, (c) => contacts(c, store)),
    )
  }
  return routes as unknown as Hono
}

const maxRememberedCalls = 1000

/**
 * The call a request makes. Without a body (GET) it is a function of the URL alone, so it is read
 * once per URL and then shared, read-only, with its canonical form for validation.
 */
async function readCall(
  c: Context<Env>,
  calls: BoundedMemo<string, ApiCall>,
  resource: ApiCall['resource'],
  resourceFormat: Format | undefined,
): Promise<ApiCall | string> {
  const withBody = c.req.method === 'POST'
  const url = c.req.url
  const known = withBody ? undefined : calls.get(url)
  // Stryker disable next-line BlockStatement: the memo only saves time: bypassing it reads the same call from the same URL again
  if (known) {
    return known
  }
  // Split always gives a first element and every route has a :method or an :id, so neither '' is ever used.
  const [target = '', targetFormat] = (c.req.param('method') ?? c.req.param('id') ?? '').split(/\.(?=(?:json|xml)$)/i)
  const format = (resourceFormat ?? targetFormat ?? 'json').toLowerCase() as Format
  const read = await readParams(c)
  if (typeof read === 'string') {
    return read
  }
  const call: ApiCall = {
    resource,
    target,
    format,
    // Stryker disable next-line LogicalOperator: the spec's suffixed and unsuffixed operations take the same parameters and bodies (the format is json or xml either way), so validation answers the same
    suffixed: Boolean(resourceFormat ?? targetFormat),
    ...read,
  }
  // Not remembering a call only costs reading it again (remembering a POST's is harmless: it is
  // never looked up, and nothing writes to its parameters); the memo's bound only caps memory.
  // Stryker disable BooleanLiteral,ConditionalExpression,EqualityOperator,BlockStatement,CallExpression
  if (!withBody) {
    Object.freeze(call.params)
    calls.set(url, Object.freeze(call))
  }
  // Stryker restore BooleanLiteral,ConditionalExpression,EqualityOperator,BlockStatement,CallExpression
  return call
}

const canonical = new WeakMap<ApiCall, RequestDescription>()

/** The spec's form of a call: begin_import is a POST with a form body, whatever was sent. */
function canonicalRequest(call: ApiCall): RequestDescription {
  let description = canonical.get(call)
  // Stryker disable next-line BlockStatement: the memo only saves time: bypassing it recomputes the same description
  if (description) {
    return description
  }
  // As for `suffixed`: with or without the suffix, the spec takes the same request.
  const path = `/${call.resource}/${call.target}${call.suffixed ? `.${call.format}` : ''}`
  // Parameters in the query alone read as a form, which is what a GET begin_import amounts to.
  description =
    call.resource === 'begin_import'
      ? { method: 'POST', path, query: {}, body: call.params, mediaType: call.mediaType ?? formType }
      : { method: 'GET', path, query: call.params }
  // Stryker disable next-line CallExpression: the memo only saves time
  canonical.set(call, description)
  return description
}

function beginImport(c: Context<Env>, options: RoutesOptions): Response {
  const call = c.get('call')
  const tenant = c.get('tenant')
  const form = c.get('request').body as Record<string, string>
  const method = call.target as ImportMethod
  // Stryker disable next-line StringLiteral: the spec requires service, so validation has refused a form without one
  const service = findService(form.service ?? '', method)
  if (typeof service === 'string') {
    return badRequest(c, `${service}.`)
  }
  const record = options.store.begin({
    tenant: tenant.domainKey,
    method,
    service,
    username: form.username,
    password: form.password,
    userId: form.user_id ?? null,
    includeMailingAddress: form.include === 'mailing_address',
    redirectUrl: form.redirect_url ?? null,
  })
  const origin = publicOrigin(c, options.publicUrl)
  const url =
    method === 'user_consent'
      ? // Stryker disable next-line OptionalChaining: a user_consent import always has its consent
        `${origin}/${service.importType === 'CSV' ? 'csv' : 'n'}/${record.consent?.code}`
      : method === 'desktop_applet'
        ? `${origin}/objects/ContactsApplet_signed.jar`
        : undefined
  return respond(c, call.format, beginImportBody(call.format, record, url, form.echo ?? null))
}

function events(c: Context<Env>, store: ImportStore): Response {
  const record = ownImport(c, store)
  if (record instanceof Response) {
    return record
  }
  const { format, params } = c.get('call')
  // The documentation's events example carries `"echo":null`; the recorded events (2016) have no
  // echo when the request sent none. The documented account answers as documented, every other
  // account as recorded (an account not yet known, a consent still waiting, too).
  const echo = params.echo ?? (store.book(record) === documentedBook ? null : undefined)
  return respond(c, format, eventsAnswer(format, record, store.progress(record), echo))
}

function contacts(c: Context<Env>, store: ImportStore): Response {
  const record = ownImport(c, store)
  if (record instanceof Response) {
    return record
  }
  const progress = store.progress(record)
  if (progress.phase === 'deleted') {
    return cloudspongeError(c, 410, vendorMessages.deleted)
  }
  if (progress.phase === 'error') {
    return cloudspongeError(
      c,
      404,
      `${vendorMessages.notReady} Import ${record.id} ended with an error; see its events.`,
    )
  }
  if (progress.phase !== 'complete') {
    return cloudspongeError(c, 404, vendorMessages.notReady)
  }
  const query = c.get('request').query as { start?: number; count?: number; echo?: string }
  // Stryker disable next-line OptionalChaining: a complete import always has its book
  const total = store.book(record)?.size ?? 0
  // As documented: count is ignored unless start is given, and 0 means all.
  const start = Math.min(query.start ?? 0, total)
  const count = query.start === undefined ? 0 : (query.count ?? 0)
  const end = count === 0 ? total : Math.min(start + count, total)
  const { format } = c.get('call')
  return respond(c, format, contactsBody(format, store, record, { start, end }, query.echo ?? null))
}

/** The import named in the path, if it exists and belongs to the caller's domain. */
function ownImport(c: Context<Env>, store: ImportStore): ImportRecord | Response {
  const id = c.get('request').path.import_id as number
  const record = store.find(id)
  if (!record) {
    return c.get('call').resource === 'contacts'
      ? cloudspongeError(c, 404, `${vendorMessages.notReady} There is no import ${id}.`)
      : cloudspongeError(c, 404, `There is no import ${id}.`)
  }
  if (record.tenant !== c.get('tenant').domainKey) {
    return cloudspongeError(c, 401, `${vendorMessages.accessDenied} (Here: import ${id} belongs to another domain.)`)
  }
  return record
}

// The vendor's headers per format, made once; `respondWith` adds the request id without a Headers copy.
const headersOf: Record<Format, Readonly<Record<string, string>>> = {
  json: Object.freeze({ ...vendorHeaders, 'Content-Type': contentTypes.json }),
  xml: Object.freeze({ ...vendorHeaders, 'Content-Type': contentTypes.xml }),
}

function respond(
  c: Context<Env>,
  format: Format,
  body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
): Response {
  return respondWith(c, body, 200, headersOf[format])
}

// Stryker disable next-line StringLiteral: the validator reads a missing media type as begin_import's only one, this
const formType = 'application/x-www-form-urlencoded'

/**
 * Query and body parameters, body winning, as Rails merges them; empty values are dropped as the
 * vendor does. The core reads the body by its Content-Type (form, JSON or multipart).
 */
async function readParams(c: Context): Promise<Pick<ApiCall, 'params' | 'mediaType'> | string> {
  const params: Record<string, string> = {}
  const add = (key: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') {
      params[key] = value
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      params[key] = String(value)
    }
  }
  for (const [key, value] of Object.entries(c.req.query())) {
    add(key, value)
  }
  // Stryker disable next-line BlockStatement: a GET has no body: reading it anyway finds none and gives the same parameters
  if (c.req.method !== 'POST') {
    return { params, mediaType: undefined }
  }
  const body = await readBody(c)
  if (body.problem) {
    return `${body.problem}; send a form (application/x-www-form-urlencoded) or a JSON object`
  }
  if (body.value === undefined) {
    return { params, mediaType: undefined }
  }
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    if (body.mediaType?.includes('json')) {
      return 'the JSON body must be an object of parameters'
    }
    // Some other media type: validation answers 415 and names the ones the endpoint takes.
    return { params, mediaType: body.mediaType ?? 'text/plain' }
  }
  for (const [key, value] of Object.entries(body.value)) {
    add(key, value)
  }
  return { params, mediaType: body.mediaType }
}
