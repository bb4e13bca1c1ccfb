import type { OpenApiDocument } from '@contactkit/specs'
import { Hono } from 'hono'
import { basicAuth } from 'hono/basic-auth'
import { type Clock, manualClock } from '../clock.js'
import { jsonHeaders } from '../kit/json.js'
import {
  createSimulator,
  type ErrorResponder,
  respondWith,
  type Simulator,
  type SimulatorOptions,
} from '../simulator.js'
import { type SpecValidationEnv, specValidation } from '../spec-validation.js'

/** A vendor small enough to read in one screen, for testing the core without CloudSponge's rules. */
export const toyDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Toy', version: '1' },
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10 } },
        ],
        responses: { '200': { description: 'ok' } },
      },
      patch: {
        operationId: 'updateItem',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'If-Match', in: 'header', required: true, schema: { type: 'string', pattern: '^"[a-z0-9]+"$' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/items': {
      post: {
        operationId: 'createItem',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: { name: { type: 'string', minLength: 1 }, count: { type: 'integer' } },
              },
            },
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            },
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['name', 'file'],
                properties: { name: { type: 'string' }, file: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: { '201': { description: 'created' } },
      },
    },
  },
}

/** The toy's error body: `{"toyError":{"status":404,"message":"…","code":"…","requestId":"…"}}`. */
export const toyError: ErrorResponder = (c, status, message, details) =>
  respondWith(
    c,
    JSON.stringify({
      toyError: { status, message, code: details?.code ?? `http.${status}`, requestId: c.get('requestId' as never) },
    }),
    status,
    jsonHeaders,
  )

/**
 * A toy simulator: validated routes, a streamed upload with its own body limit, a route behind
 * Hono's basic-auth (which throws an HTTPException), and a route that crashes.
 *
 * @example
 * const toy = createToySimulator({ clock: manualClock() })
 */
export function createToySimulator(options: SimulatorOptions = {}): Simulator & { uploads: number[] } {
  const clock: Clock = options.clock ?? manualClock()
  const uploads: number[] = []
  let seeded: unknown[] = []
  const routes = new Hono<SpecValidationEnv>()
  const validated = specValidation<SpecValidationEnv>(toyDocument, {
    onInvalid: (c, invalid) => toyError(c, invalid.status, invalid.message, { code: 'request.invalid' }),
  })
  routes.get('/items/:id', validated, (c) => c.json({ id: c.get('request').path.id, query: c.get('request').query }))
  routes.patch('/items/:id', validated, (c) => c.json({ ifMatch: c.get('request').headers['if-match'] }))
  routes.post('/items', validated, (c) => {
    const body = c.get('request').body as Record<string, unknown>
    const file = body.file instanceof File ? { name: body.file.name, size: body.file.size } : undefined
    return c.json({ mediaType: c.get('request').mediaType, name: body.name, count: body.count, file }, 201)
  })
  routes.post('/upload', async (c) => {
    let bytes = 0
    const reader = c.req.raw.body?.getReader()
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      bytes += read.value.byteLength
    }
    uploads.push(bytes)
    return c.json({ bytes }, 201)
  })
  routes.get('/secure', basicAuth({ username: 'toy', password: 'secret' }), (c) => c.json({ ok: true }))
  routes.get('/boom', () => {
    throw new Error('the toy broke')
  })
  const simulator = createSimulator(
    {
      name: 'toy',
      document: toyDocument,
      clock,
      routes: routes as unknown as Hono,
      errorResponse: toyError,
      bodyLimits: [{ method: 'POST', path: '/upload', maxBytes: 512 * 1024 * 1024 }],
      state: {
        inspect: () => ({ seeded, uploads }),
        seed(input) {
          if (!Array.isArray((input as { items?: unknown })?.items)) {
            throw new RangeError('Failed to seed the toy: send {"items": [...]}.')
          }
          seeded = [...seeded, ...(input as { items: unknown[] }).items]
          return { items: seeded.length }
        },
        reset() {
          seeded = []
          uploads.length = 0
        },
      },
    },
    { ...options, clock },
  )
  return Object.assign(simulator, { uploads })
}

/**
 * A simulator over the routes given, with the toy's error format and no spec: for tests of what
 * the core does around a vendor's own answers (exceptions, faults, limits, the journal).
 *
 * @example
 * const routes = new Hono().get('/page', (c) => respondWith(c, 'ok', 200, {}))
 * const response = await toySimulatorOver(routes).app.request('/page')
 */
export function toySimulatorOver(routes: Hono, options: SimulatorOptions = {}): Simulator {
  return createSimulator(
    {
      name: 'toy',
      document: { ...toyDocument, paths: {} },
      clock: manualClock(),
      routes,
      state: { inspect: () => null, seed: () => null, reset: () => undefined },
      errorResponse: toyError,
    },
    options,
  )
}
