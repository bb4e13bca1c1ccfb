import { describe, expect, it } from 'vitest'
import { BodyTooLargeError, tapBody } from './body-tap.js'

/** A request whose body is `count` chunks of `size` bytes of `fill`, counting pulls and noting a cancel. */
function chunked(count: number, size: number) {
  const source = { pulled: 0, cancelled: false }
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (source.pulled === count) {
          controller.close()
          return
        }
        controller.enqueue(new Uint8Array(size).fill(97 + (source.pulled % 26)))
        source.pulled++
      },
      cancel() {
        source.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  const request = new Request('http://toy.test/upload', { method: 'POST', body, duplex: 'half' } as RequestInit)
  return { request, source }
}

describe('tapBody', () => {
  it('passes a body of exactly the limit through and keeps it whole as the preview', async () => {
    const { request, tap } = tapBody(chunked(2, 4).request, { maxBytes: 8, previewBytes: 100 })
    expect(await request.text()).toBe('aaaabbbb')
    expect(tap.exceeded).toBe(false)
    expect(tap.bytesSeen).toBe(8)
    expect(tap.preview()).toBe('aaaabbbb')
    expect(tap.truncated()).toBe(false)
  })

  it('fails the read of a body one byte over the limit with a BodyTooLargeError naming the limit', async () => {
    const { request, tap } = tapBody(chunked(3, 3).request, { maxBytes: 8, previewBytes: 100 })
    const failure = await request.text().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(BodyTooLargeError)
    expect((failure as Error).name).toBe('BodyTooLargeError')
    expect((failure as Error).message).toBe('The request body is larger than 8 bytes.')
    expect(tap.exceeded).toBe(true)
  })

  it('keeps only the first previewBytes and says the preview stopped short', async () => {
    const { request, tap } = tapBody(chunked(3, 4).request, { maxBytes: 100, previewBytes: 6 })
    expect(await request.text()).toBe('aaaabbbbcccc')
    expect(tap.preview()).toBe('aaaabb')
    expect(tap.truncated()).toBe(true)
  })

  it('calls an unread body truncated until settle reads it', async () => {
    const { tap } = tapBody(chunked(2, 4).request, { maxBytes: 100, previewBytes: 100 })
    expect(tap.truncated()).toBe(true)
    await tap.settle()
    expect(tap.preview()).toBe('aaaabbbb')
    expect(tap.truncated()).toBe(false)
  })

  it('settle reads an unread body only as far as the preview needs, then cancels the rest', async () => {
    const { request: sent, source } = chunked(1000, 4)
    const { tap } = tapBody(sent, { maxBytes: 1_000_000, previewBytes: 8 })
    await tap.settle()
    // Two chunks fill the preview; a third read would be wasted, and the source is let go.
    expect(tap.bytesSeen).toBe(8)
    expect(tap.preview()).toBe('aaaabbbb')
    expect(source.cancelled).toBe(true)
    expect(source.pulled).toBeLessThan(10)
  })

  it('settle does nothing to a body the handler read to the end', async () => {
    const { request: sent, source } = chunked(2, 4)
    const { request, tap } = tapBody(sent, { maxBytes: 100, previewBytes: 2 })
    await request.arrayBuffer()
    await tap.settle()
    expect(tap.bytesSeen).toBe(8)
    expect(tap.preview()).toBe('aa')
    expect(source.cancelled).toBe(false)
  })

  it('settle leaves alone a body the handler is still reading', async () => {
    const { request: sent, source } = chunked(5, 4)
    const { request, tap } = tapBody(sent, { maxBytes: 100, previewBytes: 100 })
    const reader = request.body?.getReader()
    await reader?.read()
    await tap.settle()
    expect(tap.preview()).toBe('aaaa')
    expect(tap.truncated()).toBe(true)
    expect(source.cancelled).toBe(false)
    // The handler's reader still works: settle took nothing from under it.
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('bbbb')
  })

  it('keeps its own copy of the preview, whatever the handler does to the bytes it read', async () => {
    const { request, tap } = tapBody(chunked(1, 4).request, { maxBytes: 100, previewBytes: 2 })
    const reader = request.body?.getReader()
    const chunk = (await reader?.read())?.value
    chunk?.fill(0)
    expect(tap.preview()).toBe('aa')
  })

  it('drops a character the preview limit cuts in two instead of writing a replacement character', async () => {
    const body = new TextEncoder().encode('né') // n, then é as two bytes
    const { request, tap } = tapBody(new Request('http://toy.test/x', { method: 'POST', body }), {
      maxBytes: 100,
      previewBytes: 2,
    })
    await request.arrayBuffer()
    expect(tap.preview()).toBe('n')
    expect(tap.truncated()).toBe(true)
  })

  it('settle keeps what arrived of a body that passes its limit', async () => {
    const { tap } = tapBody(chunked(10, 4).request, { maxBytes: 6, previewBytes: 100 })
    await tap.settle()
    expect(tap.exceeded).toBe(true)
    expect(tap.preview()).toBe('aaaa')
  })

  it('leaves a request without a body alone', async () => {
    const { request, tap } = tapBody(new Request('http://toy.test/x'), { maxBytes: 1, previewBytes: 1 })
    expect(request.body).toBeNull()
    await tap.settle()
    expect(tap.bytesSeen).toBe(0)
    expect(tap.preview()).toBe('')
  })
})
