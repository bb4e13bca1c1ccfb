import { type Context, Hono } from 'hono'
import JSON5 from 'json5'
import { asMiddleware, createGuard } from '../core/kit/guard.js'
import { json } from '../core/kit/json.js'
import { mediaTypeOf } from '../core/request-body.js'
import { type Invalid, type RequestDescription, refuseJsonRequest, specCheck } from '../core/spec-validation.js'
import type { Account } from './accounts.js'
import { contactRoutes } from './contact-routes.js'
import { omnigageError } from './errors.js'
import { importRoutes, settleDue } from './import-routes.js'
import type { Env, Guard, RoutesOptions } from './route-env.js'
import { authenticate } from './tenants.js'
import { createUpload, uploadDocument } from './uploads.js'

/**
 * Omnigage's contact-import API under `/api/v1`: uploads, imports and their results, contacts
 * and files. Every route checks the Basic token and the optional `X-Account-Key`, then the
 * request against the spec.
 *
 * @example
 * app.route('/', omnigageRoutes({ document, clock, accounts, ids, timing, s3: () => s3 }))
 */
export function omnigageRoutes(options: RoutesOptions): Hono {
  const routes = new Hono<Env>()
  const onInvalid = (c: Context<Env>, invalid: Invalid) => refuseJsonRequest(c, invalid, omnigageError)
  const check = specCheck<Env>(options.document, { onInvalid })
  // A body neither JSON nor JSON5 is described as none, which validation refuses (the upload body is
  // required); the refusal then says what to send instead.
  const checkLenient = specCheck<Env>(options.document, {
    onInvalid: (c, invalid) =>
      notJsonBodies.has(c.req.raw)
        ? omnigageError(
            c,
            400,
            'The body is not JSON: send {"name": …, "type": …, "size": …} (single quotes are accepted too).',
          )
        : onInvalid(c, invalid),
    describe: readLenientJson,
  })

  const guard = createGuard<Env, Account>({
    authenticate: (c) =>
      authenticate(c.req.header('authorization'), c.req.header('x-account-key'), (key) =>
        options.accounts.byTokenKey(key),
      ),
    caller: 'account',
    refuse: (c, denied) => omnigageError(c, denied.status, denied.why),
  })
  // Imports whose time has come are settled before any request of their account reads them.
  const settle = async (_c: Context<Env>, account: Account) => {
    await settleDue(account, options)
    return undefined
  }
  const admissions = {
    plain: asMiddleware(guard(check, settle)),
    'lenient-json': asMiddleware(guard(checkLenient, settle)),
  }
  const admitted: Guard = (body) => admissions[body ?? 'plain']

  routes.post('/api/v1/uploads', admitted('lenient-json'), async (c) => {
    const { name, type, size } = c.get('request').body as { name: string; type: string; size: number }
    const upload = await createUpload(
      { name, type, size },
      { s3: options.s3(), ids: options.ids, clock: options.clock },
    )
    c.get('account').uploads.set(upload.id, upload)
    return json(c, uploadDocument(upload), 201)
  })
  // Stryker disable next-line StringLiteral: mounted at "" or "/", the routes are the same
  routes.route('/', importRoutes(options, admitted))
  // Stryker disable next-line StringLiteral: mounted at "" or "/", the routes are the same
  routes.route('/', contactRoutes(options, admitted))
  return routes as unknown as Hono
}

// The requests whose body no parser could read, for their refusal to say what to send.
const notJsonBodies = new WeakSet<Request>()

/**
 * The vendor's .NET samples build the upload body by string concatenation with single quotes
 * (`{'name': 'a.wav', …}`), and the real API accepts it: a body that is not JSON is read as JSON5,
 * which takes single quotes, and validated as what it says.
 */
async function readLenientJson(c: Context<Env>): Promise<RequestDescription> {
  const description = { method: c.req.method, path: c.req.path, query: c.req.query() }
  const mediaType = mediaTypeOf(c.req.header('content-type'))
  if (mediaType !== undefined && mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
    return description
  }
  const text = await c.req.raw.clone().text()
  if (text.trim() === '') {
    return { ...description, body: undefined, mediaType: mediaType ?? 'application/json' }
  }
  for (const parse of [JSON.parse, JSON5.parse]) {
    try {
      return { ...description, body: parse(text) as unknown, mediaType: 'application/json' }
    } catch {
      // Not this syntax; try the next.
    }
  }
  notJsonBodies.add(c.req.raw)
  return { ...description, body: undefined, mediaType: 'application/json' }
}
