import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TimeoutError } from '../core/errors.js'
import { fakeFetch } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { testUpload } from '../testing/omnigage-upload.js'
import { UnsupportedFileError } from './file-source.js'
import { uploadToS3 } from './s3-upload.js'

// What uploadToS3 does with its options (retries, timeout, signal), with a file exactly as large
// as the upload takes, with a path, and with names that need escaping in the form.

const upload = testUpload({ id: 'up-2' })

const csv = 'a,b\n1,2\n'
const busy = () => new Response('<Error><Code>SlowDown</Code></Error>', { status: 503 })
const stored = () =>
  new Response(null, { status: 201, headers: { Location: 'https://bucket.s3.test/uploads/a.csv', ETag: '"e"' } })

/** A fetch that answers only when its request is aborted, with the abort's reason. */
const neverAnswers = (request: Request) =>
  new Promise<Response>((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason))
  })

afterEach(() => {
  vi.useRealTimers()
})

describe('uploadToS3 options', () => {
  it('takes a file exactly as large as max-length-in-bytes', async () => {
    const fake = fakeFetch(stored)
    const exact = { ...upload, attributes: { ...upload.attributes, 'max-length-in-bytes': csv.length } }
    const result = await uploadToS3(exact, new File([csv], 'a.csv'), { fetch: fake.fetch })
    expect(result).toEqual({
      status: 201,
      location: 'https://bucket.s3.test/uploads/a.csv',
      etag: '"e"',
      requestId: null,
    })
    expect(fake.requests).toHaveLength(1)
  })

  it('retries no more than maxRetries', async () => {
    const fake = fakeFetch(busy, busy, stored)
    const { sleep } = instantSleep()
    const error = await uploadToS3(upload, new File([csv], 'a.csv'), { fetch: fake.fetch, sleep, maxRetries: 1 }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toMatchObject({ status: 503, code: 'SlowDown' })
    expect(fake.requests).toHaveLength(2)
  })

  it('waits initialDelayMs, at most maxDelayMs, and reports each retry', async () => {
    const { sleep, waits } = instantSleep()
    const retries: Array<{ attempt: number; reason: string }> = []
    await uploadToS3(upload, new File([csv], 'a.csv'), {
      fetch: fakeFetch(busy, busy, stored).fetch,
      sleep,
      initialDelayMs: 4000,
      maxDelayMs: 6000,
      onRetry: ({ attempt, reason }) => retries.push({ attempt, reason }),
    })
    // Backoff takes up to a quarter off for jitter: 3000-4000, then 4500-6000 (8000 capped).
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeGreaterThanOrEqual(3000)
    expect(waits[0]).toBeLessThanOrEqual(4000)
    expect(waits[1]).toBeGreaterThanOrEqual(4500)
    expect(waits[1]).toBeLessThanOrEqual(6000)
    expect(retries).toEqual([
      { attempt: 1, reason: 'status 503' },
      { attempt: 2, reason: 'status 503' },
    ])
  })

  it('gives an upload 60 s plus a second for every 256 KiB begun before it times out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const file = new File([new Uint8Array(262_145)], 'big.csv')
    const pending = uploadToS3(upload, file, { fetch: neverAnswers, maxRetries: 0 }).catch((caught: unknown) => caught)
    await vi.advanceTimersByTimeAsync(61_999)
    let settled = false
    void pending.then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const error = await pending
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as Error).message).toMatch(/^No answer from POST https:\/\/bucket\.s3\.test\/ within 62000 ms\.$/)
  })

  it('takes a timeoutMs of its own, capped at the longest timer a runtime keeps', async () => {
    const short = await uploadToS3(upload, new File([csv], 'a.csv'), {
      fetch: neverAnswers,
      maxRetries: 0,
      timeoutMs: 5,
    }).catch((caught: unknown) => caught)
    expect((short as Error).message).toMatch(/ within 5 ms\.$/)

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const pending = uploadToS3(upload, new File([csv], 'a.csv'), {
      fetch: neverAnswers,
      maxRetries: 0,
      timeoutMs: 3_000_000_000,
    }).catch((caught: unknown) => caught)
    await vi.advanceTimersByTimeAsync(2_147_483_647)
    expect(((await pending) as Error).message).toMatch(/ within 2147483647 ms\.$/)
  })

  it('posts nothing once its signal has aborted', async () => {
    const fake = fakeFetch(stored)
    const controller = new AbortController()
    controller.abort(new Error('the user left'))
    await expect(
      uploadToS3(upload, new File([csv], 'a.csv'), { fetch: fake.fetch, signal: controller.signal }),
    ).rejects.toThrow('the user left')
    expect(fake.requests).toHaveLength(0)
  })

  it('stops the upload when its signal aborts while S3 is answering', async () => {
    const controller = new AbortController()
    const pending = uploadToS3(upload, new File([csv], 'a.csv'), {
      fetch: async (request) => {
        queueMicrotask(() => controller.abort(new Error('the user left')))
        return neverAnswers(request)
      },
      signal: controller.signal,
    })
    await expect(pending).rejects.toThrow('the user left')
  })
})

describe('uploadToS3 sources', () => {
  it('posts a file named by its path', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'contactkit-s3-'))
    try {
      await writeFile(join(folder, 'people.csv'), csv)
      const fake = fakeFetch(stored)
      await uploadToS3(upload, join(folder, 'people.csv'), { fetch: fake.fetch })
      expect(fake.requests[0]?.body).toContain('filename="people.csv"\r\nContent-Type: text/csv\r\n\r\na,b\n1,2\n')
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('refuses what is not a source with UnsupportedFileError, posting nothing', async () => {
    const fake = fakeFetch(stored)
    await expect(uploadToS3(upload, null as never, { fetch: fake.fetch })).rejects.toThrow(UnsupportedFileError)
    expect(fake.requests).toHaveLength(0)
  })

  it('escapes quotes and line breaks in a streamed file name as a browser does', async () => {
    const fake = fakeFetch(stored)
    const bytes = new TextEncoder().encode(csv)
    const name = 'our "best"\r\nlist.csv'
    await uploadToS3(
      { ...upload, attributes: { ...upload.attributes, 'request-form-data': [{ 'x-"odd"\r\nname': 'v' }] } },
      { stream: new Blob([bytes]).stream(), name, size: bytes.byteLength },
      { fetch: fake.fetch },
    )
    const body = fake.requests[0]?.body ?? ''
    expect(body).toContain('name="x-%22odd%22%0D%0Aname"\r\n\r\nv\r\n')
    expect(body).toContain('filename="our %22best%22%0D%0Alist.csv"\r\n')
  })

  it('passes a cancel of the post on to the stream it reads', async () => {
    let cancelledWith: unknown
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(csv))
      },
      cancel(reason) {
        cancelledWith = reason
      },
    })
    const gone = new Error('connection closed')
    const error = await uploadToS3(
      upload,
      { stream, name: 'a.csv', size: 1_000 },
      {
        fetch: async (request) => {
          await request.body?.cancel(gone)
          throw new TypeError('fetch failed', { cause: gone })
        },
      },
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect(cancelledWith).toBe(gone)
  })
})
