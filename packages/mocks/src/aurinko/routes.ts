import { type Context, Hono } from 'hono'
import { asMiddleware, createGuard } from '../core/kit/guard.js'
import { mediaTypeOf } from '../core/request-body.js'
import { type Invalid, refuseJsonRequest, specCheck } from '../core/spec-validation.js'
import { contactRoutes } from './contact-routes.js'
import { aurinkoError, errorCodes } from './errors.js'
import type { Env, Guard, RoutesOptions } from './route-env.js'
import { syncRoutes } from './sync-routes.js'
import { type Account, authenticate } from './tenants.js'

/**
 * The Aurinko contacts API under `/v1`: sync start, `sync/updated`, `sync/deleted`, the contact
 * list and CRUD. Every route checks the credentials (Bearer account token, or Basic app
 * credentials with `X-Aurinko-Account-Id`) and then the request against the spec.
 *
 * @example
 * app.route('/', aurinkoRoutes({ document, clock, accounts, sync, ifMatch: 'lenient', contactBytes }))
 */
export function aurinkoRoutes(options: RoutesOptions): Hono {
  const routes = new Hono<Env>()
  const onInvalid = (c: Context<Env>, invalid: Invalid) =>
    refuseJsonRequest(c, invalid, aurinkoError, errorCodes.badRequest)
  const check = specCheck<Env>(options.document, { onInvalid })
  // `?nativeProperties=a&nativeProperties=b` is a list; the core reads one value per name.
  const checkArrays = specCheck<Env>(options.document, {
    onInvalid,
    describe: (c) => {
      const query: Record<string, unknown> = { ...c.req.query(), nativeProperties: c.req.queries('nativeProperties') }
      return { method: c.req.method, path: c.req.path, query: query as Record<string, string> }
    },
  })

  const guard = createGuard<Env, Account>({
    authenticate: (c) =>
      authenticate(c.req.header('authorization'), c.req.header('x-aurinko-account-id'), options.accounts),
    caller: 'account',
    refuse: (c, denied) => aurinkoError(c, 401, `Not authorized: ${denied.why}.`, { code: denied.code }),
  })
  const admissions = {
    plain: asMiddleware(guard(check)),
    'json-body': asMiddleware(guard(check, readCurlJson)),
    // Stryker disable next-line StringLiteral: "" is in every URL: every GET would be checked as one with lists, the same answer without the memo of plain requests
    'array-query': asMiddleware(guard((c) => (c.req.url.includes('nativeProperties') ? checkArrays(c) : check(c)))),
  }
  const admitted: Guard = (validation = 'plain') => admissions[validation]

  // Stryker disable next-line StringLiteral: mounted at "" or "/", the routes are the same
  routes.route('/', syncRoutes(options, admitted))
  // Stryker disable next-line StringLiteral: mounted at "" or "/", the routes are the same
  routes.route('/', contactRoutes(options, admitted))
  return routes as unknown as Hono
}

/**
 * The vendor's own cURL examples send JSON with `-d` and no Content-Type, which curl labels as a
 * form. Such a body is read as the JSON it is; a real form stays a form (and gets a 415).
 */
async function readCurlJson(c: Context<Env>): Promise<undefined> {
  const raw = c.req.raw
  const mediaType = mediaTypeOf(raw.headers.get('content-type'))
  // The media type first: asking for the body makes a stream of it.
  if ((mediaType !== undefined && mediaType !== 'application/x-www-form-urlencoded') || !raw.body) {
    return undefined
  }
  const text = await raw.text()
  const headers = new Headers(raw.headers)
  if (mediaType === undefined || /^\s*[[{]/.test(text)) {
    headers.set('content-type', 'application/json')
  }
  c.req.raw = new Request(raw.url, { method: raw.method, headers, body: text })
  return undefined
}
