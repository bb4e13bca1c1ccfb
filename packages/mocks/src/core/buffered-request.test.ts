import { describe, expect, it } from 'vitest'
import { bufferedBytes, bufferedRequest } from './buffered-request.js'

const encoder = new TextEncoder()

function buffered(body: string, headers: Record<string, string> = {}): Request {
  const original = new Request('http://simulator.test/items?x=1', { method: 'POST', headers })
  return bufferedRequest(original, encoder.encode(body))
}

describe('a request whose body was read beforehand', () => {
  it('is a Request with the original method, URL and headers', () => {
    const request = buffered('{}', { 'Content-Type': 'application/json', 'X-Account-Key': 'k1' })
    expect(request).toBeInstanceOf(Request)
    expect(request.method).toBe('POST')
    expect(request.url).toBe('http://simulator.test/items?x=1')
    expect(request.headers.get('x-account-key')).toBe('k1')
    expect(request.signal.aborted).toBe(false)
    expect(request.redirect).toBe('follow')
  })

  it('reads its body as text (UTF-8, a byte-order mark dropped), JSON, bytes or a blob', async () => {
    expect(await buffered('\uFEFFnaïve').text()).toBe('naïve')
    expect(await buffered('{"name":"Ann"}').json()).toEqual({ name: 'Ann' })
    expect(new Uint8Array(await buffered('abc').arrayBuffer())).toEqual(encoder.encode('abc'))
    const blob = await buffered('abc', { 'Content-Type': 'text/csv' }).blob()
    expect([blob.type, await blob.text()]).toEqual(['text/csv', 'abc'])
  })

  it('reads a form and a multipart body as Request.formData does', async () => {
    const form = await buffered('service=icloud&name=a+b', {
      'Content-Type': 'application/x-www-form-urlencoded',
    }).formData()
    expect([form.get('service'), form.get('name')]).toEqual(['icloud', 'a b'])
    const multipart = new Request('http://simulator.test/', {
      method: 'POST',
      body: (() => {
        const data = new FormData()
        data.append('key', 'uploads/a.csv')
        data.append('file', new Blob(['x,y\n'], { type: 'text/csv' }), 'a.csv')
        return data
      })(),
    })
    const contentType = multipart.headers.get('content-type') as string
    const bytes = new Uint8Array(await multipart.arrayBuffer())
    const parsed = await bufferedRequest(
      new Request('http://simulator.test/', { method: 'POST', headers: { 'Content-Type': contentType } }),
      bytes,
    ).formData()
    expect(parsed.get('key')).toBe('uploads/a.csv')
    expect(await (parsed.get('file') as File).text()).toBe('x,y\n')
  })

  it('gives its body as a stream that a reader drains', async () => {
    const request = buffered('streamed')
    expect(request.bodyUsed).toBe(false)
    expect(await new Response(request.body).text()).toBe('streamed')
    expect(request.bodyUsed).toBe(true)
  })

  it('is read once, as a Request is, unless cloned first', async () => {
    const request = buffered('once')
    const copy = request.clone()
    expect(await request.text()).toBe('once')
    expect(request.bodyUsed).toBe(true)
    await expect(request.text()).rejects.toThrow(TypeError)
    expect(() => request.clone()).toThrow(TypeError)
    expect(await copy.text()).toBe('once')
  })

  it('hands the core its bytes without a copy; other requests have none', () => {
    const bytes = encoder.encode('abc')
    expect(bufferedBytes(bufferedRequest(new Request('http://simulator.test/', { method: 'POST' }), bytes))).toBe(bytes)
    expect(bufferedBytes(new Request('http://simulator.test/', { method: 'POST', body: 'abc' }))).toBeUndefined()
  })
})
