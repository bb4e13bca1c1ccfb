import type { OpenApiDocument } from '@contactkit/specs'
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { createAdminApp } from './admin.js'
import { withAdminSection } from './admin-document.js'
import { type BodyTap, tapBody } from './body-tap.js'
import { bufferedRequest } from './buffered-request.js'
import type { Clock } from './clock.js'
import { FaultBook, type FaultRule } from './faults.js'
import { globProblem, globToRegExp } from './glob.js'
import { type JournalOptions, type JournalRecord, RequestJournal, sentPreview } from './journal.js'
import { seededRandom } from './random.js'
import type { VendorProfile } from './registry.js'
import { requestIds } from './request-id.js'
import { resolveOptions } from './simulator-options.js'
import { noSuchOperation } from './spec-validation.js'

/** Another simulator of the same set, as the dashboard links it. */
export interface PeerLink {
  name: string
  title: string
  url: string
}

/** The other simulators of a set, as one simulator sees them. */
export interface Peers {
  /** Where a vendor's simulator can be reached (its public URL, served URL or default port). */
  urlOf(vendor: string): string
  /**
   * A vendor's simulator in the same process, for one that reads another's state (Omnigage reads
   * the files users posted to S3); undefined when the set has none. Call it when handling a
   * request, not while being created: the set builds its simulators one after another.
   */
  simulator?(vendor: string): Simulator | undefined
  /** Every simulator of the set (this one included), for the dashboard's header; read when a page is served. */
  list?(): PeerLink[]
  /** Where the set's index page is served, once it is (the CLI serves it). */
  indexUrl?(): string | undefined
}

/** Options every simulator takes. */
export interface SimulatorOptions {
  /** Where time comes from; a `manualClock()` makes every scenario deterministic. */
  clock?: Clock
  /** How many requests the journal keeps (the oldest go first). Default 1,000. */
  journalLimit?: number
  /** Journal options: its size, and whether it keeps secrets as sent (default: redacted). */
  journal?: JournalOptions
  /** Seed for fault probabilities, request ids and generated data. Default 1. */
  randomSeed?: number
  /** Largest request body a route takes unless it sets its own limit, in bytes; larger ones get 413. Default 1 MiB. */
  bodyLimitBytes?: number
  /**
   * Required on `/__admin` when set: `Authorization: Bearer <token>`, `X-Contactkit-Admin-Token` or
   * `?admin_token=`. `serve()` refuses to listen beyond loopback without one.
   */
  adminToken?: string
  /** The simulator's own public origin, when it sits behind a proxy. */
  publicUrl?: string
  /** Where the other simulators of its set are; given by `createSimulatorSet`. */
  peers?: Peers
  /** The registry entry the simulator was created from; given by `createSimulatorSet`. */
  registration?: VendorProfile
}

/** The vendor's own state, seen through the admin API. */
export interface VendorState {
  /** A JSON snapshot for `GET /__admin/state`. */
  inspect(): unknown
  /** Adds data from `POST /__admin/state`; throws a RangeError whose message says what to fix. */
  seed(input: unknown): unknown
  /** Forgets everything but the configured tenants and fixtures. */
  reset(): void
  /** What `seed` takes to rebuild the seedable state (`GET /__admin/state?snapshot=1`). */
  snapshot?(): unknown
}

/** A route's own body limit: large uploads can pass through as a stream, never held whole. */
export interface BodyLimitRule {
  method?: string
  /** A path glob, as for fault rules. */
  path: string
  maxBytes: number
}

/** Extra detail for a vendor error: a machine-readable code where the vendor has them. */
export interface ErrorDetails {
  code?: string
}

/** The vendor's error body and headers for a status and a sentence. */
export type ErrorResponder = (c: Context, status: number, message: string, details?: ErrorDetails) => Response

/** What a vendor gives the core: its routes, its error format, its state and its registry entry. */
export interface VendorDefinition {
  name: string
  document: OpenApiDocument
  /** The clock its stores read. Default: the options' clock, else `systemClock()` (see `resolveOptions`). */
  clock?: Clock
  /** Its registry entry: the dashboard describes the vendor from it, for a simulator made alone too. */
  registration?: VendorProfile
  routes: Hono
  state: VendorState
  errorResponse: ErrorResponder
  /** Routes with their own body limit (first match wins); the rest use `bodyLimitBytes`. */
  bodyLimits?: BodyLimitRule[]
}

/** Variables the core sets on every request's context. */
export type CoreEnv = { Variables: { requestId: string } }

/** A running simulator: one Hono app for a server, in-process calls and MSW alike. */
export interface Simulator {
  readonly name: string
  readonly app: Hono
  readonly clock: Clock
  readonly journal: RequestJournal
  readonly faults: FaultBook
  readonly document: OpenApiDocument
  /** The registry entry it was made from; undefined for a vendor outside the registry. */
  readonly registration: VendorProfile | undefined
  /** The other simulators of its set; undefined for a simulator made alone. */
  readonly peers: Peers | undefined
  /** The token `/__admin` requires, when one is set. */
  readonly adminToken: string | undefined
  /**
   * The vendor's error answer for a status and a sentence, for a tool that answers in the vendor's
   * name (the recording proxy's 502 when the upstream cannot be reached).
   */
  readonly errorResponse: ErrorResponder
  /** Forgets imports, journal and fault rules; the clock keeps its time. */
  reset(): void
  inspect(): unknown
  seed(input: unknown): unknown
  /** A seed that rebuilds the seedable state; undefined for a vendor without snapshots. */
  snapshot(): unknown
}

export const faultHeader = 'X-Contactkit-Fault'
export const adminPrefix = '/__admin'
const previewBytes = 4096
// Bodies up to this size, with a Content-Length, are read whole before the handler runs: cheaper
// than a tap's Web Streams and the Request it takes. Larger ones stream through the tap.
const bufferedBodyBytes = 64 * 1024
const noBody = Object.freeze({ text: '', truncated: false, bytes: 0 })
// The body of every request that has none (nothing ever writes into it: readers get copies).
const noBytes = new Uint8Array(0)

// The context variable that holds the response `respondWith` made, whose headers carry the id.
const stampedKey = 'contactkit.stamped'
// What `respondWith` answered with, for the journal: the response, its plain headers and its body.
const sentKey = 'contactkit.sent'

interface Sent {
  response: Response
  headers: Readonly<Record<string, string>>
  body: string | Uint8Array | undefined
}

/**
 * A response whose plain headers already carry the core's `X-Request-Id`, so the core does not
 * have to add it afterwards (which makes a Headers object of them and copies every header once
 * more on the way out). The cheap way for a hot path to answer; any other response works too.
 *
 * @example
 * return respondWith(c, cachedBytes, 200, { 'Content-Type': 'application/json; charset=utf-8' })
 */
export function respondWith(
  c: Context,
  body: ConstructorParameters<typeof Response>[0],
  status: number,
  headers: Readonly<Record<string, string>>,
): Response {
  const requestId = c.get('requestId') as string | undefined
  if (requestId === undefined) {
    return new Response(body, { status, headers })
  }
  const sentHeaders = { ...headers, 'X-Request-Id': requestId }
  const response = new Response(body, { status, headers: sentHeaders })
  c.set(stampedKey as never, response as never)
  // The journal shows the start of what was sent, from text or bytes made whole.
  const sent: Sent = {
    response,
    headers: sentHeaders,
    body: typeof body === 'string' || body instanceof Uint8Array ? body : undefined,
  }
  c.set(sentKey as never, sent as never)
  return response
}

/**
 * Wraps a vendor's routes in the shared machinery: the `/__admin` control plane, the request
 * journal, fault injection, per-route body limits, request ids, `/openapi.json`, and error
 * handling that answers in the vendor's own format, `HTTPException`s from any middleware included.
 *
 * @example
 * const simulator = createSimulator({ name: 'cloudsponge', document, routes, state, errorResponse, registration: cloudspongeVendor }, resolveOptions(options))
 * await simulator.app.request('/__admin/clock')
 */
export function createSimulator(vendor: VendorDefinition, options: SimulatorOptions = {}): Simulator {
  const journal = new RequestJournal({ limit: options.journalLimit, ...options.journal })
  const { clock, randomSeed: seed } = resolveOptions({ ...options, clock: vendor.clock ?? options.clock })
  const faults = new FaultBook(seededRandom(seed))
  // A separate stream, so adding a probabilistic fault does not change the ids that follow.
  const nextRequestId = requestIds(seededRandom(seed ^ 0x5eed))
  const defaultLimit = options.bodyLimitBytes ?? 1024 * 1024
  const limits = (vendor.bodyLimits ?? []).map((rule) => {
    const problem = globProblem(rule.path)
    if (problem) {
      throw new RangeError(`Failed to create the ${vendor.name} simulator: body limit path ${problem}.`)
    }
    return { method: rule.method?.toUpperCase(), pattern: globToRegExp(rule.path), maxBytes: rule.maxBytes }
  })
  const bodyLimitFor = (method: string, path: string) =>
    limits.find((rule) => (!rule.method || rule.method === method) && rule.pattern.test(path))?.maxBytes ?? defaultLimit
  const app = new Hono<CoreEnv>({ strict: false })

  const simulator: Simulator = {
    name: vendor.name,
    app: app as unknown as Hono,
    clock,
    journal,
    faults,
    document: vendor.document,
    registration: options.registration ?? vendor.registration,
    peers: options.peers,
    adminToken: options.adminToken,
    errorResponse: vendor.errorResponse,
    reset() {
      vendor.state.reset()
      journal.clear()
      faults.clear()
    },
    inspect: () => vendor.state.inspect(),
    seed: (input) => vendor.state.seed(input),
    snapshot: () => vendor.state.snapshot?.(),
  }

  app.route(adminPrefix, createAdminApp(simulator))
  // Built once: the document is the same for every request.
  const servedDocument = withAdminSection(vendor.document)
  app.get('/openapi.json', (c) => c.json(servedDocument))

  const tooLarge = (c: Context, maxBytes: number) =>
    vendor.errorResponse(c, 413, `The request body is larger than ${maxBytes} bytes; send a smaller body.`)

  // One middleware for all per-request bookkeeping: each extra layer costs on the hot path, and so
  // does every header copy, URL parse and allocation in it (see docs/decisions/hot-path.md).
  app.use('*', async (c, next) => {
    const startedAt = performance.now()
    const atMs = clock.now()
    const requestId = nextRequestId()
    c.set('requestId', requestId)
    const raw = c.req.raw
    const method = raw.method
    let tap: BodyTap | undefined
    let body: JournalRecord['body'] = noBody
    let faultId: string | null = null
    let tooLargeFor: number | undefined
    let unreadable: Response | undefined
    // Checking the method first spares @hono/node-server building a full Request (hot path).
    // Stryker disable next-line StringLiteral: GET and HEAD have no body, so whether the method is tested changes nothing else
    if (method !== 'GET' && method !== 'HEAD') {
      const maxBytes = bodyLimitFor(method, c.req.path)
      const declared = raw.headers.get('content-length')
      const length = declared === null ? Number.NaN : Number(declared)
      if (length > maxBytes) {
        tooLargeFor = maxBytes
      } else if (length <= bufferedBodyBytes) {
        // A small body of known size: read whole (by @hono/node-server without any stream), then
        // handed to the handler from memory.
        try {
          const bytes = new Uint8Array(await raw.arrayBuffer())
          if (bytes.byteLength > maxBytes) {
            // Only a Request made in-process can carry more than its Content-Length says.
            tooLargeFor = maxBytes
          } else {
            c.req.raw = bufferedRequest(raw, bytes)
          }
          body = {
            text: bytes.byteLength > previewBytes ? bytes.slice(0, previewBytes) : bytes,
            truncated: bytes.byteLength > previewBytes,
            bytes: bytes.byteLength,
          }
        } catch (error) {
          unreadable = vendor.errorResponse(
            c,
            400,
            `The request body could not be read (${(error as Error).message}); send it again.`,
          )
        }
      } else if (declared === null && withoutBody(c)) {
        // Nothing to read: asking for the body would only make @hono/node-server build a Request,
        // so handlers and validation get an empty one instead.
        c.req.raw = bufferedRequest(raw, noBytes)
      } else if (raw.body) {
        const tapped = tapBody(raw, { maxBytes, previewBytes })
        c.req.raw = tapped.request
        tap = tapped.tap
      }
    }
    if (unreadable) {
      c.res = unreadable
    } else if (tooLargeFor === undefined) {
      // With no rules take finds none; the size test spares the hot path. Its `>=` is an explained
      // equivalent survivor, left unmarked as a mark would also hide the `false` and `<` that turn faults off.
      const rule = faults.size > 0 ? faults.take(method, c.req.path) : undefined
      if (rule) {
        if (rule.delayMs) {
          // Wall-clock delay on purpose: it exercises the client's timeout, not the vendor's clock.
          await new Promise((resolve) => setTimeout(resolve, rule.delayMs))
        }
        faultId = rule.id
      }
      if (rule && rule.status !== undefined) {
        c.res = faultResponse(c, rule, vendor)
      } else {
        await next()
      }
      // A body past its limit failed the handler's read: whatever the handler or onError made of it, the answer is a 413.
      if (tap?.exceeded && c.res.status !== 413) {
        tooLargeFor = bodyLimitFor(method, c.req.path)
      }
    }
    if (tooLargeFor !== undefined) {
      // Clear first: assigning over an existing response would copy its headers into this one.
      c.res = undefined
      c.res = tooLarge(c, tooLargeFor)
    }
    const response = c.res
    // A response made by `respondWith` carries the id already; adding a header to any other one
    // turns its headers into a Headers object, which costs more than anything else here.
    if (faultId || c.get(stampedKey as never) !== response) {
      response.headers.set('X-Request-Id', requestId)
      if (faultId) {
        response.headers.set(faultHeader, faultId)
      }
    }
    if (tap) {
      await tap.settle()
      body = { text: tap.preview(), truncated: tap.truncated(), bytes: tap.bytesSeen }
    }
    const stamped = c.get(stampedKey as never) === response
    const sent = stamped ? (c.get(sentKey as never) as Sent | undefined) : undefined
    journal.record({
      atMs,
      method,
      url: raw.url,
      headers: rawHeadersOf(c) ?? raw.headers,
      body,
      status: response.status,
      durationMs: Math.round((performance.now() - startedAt) * 1000) / 1000,
      requestId,
      faultId,
      response: journalAnswer(response, sent),
    })
  })

  // Stryker disable next-line StringLiteral: Hono mounts at "" as at "/"
  app.route('/', vendor.routes)

  app.notFound((c) =>
    // A browser opening the root of an API that has nothing there gets the dashboard.
    // A missing Accept reads as "undefined", which is not text/html either.
    c.req.path === '/' && c.req.method === 'GET' && /\btext\/html\b/.test(String(c.req.header('accept')))
      ? c.redirect(`${adminPrefix}/${new URL(c.req.url).search}`, 302)
      : vendor.errorResponse(c, 404, noSuchOperation(c.req.method, c.req.path)),
  )
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return fromHttpException(c, error, vendor.errorResponse)
    }
    return vendor.errorResponse(c, 500, `The simulator failed on ${c.req.method} ${c.req.path}: ${error.message}.`)
  })
  return simulator
}

/**
 * What the journal keeps of an answer. Not the response when `respondWith` made it with a content
 * type (or no body): the response holds its whole body, and a thousand bodies of a page each (60 KB
 * for Aurinko's page of 100) held until the ring drops them made major garbage collections a
 * quarter of the page's CPU. Its plain headers then, never asked of the response (under
 * @hono/node-server that makes a Headers object of them), and the start of its body.
 */
function journalAnswer(response: Response, sent: Sent | undefined): JournalRecord['response'] {
  const body = sent?.body === undefined ? undefined : sentPreview(sent.body)
  // Without a Content-Type a Response may add one of its own for its body: then the journal asks it.
  const typed = sent !== undefined && (sent.body === undefined || hasContentType(sent.headers))
  return sent?.response === response && typed ? { headers: sent.headers, body } : { answer: response, body }
}

function hasContentType(headers: Readonly<Record<string, string>>): boolean {
  for (const name in headers) {
    if (name.length === 12 && name.toLowerCase() === 'content-type') {
      return true
    }
  }
  return false
}

/**
 * The raw header list of a request served by `@hono/node-server`, which hands its Node request to
 * the app as `env.incoming`; undefined anywhere else (MSW, `app.request`, a browser tab), where the
 * request's own Headers are kept instead. Feature-detected: no Node API is used.
 */
// Stryker disable next-line BlockStatement: the raw list only spares building a Headers object; the journal shows the same either way
function rawHeadersOf(c: Context): readonly string[] | undefined {
  const rawHeaders = (c.env as { incoming?: { rawHeaders?: unknown } } | undefined)?.incoming?.rawHeaders
  return Array.isArray(rawHeaders) ? rawHeaders : undefined
}

/**
 * Whether a request that came over HTTP/1 (through `@hono/node-server`, which hands its Node
 * request to the app as `env.incoming`) has no body: neither a Content-Length nor a
 * Transfer-Encoding. False anywhere else, where the request itself says.
 */
function withoutBody(c: Context): boolean {
  const incoming = (
    c.env as { incoming?: { httpVersionMajor?: unknown; headers?: Record<string, unknown> } } | undefined
  )?.incoming
  return incoming?.httpVersionMajor === 1 && incoming.headers?.['transfer-encoding'] === undefined
}

// Headers a middleware's own answer carries that the vendor's error must keep (the Basic challenge…).
const keptExceptionHeaders = ['www-authenticate', 'retry-after', 'allow', 'etag', 'location']

/** An `HTTPException` from any middleware (basic-auth, bearer-auth, body-limit…) in the vendor's format. */
function fromHttpException(c: Context, error: HTTPException, errorResponse: ErrorResponder): Response {
  const status = error.status >= 400 && error.status <= 599 ? error.status : 500
  const response = errorResponse(
    c,
    status,
    error.message || statusSentences[status] || `The request failed (${status}).`,
  )
  const original = error.res
  if (!original) {
    return response
  }
  const headers = new Headers(response.headers)
  for (const name of keptExceptionHeaders) {
    const value = original.headers.get(name)
    if (value !== null) {
      headers.set(name, value)
    }
  }
  return new Response(response.body, { status, headers })
}

const statusSentences: Record<number, string> = {
  400: 'The request is malformed; check its parameters and body.',
  401: 'The request has no valid credentials; send the credentials the API reference names.',
  403: 'The credentials are valid but do not allow this request.',
  404: 'There is nothing at this path.',
  405: 'This path does not take that method.',
  408: 'The request took too long to arrive.',
  409: 'The request conflicts with the current state.',
  412: 'A precondition (If-Match) failed: the resource changed since it was read.',
  413: 'The request body is too large; send a smaller body.',
  415: 'The request body has a media type this endpoint does not take.',
  429: 'Too many requests; wait and try again.',
}

function faultResponse(c: Context, rule: FaultRule, vendor: VendorDefinition): Response {
  const status = rule.status ?? 500
  const response =
    rule.body === undefined
      ? vendor.errorResponse(c, status, `Injected fault ${rule.id} answered ${status}.`)
      : respondWith(c, typeof rule.body === 'string' ? rule.body : JSON.stringify(rule.body), status, {
          'Content-Type': typeof rule.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
        })
  const headers = new Headers(response.headers)
  for (const [name, value] of Object.entries(rule.headers ?? {})) {
    headers.set(name, value)
  }
  const faulted = new Response(response.body, { status, headers })
  // The same body under the rule's headers: the journal shows what the responder sent, if it sent
  // it through `respondWith` (nothing else ran before a fault, so no other body is on record).
  c.set(stampedKey as never, faulted as never)
  return faulted
}
