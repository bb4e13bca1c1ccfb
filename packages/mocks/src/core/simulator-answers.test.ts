import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { describe, expect, it, vi } from 'vitest'
import { manualClock } from './clock.js'
import { respondWith } from './simulator.js'
import { createToySimulator, toySimulatorOver } from './testing/toy-vendor.js'

// What a client sees from the core around a vendor's routes: exceptions, injected faults, limits.

type ToyError = { toyError: { status: number; message: string } }

/** A simulator whose routes throw what the test hands them. */
function throwing(thrown: () => unknown) {
  const routes = new Hono()
  routes.get('/throw', () => {
    throw thrown()
  })
  return toySimulatorOver(routes)
}

describe("an HTTPException from a route or middleware, in the vendor's format", () => {
  const sentences: Record<number, string> = {
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
    418: 'The request failed (418).',
    599: 'The request failed (599).',
  }

  it('answers a message-less exception with a sentence for its status', async () => {
    for (const [status, sentence] of Object.entries(sentences)) {
      const simulator = throwing(() => new HTTPException(Number(status) as ContentfulStatusCode))
      const response = await simulator.app.request('/throw')
      expect(response.status).toBe(Number(status))
      expect(((await response.json()) as ToyError).toyError).toMatchObject({
        status: Number(status),
        message: sentence,
      })
    }
  })

  it('keeps the exception’s own message, and answers a status outside 400–599 as a 500', async () => {
    const own = await throwing(() => new HTTPException(409, { message: 'Already there.' })).app.request('/throw')
    expect(((await own.json()) as ToyError).toyError).toMatchObject({ status: 409, message: 'Already there.' })
    for (const status of [302, 399, 600]) {
      const odd = await throwing(() => new HTTPException(status as never, { message: 'odd' })).app.request('/throw')
      expect(odd.status).toBe(500)
      expect(((await odd.json()) as ToyError).toyError).toMatchObject({ status: 500, message: 'odd' })
    }
  })

  it('keeps the challenge and retry headers of the exception’s own answer, and only those', async () => {
    const res = new Response('no', {
      status: 401,
      headers: {
        'WWW-Authenticate': 'Basic realm="toy"',
        'Retry-After': '5',
        Allow: 'GET',
        ETag: '"e1"',
        Location: '/elsewhere',
        'X-Leak': 'no',
        'Content-Type': 'text/plain',
      },
    })
    const response = await throwing(() => new HTTPException(401, { res })).app.request('/throw')
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="toy"')
    expect(response.headers.get('retry-after')).toBe('5')
    expect(response.headers.get('allow')).toBe('GET')
    expect(response.headers.get('etag')).toBe('"e1"')
    expect(response.headers.get('location')).toBe('/elsewhere')
    expect(response.headers.get('x-leak')).toBeNull()
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(((await response.json()) as ToyError).toyError.status).toBe(401)
  })

  it('adds none of the kept headers the exception’s answer does not carry', async () => {
    const res = new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Basic' } })
    const response = await throwing(() => new HTTPException(401, { res })).app.request('/throw')
    expect(response.headers.get('www-authenticate')).toBe('Basic')
    for (const name of ['retry-after', 'allow', 'etag', 'location']) {
      expect(response.headers.get(name), name).toBeNull()
    }
  })

  it('answers any other error as a 500 naming the route and the error', async () => {
    const response = await throwing(() => new TypeError('x is not a function')).app.request('/throw')
    expect(response.status).toBe(500)
    expect(((await response.json()) as ToyError).toyError.message).toBe(
      'The simulator failed on GET /throw: x is not a function.',
    )
  })
})

describe('injected faults with their own answer', () => {
  it('answers a string body as plain text and any other body as JSON, with the rule’s headers', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    toy.faults.add({ path: '/items/1', status: 503, body: 'down for lunch', headers: { 'Retry-After': '7' }, times: 1 })
    const text = await toy.app.request('/items/1')
    expect(text.status).toBe(503)
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(text.headers.get('retry-after')).toBe('7')
    expect(await text.text()).toBe('down for lunch')

    toy.faults.add({ path: '/items/2', status: 429, body: { slow: 'down' }, times: 1 })
    const json = await toy.app.request('/items/2')
    expect(json.status).toBe(429)
    expect(json.headers.get('content-type')).toBe('application/json')
    expect(await json.json()).toEqual({ slow: 'down' })

    // The journal shows the answer as the client got it, the rule's headers included.
    const [first] = toy.journal.list({ path: '/items/1' })
    expect(first?.response.headers['retry-after']).toBe('7')
    expect(first?.response.body).toBe('down for lunch')
  })

  it('takes effect from the next request when added to a simulator that had none, and ends when removed', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    expect((await toy.app.request('/items/1')).status).toBe(200)
    const rule = toy.faults.add({ path: '/items/1', status: 503 })
    expect((await toy.app.request('/items/1')).status).toBe(503)
    toy.faults.remove(rule.id)
    expect((await toy.app.request('/items/1')).status).toBe(200)
    expect(toy.faults.size).toBe(0)
  })

  it('answers a rule without a body in the vendor format, naming the rule', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    const rule = toy.faults.add({ path: '/items/*', status: 502 })
    const response = await toy.app.request('/items/3')
    expect(response.status).toBe(502)
    expect(((await response.json()) as ToyError).toyError.message).toBe(`Injected fault ${rule.id} answered 502.`)
  })
})

describe('body limits by Content-Length', () => {
  it('answers 413 before reading a body whose declared length passes the limit', async () => {
    const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: 10 })
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(4))
      },
    })
    const response = await toy.app.request('/items', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '11' },
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(((await response.json()) as ToyError).toyError.message).toContain('larger than 10 bytes')
    // Nothing was read beyond what the stream buffers on its own.
    expect(pulled).toBeLessThanOrEqual(1)
  })
})

describe('a body past its limit that the route answers itself', () => {
  it('keeps the route’s own 413, as S3 keeps its EntityTooLarge', async () => {
    const routes = new Hono()
    routes.post('/upload', async (c) => {
      try {
        await c.req.raw.arrayBuffer()
      } catch {
        return c.json({ toyError: { status: 413, message: 'Your file is over the bucket’s limit.' } }, 413)
      }
      return c.body(null, 204)
    })
    const simulator = toySimulatorOver(routes, { bodyLimitBytes: 10 })
    const response = await simulator.app.request('/upload', { method: 'POST', body: 'x'.repeat(50) })
    expect(response.status).toBe(413)
    expect(((await response.json()) as ToyError).toyError.message).toBe('Your file is over the bucket’s limit.')
  })
})

describe('a runtime that hands the app an env without a Node request (Workers, Deno, Bun)', () => {
  it('answers and journals the request from its own headers', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    const response = await toy.app.request('/items/1', { headers: { 'X-Tag': 'edge' } }, { ASSETS: {} })
    expect(response.status).toBe(200)
    expect(toy.journal.list()[0]?.headers).toMatchObject({ 'x-tag': 'edge' })
  })
})

describe('a browser at the root of an API', () => {
  it('is sent to the dashboard with its query; an API client gets a 404 in the vendor format', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    const browser = await toy.app.request('/?admin_token=t', { headers: { Accept: 'text/html,*/*' } })
    expect(browser.status).toBe(302)
    expect(browser.headers.get('location')).toBe('/__admin/?admin_token=t')
    const api = await toy.app.request('/', { method: 'GET' })
    expect(api.status).toBe(404)
    expect(((await api.json()) as ToyError).toyError.message).toBe(
      'There is no GET /; check the path against the API reference.',
    )
  })
})

describe('per-route body limits', () => {
  it('apply only to the method they name: a PUT to the upload path has the default limit', async () => {
    const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: 100 })
    const response = await toy.app.request('/upload', {
      method: 'PUT',
      body: 'x'.repeat(200),
      headers: { 'Content-Length': '200' },
    })
    expect(response.status).toBe(413)
    const post = await toy.app.request('/upload', { method: 'POST', body: 'x'.repeat(200) })
    expect(post.status).toBe(201)
  })
})

describe('reset', () => {
  it('forgets fault rules along with the journal', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    toy.faults.add({ path: '/items/*', status: 500 })
    await toy.app.request('/items/1')
    toy.reset()
    expect(toy.faults.size).toBe(0)
    expect(toy.journal.size).toBe(0)
    expect((await toy.app.request('/items/1')).status).toBe(200)
  })
})

describe('respondWith', () => {
  it('adds no request id outside a simulator', async () => {
    const app = new Hono()
    app.get('/', (c) => respondWith(c, 'plain', 200, { 'Content-Type': 'text/plain' }))
    const response = await app.request('/')
    expect(response.headers.get('x-request-id')).toBeNull()
    expect(await response.text()).toBe('plain')
  })

  it('shows a streamed answer in the journal without its body', async () => {
    const routes = new Hono()
    routes.get('/stream', (c) => respondWith(c, new Blob(['streamed']).stream(), 200, { 'Content-Type': 'text/plain' }))
    const simulator = toySimulatorOver(routes)
    const response = await simulator.app.request('/stream')
    expect(await response.text()).toBe('streamed')
    expect(response.headers.get('x-request-id')).not.toBeNull()
    const [entry] = simulator.journal.list()
    expect(entry?.response.body).toBeNull()
    expect(entry?.response.bodyBytes).toBeNull()
  })
})

describe('the core around every request', () => {
  it('takes a body of exactly the limit by its Content-Length', async () => {
    const body = JSON.stringify({ name: 'exactly' })
    const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: body.length })
    const response = await toy.app.request('/items', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
    })
    expect(response.status).toBe(201)
  })

  it('answers a fault without a delay at once, even while a test holds the timers', async () => {
    vi.useFakeTimers()
    try {
      const toy = createToySimulator({ clock: manualClock() })
      toy.faults.add({ path: '/items/*', status: 503 })
      // No timer is advanced: a fault that waited on one, even for 0 ms, would never answer here.
      const response = await toy.app.request('/items/1')
      expect(response.status).toBe(503)
    } finally {
      vi.useRealTimers()
    }
  })

  it('holds a request for the delay of its fault on the wall clock', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    toy.faults.add({ path: '/items/*', delayMs: 200 })
    const startedAt = performance.now()
    expect((await toy.app.request('/items/1')).status).toBe(200)
    // A timer may fire a millisecond early by rounding; it never fires much earlier.
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(195)
  })

  it('holds a request for a delay-only fault, then lets the route answer, naming the rule', async () => {
    vi.useFakeTimers()
    try {
      const toy = createToySimulator({ clock: manualClock() })
      const rule = toy.faults.add({ path: '/items/*', delayMs: 50 })
      let answered = false
      const pending = Promise.resolve(toy.app.request('/items/1')).then((response) => {
        answered = true
        return response
      })
      await vi.advanceTimersByTimeAsync(49)
      expect(answered).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      const response = await pending
      expect(response.status).toBe(200)
      expect(response.headers.get('x-contactkit-fault')).toBe(rule.id)
      expect(toy.journal.list()[0]?.faultId).toBe(rule.id)
    } finally {
      vi.useRealTimers()
    }
  })

  it('names the fault rule that answered in a header, and no rule when none did', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    toy.faults.add({ path: '/items/1', status: 503 })
    expect((await toy.app.request('/items/1')).headers.get('x-contactkit-fault')).toBe('fault-1')
    expect((await toy.app.request('/items/2')).headers.get('x-contactkit-fault')).toBeNull()
  })

  it('journals how long the simulator took, in milliseconds', async () => {
    const routes = new Hono()
    routes.get('/slow', async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 30))
      return c.text('done')
    })
    const simulator = toySimulatorOver(routes)
    await simulator.app.request('/slow')
    const duration = simulator.journal.list()[0]?.durationMs ?? -1
    expect(duration).toBeGreaterThanOrEqual(25)
    expect(duration).toBeLessThan(10_000)
  })

  it('journals no body for an answer a route made after a stamped one it dropped', async () => {
    const routes = new Hono()
    routes.get('/switch', (c) => {
      respondWith(c, 'dropped', 200, { 'Content-Type': 'text/plain' })
      return c.text('sent')
    })
    const simulator = toySimulatorOver(routes)
    const response = await simulator.app.request('/switch')
    expect(await response.text()).toBe('sent')
    expect(response.headers.get('x-request-id')).not.toBeNull()
    expect(simulator.journal.list()[0]?.response.body).toBeNull()
  })

  it('sends only a browser GET at the root to the dashboard', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    const html = { Accept: 'text/html' }
    expect((await toy.app.request('/', { method: 'POST', headers: html })).status).toBe(404)
    expect((await toy.app.request('/nothing', { headers: html })).status).toBe(404)
    expect((await toy.app.request('/', { headers: html })).status).toBe(302)
  })
})
