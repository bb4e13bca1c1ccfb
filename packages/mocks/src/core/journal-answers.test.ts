import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { sentPreview } from './journal.js'
import { respondWith } from './simulator.js'
import { toySimulatorOver } from './testing/toy-vendor.js'

// The journal keeps the start of an answer and its size, not the answer: what it shows must not
// change with that, for short and long bodies, text and bytes, and for answers with or without a
// Content-Type of their own.
describe('answers as the journal shows them', () => {
  const routes = new Hono()
  const page = new TextEncoder().encode(`[${'"contact",'.repeat(6000)}"last"]`)
  const accented = 'é'.repeat(5000)
  routes.get('/page', (c) => respondWith(c, page, 200, { 'Content-Type': 'application/json' }))
  routes.get('/accented', (c) => respondWith(c, accented, 200, { 'Content-Type': 'text/plain; charset=utf-8' }))
  routes.get('/ascii', (c) => respondWith(c, 'a'.repeat(9000), 200, { 'Content-Type': 'text/plain' }))
  routes.get('/untyped', (c) => respondWith(c, 'plain words', 200, { 'X-Kind': 'none' }))
  routes.get('/empty', (c) => respondWith(c, null, 204, { ETag: '"e"' }))
  const simulator = toySimulatorOver(routes)
  const entry = async (path: string) => {
    const answer = await simulator.app.request(path)
    await answer.arrayBuffer()
    const [last] = simulator.journal.list({ limit: 1 })
    expect(last?.path).toBe(path)
    expect(last?.requestId).toBe(answer.headers.get('x-request-id'))
    return last?.response
  }

  it('shows the first 4 KB of a long byte answer and its whole size', async () => {
    const response = await entry('/page')
    expect(response?.body).toBe(new TextDecoder().decode(page.subarray(0, 4096)))
    expect(response?.bodyBytes).toBe(page.byteLength)
    expect(response?.bodyTruncated).toBe(true)
    expect(response?.headers['content-type']).toBe('application/json')
  })

  it('counts a long text answer in bytes and cuts its preview at 4 KB of them', async () => {
    const response = await entry('/accented')
    expect(response?.body).toBe('é'.repeat(2048))
    expect(response?.bodyBytes).toBe(10_000)
    expect(response?.bodyTruncated).toBe(true)
    const ascii = await entry('/ascii')
    expect(ascii?.body).toBe('a'.repeat(4096))
    expect(ascii?.bodyBytes).toBe(9000)
  })

  it("shows the answer's headers as sent, its own Content-Type included when it named none", async () => {
    const untyped = await entry('/untyped')
    expect(untyped?.body).toBe('plain words')
    expect(untyped?.headers['x-kind']).toBe('none')
    expect(untyped?.headers['content-type']).toMatch(/^text\/plain/)
    const empty = await entry('/empty')
    expect(empty?.headers).toEqual({ etag: '"e"', 'x-request-id': expect.any(String) })
    expect(empty?.body).toBeNull()
  })
})

describe('sentPreview', () => {
  it('keeps a short body as it is, and of a long one a copy of its start and its size', () => {
    const short = new Uint8Array([1, 2, 3])
    expect(sentPreview(short).sent).toBe(short)
    expect(sentPreview('short')).toEqual({ sent: 'short' })
    const long = new Uint8Array(10_000).fill(7)
    const kept = sentPreview(long)
    expect(kept.bytes).toBe(10_000)
    expect(kept.sent).toEqual(new Uint8Array(4096).fill(7))
    long[0] = 1
    expect((kept.sent as Uint8Array)[0]).toBe(7)
    const buffer = Buffer.alloc(10_000, 7)
    const fromBuffer = sentPreview(buffer)
    buffer[1] = 1
    expect((fromBuffer.sent as Uint8Array)[1]).toBe(7)
    expect(fromBuffer.sent.length).toBe(4096)
    expect(sentPreview('ü'.repeat(4097))).toEqual({
      sent: new TextEncoder().encode('ü'.repeat(4096)),
      bytes: 8194,
    })
  })
})
