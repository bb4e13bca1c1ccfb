import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { mediaTypeOf, readBody } from './request-body.js'
import { createToySimulator } from './testing/toy-vendor.js'

// The body a vendor route receives, read once by the core.

const app = new Hono()
app.all('/read', async (c) => {
  const first = await readBody(c)
  // A second read (a vendor's own middleware after validation) gets the same parse, not a spent stream.
  const second = await readBody(c)
  return c.json({ ...first, same: first === second })
})
const read = async (init: RequestInit) => (await app.request('/read', init)).json()

describe('readBody', () => {
  it('keeps the media type of a request without a body, lower-cased and without parameters', async () => {
    expect(await read({ headers: { 'Content-Type': 'Application/JSON; charset=utf-8' } })).toEqual({
      mediaType: 'application/json',
      same: true,
    })
  })

  it('reads a media type with spaces before its parameters, and none from an empty header', () => {
    expect(mediaTypeOf('Text/CSV ; charset=utf-8')).toBe('text/csv')
    expect(mediaTypeOf('')).toBeUndefined()
    expect(mediaTypeOf(undefined)).toBeUndefined()
  })

  it('reads no body as nothing, even where the Content-Type promises multipart', async () => {
    const headers = { 'Content-Type': 'multipart/form-data; boundary=x' }
    expect(await read({ method: 'POST', headers })).toEqual({ mediaType: 'multipart/form-data', same: true })
  })

  it('gathers repeated form fields into a list, in order', async () => {
    const body = await read({ method: 'POST', body: new URLSearchParams('tag=a&one=1&tag=b&tag=c') })
    expect(body).toEqual({
      mediaType: 'application/x-www-form-urlencoded',
      value: { tag: ['a', 'b', 'c'], one: '1' },
      same: true,
    })
  })

  it('reads +json media types as JSON and names a JSON syntax error', async () => {
    const headers = { 'Content-Type': 'application/vnd.api+json' }
    expect(await read({ method: 'POST', body: '{"a":1}', headers })).toMatchObject({ value: { a: 1 } })
    const bad = await read({ method: 'POST', body: '{"a":', headers })
    expect(bad.problem).toMatch(/^the body is not valid JSON \(.+\)$/)
  })

  it('hands other media types over as text, and an empty body as nothing', async () => {
    expect(await read({ method: 'POST', body: 'a,b\n1,2', headers: { 'Content-Type': 'text/csv' } })).toEqual({
      mediaType: 'text/csv',
      value: 'a,b\n1,2',
      same: true,
    })
    expect(await read({ method: 'POST', body: '', headers: { 'Content-Type': 'application/json' } })).toEqual({
      mediaType: 'application/json',
      same: true,
    })
  })

  it('hands a body without a Content-Type over as text', async () => {
    const init = new Request('http://x/read', { method: 'POST', body: new TextEncoder().encode('raw') })
    expect(init.headers.get('content-type')).toBeNull()
    expect(await (await app.request(init)).json()).toEqual({ value: 'raw', same: true })
  })

  it('names a multipart body whose boundary does not match', async () => {
    const body = await read({
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      headers: { 'Content-Type': 'multipart/form-data; boundary=y' },
    })
    expect(body.problem).toBe('the body is not valid multipart/form-data (check the boundary in the Content-Type)')
  })
})

describe('a multipart body over its limit', () => {
  it('answers 413, not a complaint about the multipart syntax', async () => {
    const toy = createToySimulator({ clock: manualClock(), bodyLimitBytes: 1000 })
    const form = new FormData()
    form.set('name', 'c')
    form.set('file', new File(['x'.repeat(5000)], 'big.csv', { type: 'text/csv' }))
    const encoded = new Response(form)
    const response = await toy.app.request('/items', {
      method: 'POST',
      body: encoded.body,
      duplex: 'half',
      headers: { 'Content-Type': encoded.headers.get('content-type') ?? '' },
    } as RequestInit)
    expect(response.status).toBe(413)
  })
})
