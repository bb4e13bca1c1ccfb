import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { createSimulator } from './simulator.js'
import { createToySimulator, toyDocument, toyError } from './testing/toy-vendor.js'

const json = (body: unknown) => ({ 'Content-Type': 'application/json', body: JSON.stringify(body) })
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  [path, { method: 'POST', body, headers }] as const

async function error(response: Response) {
  return ((await response.json()) as { toyError: { status: number; message: string; code: string } }).toyError
}

describe('request validation owned by the core', () => {
  const toy = createToySimulator({ clock: manualClock() })

  it('hands routes coerced path and query values', async () => {
    const response = await toy.app.request('/items/7?limit=3')
    expect(await response.json()).toEqual({ id: 7, query: { limit: 3 } })
  })

  it('answers a bad path or query parameter with a 400 in the vendor format naming the field', async () => {
    const response = await toy.app.request('/items/0?limit=11')
    expect(response.status).toBe(400)
    const body = await error(response)
    expect(body.code).toBe('request.invalid')
    expect(body.message).toContain('id must be >= 1')
    expect(body.message).toContain('limit must be <= 10')
  })

  it('checks declared headers such as If-Match', async () => {
    const missing = await toy.app.request('/items/1', { method: 'PATCH', ...jsonInit({ name: 'a' }) })
    expect(missing.status).toBe(400)
    expect((await error(missing)).message).toContain('if-match is required')
    const malformed = await toy.app.request('/items/1', {
      method: 'PATCH',
      ...jsonInit({ name: 'a' }, { 'If-Match': 'abc' }),
    })
    expect((await error(malformed)).message).toContain('if-match must match pattern')
    const good = await toy.app.request('/items/1', {
      method: 'PATCH',
      ...jsonInit({ name: 'a' }, { 'If-Match': '"v2"' }),
    })
    expect(await good.json()).toEqual({ ifMatch: '"v2"' })
  })

  it('reads the body by its Content-Type: JSON, form and multipart with files', async () => {
    const asJson = await toy.app.request(...post('/items', JSON.stringify({ name: 'a', count: 2 }), jsonType))
    expect(await asJson.json()).toEqual({ mediaType: 'application/json', name: 'a', count: 2 })
    const asForm = await toy.app.request(...post('/items', new URLSearchParams({ name: 'b' })))
    expect(await asForm.json()).toMatchObject({ mediaType: 'application/x-www-form-urlencoded', name: 'b' })
    const form = new FormData()
    form.set('name', 'c')
    form.set('file', new File(['hello'], 'hello.csv', { type: 'text/csv' }))
    const asMultipart = await toy.app.request(...post('/items', form))
    expect(asMultipart.status).toBe(201)
    expect(await asMultipart.json()).toMatchObject({
      mediaType: 'multipart/form-data',
      name: 'c',
      file: { name: 'hello.csv', size: 5 },
    })
  })

  it('names the missing or wrong body field, for each media type', async () => {
    const wrongType = await toy.app.request(...post('/items', JSON.stringify({ name: 5, extra: 1 }), jsonType))
    expect(wrongType.status).toBe(400)
    const message = (await error(wrongType)).message
    expect(message).toContain('name must be string')
    expect(message).toContain('must NOT have additional properties')
    const form = new FormData()
    form.set('name', 'c')
    const noFile = await toy.app.request(...post('/items', form))
    expect((await error(noFile)).message).toBe('file is required.')
  })

  it('answers invalid JSON with a 400 and a media type the operation does not take with a 415', async () => {
    const badJson = await toy.app.request(...post('/items', '{"name":', jsonType))
    expect(badJson.status).toBe(400)
    expect((await error(badJson)).message).toMatch(/^the body is not valid JSON/)
    const text = await toy.app.request(...post('/items', 'name=a', { 'Content-Type': 'text/plain' }))
    expect(text.status).toBe(415)
    const body = await error(text)
    expect(body.message).toContain('application/json or application/x-www-form-urlencoded or multipart/form-data')
    expect(body.message).toContain('not text/plain')
  })
})

describe('errors in the vendor format', () => {
  const toy = createToySimulator({ clock: manualClock() })

  it('maps an HTTPException from Hono middleware to its own status, keeping its challenge header', async () => {
    const response = await toy.app.request('/secure')
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/)
    expect((await error(response)).status).toBe(401)
    const allowed = await toy.app.request('/secure', { headers: { Authorization: `Basic ${btoa('toy:secret')}` } })
    expect(allowed.status).toBe(200)
  })

  it('answers a crash with a 500 and an unknown path with a 404, both in the vendor format', async () => {
    const crash = await toy.app.request('/boom')
    expect(crash.status).toBe(500)
    expect((await error(crash)).message).toContain('the toy broke')
    const missing = await toy.app.request('/nowhere')
    expect(missing.status).toBe(404)
    expect((await error(missing)).message).toContain('There is no GET /nowhere')
  })

  it('puts the request id in the header and where the vendor body has it', async () => {
    const response = await toy.app.request('/nowhere')
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(((await response.json()) as { toyError: { requestId: string } }).toyError.requestId).toBe(id)
  })
})

describe('request ids', () => {
  it('repeat from run to run with the same seed, and differ with another', async () => {
    const ids = async (seed: number) => {
      const toy = createToySimulator({ clock: manualClock(), randomSeed: seed })
      const result: (string | null)[] = []
      for (let index = 0; index < 3; index++) {
        result.push((await toy.app.request('/items/1')).headers.get('x-request-id'))
      }
      return result
    }
    const first = await ids(7)
    expect(new Set(first).size).toBe(3)
    expect(await ids(7)).toEqual(first)
    expect(await ids(8)).not.toEqual(first)
  })
})

describe('body limits', () => {
  it('refuses a body over the default limit with a 413 in the vendor format, by Content-Length', async () => {
    const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: 100 })
    const response = await toy.app.request(...post('/items', JSON.stringify({ name: 'x'.repeat(200) }), jsonType))
    expect(response.status).toBe(413)
    expect((await error(response)).message).toContain('larger than 100 bytes')
  })

  it('stops a streamed body without Content-Length as soon as it passes the limit', async () => {
    const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: 1000 })
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(256).fill(97))
      },
    })
    const response = await toy.app.request('/items', {
      method: 'POST',
      body: endless,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    // Four chunks fit under the limit, the fifth passes it; it never reads on to the end.
    expect(pulled).toBeLessThan(10)
  })

  it('lets a route with its own limit take a large body as a stream, keeping only a preview', async () => {
    const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: 1000 })
    const chunk = new Uint8Array(1024 * 1024).fill(98)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 64) {
          controller.close()
          return
        }
        sent++
        controller.enqueue(chunk)
      },
    })
    const response = await toy.app.request('/upload', { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect(response.status).toBe(201)
    expect(toy.uploads).toEqual([64 * 1024 * 1024])
    const [entry] = toy.journal.list({ path: '/upload' })
    expect(entry?.bodyBytes).toBe(64 * 1024 * 1024)
    expect(entry?.body.length).toBe(4096)
    expect(entry?.bodyTruncated).toBe(true)
  })
})

describe('the journal', () => {
  it('redacts credentials by default and keeps them when asked', async () => {
    const send = async (keepSecrets: boolean) => {
      const toy = createToySimulator({ clock: manualClock(), journal: { keepSecrets } })
      await toy.app.request('/secure?access_token=abc&page=2', {
        headers: { Authorization: `Basic ${btoa('toy:secret')}`, 'X-Api-Key': 'k1', Accept: 'application/json' },
      })
      await toy.app.request(...post('/items', JSON.stringify({ name: 'a', password: 'hunter2' }), jsonType))
      return toy.journal.list()
    }
    const [get, create] = await send(false)
    expect(get?.headers.authorization).toBe('Basic [redacted]')
    expect(get?.headers['x-api-key']).toBe('[redacted]')
    expect(get?.headers.accept).toBe('application/json')
    expect(get?.query).toEqual({ access_token: '[redacted]', page: '2' })
    expect(create?.body).toBe('{"name":"a","password":"[redacted]"}')
    const [kept, keptCreate] = await send(true)
    expect(kept?.headers.authorization).toBe(`Basic ${btoa('toy:secret')}`)
    expect(keptCreate?.body).toContain('hunter2')
  })

  it('keeps a preview of a body the handler never read', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    await toy.app.request(...post('/nowhere', 'token=abc&x=1', { 'Content-Type': 'application/x-www-form-urlencoded' }))
    const [entry] = toy.journal.list()
    expect(entry?.status).toBe(404)
    expect(entry?.body).toBe('token=[redacted]&x=1')
  })

  it('records the clock time, status, duration and fault of each request, and filters them', async () => {
    const clock = manualClock('2026-05-01T00:00:00Z')
    const toy = createToySimulator({ clock })
    toy.faults.add({ path: '/items/2', status: 503 })
    await toy.app.request('/items/1')
    clock.advance(1000)
    await toy.app.request('/items/2')
    const entries = toy.journal.list()
    expect(entries.map((entry) => [entry.at, entry.path, entry.status, entry.faultId])).toEqual([
      ['2026-05-01T00:00:00.000Z', '/items/1', 200, null],
      ['2026-05-01T00:00:01.000Z', '/items/2', 503, 'fault-1'],
    ])
    expect(entries.every((entry) => entry.durationMs >= 0)).toBe(true)
    expect(toy.journal.list({ status: 503 }).map((entry) => entry.path)).toEqual(['/items/2'])
    expect(toy.journal.list({ limit: 1 }).map((entry) => entry.path)).toEqual(['/items/2'])
  })

  it('shows each answer: its headers, and the start of a body made whole, with secrets redacted', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    await toy.app.request('/nowhere/token-route')
    await toy.app.request('/items/1')
    const [missing, item] = toy.journal.list()
    expect(missing?.response.headers['content-type']).toBe('application/json')
    expect(missing?.response.headers['x-request-id']).toBe(missing?.requestId)
    expect(JSON.parse(missing?.response.body ?? '')).toMatchObject({ toyError: { status: 404 } })
    expect(missing?.response).toMatchObject({ bodyTruncated: false, bodyBytes: missing?.response.body?.length })
    // Made by c.json, not respondWith: the journal did not keep it rather than copying it.
    expect(item?.response).toMatchObject({ body: null, bodyBytes: null })
    expect(item?.response.headers['content-type']).toContain('application/json')
  })

  it('keeps the first 4 KB of a long answer and says how long it was', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    await toy.app.request(`/nowhere/${'x'.repeat(6000)}`)
    const [entry] = toy.journal.list()
    expect(entry?.response.body).toHaveLength(4096)
    expect(entry?.response.bodyTruncated).toBe(true)
    expect(entry?.response.bodyBytes).toBeGreaterThan(6000)
  })

  it('keeps only the newest entries', async () => {
    const toy = createToySimulator({ clock: manualClock(), journal: { limit: 3 } })
    for (let id = 1; id <= 5; id++) {
      await toy.app.request(`/items/${id}`)
    }
    expect(toy.journal.list().map((entry) => entry.path)).toEqual(['/items/3', '/items/4', '/items/5'])
  })
})

const jsonType = { 'Content-Type': 'application/json' }

function jsonInit(body: unknown, headers: Record<string, string> = {}) {
  return { body: json(body).body, headers: { ...jsonType, ...headers } }
}

describe('refusals of bad configuration', () => {
  it('a vendor whose body limit path is not a glob', () => {
    const vendor = (path: string) => ({
      name: 'toy',
      document: toyDocument,
      clock: manualClock(),
      routes: new Hono(),
      state: { inspect: () => null, seed: () => null, reset: () => undefined },
      errorResponse: toyError,
      bodyLimits: [{ path, maxBytes: 1 }],
    })
    expect(() => createSimulator(vendor('upload'))).toThrow(
      new RangeError(
        'Failed to create the toy simulator: body limit path must be a string starting with "/", such as "/events/*" or "/contacts/**", not "upload".',
      ),
    )
    expect(createSimulator(vendor('/upload')).name).toBe('toy')
  })
})
