import type { OpenApiDocument } from '@contactkit/specs'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createAdminApp } from './admin.js'
import type { Clock } from './clock.js'
import { FaultBook, type FaultRule } from './faults.js'
import { RequestJournal } from './journal.js'
import { seededRandom } from './random.js'

/** Options every simulator takes. */
export interface SimulatorOptions {
  /** Where time comes from; a `manualClock()` makes every scenario deterministic. */
  clock?: Clock
  /** How many requests the journal keeps (the oldest go first). Default 1,000. */
  journalLimit?: number
  /** Seed for fault probabilities. Default 1. */
  randomSeed?: number
  /** Largest request body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  bodyLimitBytes?: number
}

/** The vendor's own state, seen through the admin API. */
export interface VendorState {
  /** A JSON snapshot for `GET /__admin/state`. */
  inspect(): unknown
  /** Adds data from `POST /__admin/state`; throws a RangeError whose message says what to fix. */
  seed(input: unknown): unknown
  /** Forgets everything but the configured tenants and fixtures. */
  reset(): void
}

/** What a vendor gives the core: its routes, its error format and its state. */
export interface VendorDefinition {
  name: string
  document: OpenApiDocument
  clock: Clock
  routes: Hono
  state: VendorState
  /** The vendor's own error body and headers for a status and a sentence. */
  errorResponse(c: Context, status: number, message: string): Response
}

/** A running simulator: one Hono app for a server, in-process calls and MSW alike. */
export interface Simulator {
  readonly name: string
  readonly app: Hono
  readonly clock: Clock
  readonly journal: RequestJournal
  readonly faults: FaultBook
  /** Forgets imports, journal and fault rules; the clock keeps its time. */
  reset(): void
  inspect(): unknown
  seed(input: unknown): unknown
}

export const faultHeader = 'X-Contactkit-Fault'
const adminPrefix = '/__admin'

/**
 * Wraps a vendor's routes in the shared machinery: the `/__admin` control plane, the request
 * journal, fault injection, the body limit, request ids, `/openapi.json`, and error handling that
 * answers in the vendor's own format.
 *
 * @example
 * const simulator = createSimulator({ name: 'cloudsponge', document, clock, routes, state, errorResponse })
 * await simulator.app.request('/__admin/clock')
 */
export function createSimulator(vendor: VendorDefinition, options: SimulatorOptions = {}): Simulator {
  const journal = new RequestJournal(options.journalLimit ?? 1000)
  const faults = new FaultBook(seededRandom(options.randomSeed ?? 1))
  const bodyLimitBytes = options.bodyLimitBytes ?? 1024 * 1024
  const app = new Hono({ strict: false })

  const simulator: Simulator = {
    name: vendor.name,
    app,
    clock: vendor.clock,
    journal,
    faults,
    reset() {
      vendor.state.reset()
      journal.clear()
      faults.clear()
    },
    inspect: () => vendor.state.inspect(),
    seed: (input) => vendor.state.seed(input),
  }

  app.route(adminPrefix, createAdminApp(simulator))
  app.get('/openapi.json', (c) => c.json(vendor.document))

  app.use('*', async (c, next) => {
    const requestId = crypto.randomUUID()
    const at = new Date(vendor.clock.now()).toISOString()
    await next()
    c.res.headers.set('X-Request-Id', requestId)
    journal.record({
      at,
      method: c.req.method,
      path: c.req.path,
      query: c.req.query(),
      headers: Object.fromEntries(c.req.raw.headers),
      body: await bodyPreview(c),
      status: c.res.status,
      requestId,
      faultId: c.res.headers.get(faultHeader),
    })
  })

  app.use('*', async (c, next) => {
    const rule = faults.take(c.req.method, c.req.path)
    if (!rule) {
      return next()
    }
    if (rule.delayMs) {
      // Wall-clock delay on purpose: it exercises the client's timeout, not the vendor's clock.
      await new Promise((resolve) => setTimeout(resolve, rule.delayMs))
    }
    if (rule.status === undefined) {
      await next()
      c.res.headers.set(faultHeader, rule.id)
      return
    }
    return faultResponse(c, rule, vendor)
  })

  app.use(
    '*',
    bodyLimit({
      maxSize: bodyLimitBytes,
      onError: (c) =>
        vendor.errorResponse(c, 413, `The request body is larger than ${bodyLimitBytes} bytes; send a smaller body.`),
    }),
  )

  app.route('/', vendor.routes)

  app.notFound((c) =>
    vendor.errorResponse(
      c,
      404,
      `There is no ${c.req.method} ${c.req.path}; check the path against the API reference.`,
    ),
  )
  app.onError((error, c) =>
    vendor.errorResponse(
      c,
      500,
      `The simulator failed on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}.`,
    ),
  )
  return simulator
}

function faultResponse(c: Context, rule: FaultRule, vendor: VendorDefinition): Response {
  const status = rule.status ?? 500
  const response =
    rule.body === undefined
      ? vendor.errorResponse(c, status, `Injected fault ${rule.id} answered ${status}.`)
      : new Response(typeof rule.body === 'string' ? rule.body : JSON.stringify(rule.body), {
          status,
          headers: { 'Content-Type': typeof rule.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' },
        })
  const headers = new Headers(response.headers)
  for (const [name, value] of Object.entries(rule.headers ?? {})) {
    headers.set(name, value)
  }
  headers.set(faultHeader, rule.id)
  return new Response(response.body, { status, headers })
}

const previewBytes = 4096

async function bodyPreview(c: Context): Promise<string> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status === 413) {
    return ''
  }
  try {
    const text = await c.req.text()
    return text.length > previewBytes ? `${text.slice(0, previewBytes)}…` : text
  } catch {
    return ''
  }
}
