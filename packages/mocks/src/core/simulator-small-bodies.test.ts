import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { type RunningServer, serve } from './serve.js'
import { createToySimulator } from './testing/toy-vendor.js'

// Over a socket, clients send a Content-Length: a small body is read whole before the handler runs
// (see docs/decisions/hot-path.md). Handlers, limits and the journal see it as they see any body.
describe('small bodies with a Content-Length, over HTTP', () => {
  const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: 8 * 1024 })
  let server: RunningServer
  beforeAll(async () => {
    server = await serve(toy)
  })
  afterAll(() => server.close())

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', body, headers })

  it('hands the handler a JSON body, validated, and shows it in the journal', async () => {
    const body = JSON.stringify({ name: 'Ann', count: 2 })
    const response = await post('/items', body, { 'Content-Type': 'application/json' })
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ mediaType: 'application/json', name: 'Ann', count: 2 })
    const [entry] = toy.journal.list({ limit: 1 })
    expect(entry).toMatchObject({ body, bodyBytes: body.length, bodyTruncated: false })
    expect(entry?.response.headers['x-request-id']).toBe(response.headers.get('x-request-id'))
    const refused = await post('/items', JSON.stringify({ name: 'Ann', password: 'hunter2' }), {
      'Content-Type': 'application/json',
    })
    expect(refused.status).toBe(400)
    expect(toy.journal.list({ limit: 1 })[0]?.body).toBe('{"name":"Ann","password":"[redacted]"}')
  })

  it('reads a multipart form with a file part', async () => {
    const form = new FormData()
    form.append('name', 'Bo')
    form.append('file', new Blob(['a,b\n'], { type: 'text/csv' }), 'people.csv')
    const response = await post('/items', form)
    expect(await response.json()).toMatchObject({ name: 'Bo', file: { name: 'people.csv', size: 4 } })
  })

  it('gives a route that streams its body every byte', async () => {
    const response = await post('/upload', new Uint8Array(3000).fill(97))
    expect(await response.json()).toEqual({ bytes: 3000 })
  })

  it('keeps a 4 KB preview of a longer body, cut on a whole character', async () => {
    const body = JSON.stringify({ name: 'é'.repeat(3000) })
    const response = await post('/items', body, { 'Content-Type': 'application/json' })
    expect(response.status).toBe(201)
    const [entry] = toy.journal.list({ limit: 1 })
    expect(entry?.bodyBytes).toBe(new TextEncoder().encode(body).byteLength)
    expect(entry?.bodyTruncated).toBe(true)
    // 9 bytes of '{"name":"', then 2,043 two-byte characters; the half of the next one is left out.
    expect(entry?.body).toBe(body.slice(0, 9 + 2043))
  })

  it('answers 413 to a body over the limit, and an unread body still shows in the journal', async () => {
    const tooLarge = await post('/items', 'x'.repeat(9 * 1024), { 'Content-Type': 'text/plain' })
    expect(tooLarge.status).toBe(413)
    const missing = await post('/nowhere', 'token=abc&x=1', { 'Content-Type': 'application/x-www-form-urlencoded' })
    expect(missing.status).toBe(404)
    expect(toy.journal.list({ limit: 1 })[0]?.body).toBe('token=[redacted]&x=1')
  })
})
