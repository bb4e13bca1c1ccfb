import { BodyCapture, type CapturedBody } from './body-capture.js'
import type { HarFile } from './har-file.js'

/** Options of a recording fetch. */
export interface RecordingFetchOptions {
  /** The fetch that does the work. Default: the global fetch. */
  fetch?: (request: Request) => Promise<Response>
  /** Bytes of each body kept in the recording. Default 1 MiB. */
  maxBodyBytes?: number
}

/** A fetch that records every exchange, and a way to wait until every one is written. */
export interface RecordingFetch {
  (request: Request): Promise<Response>
  /** Resolves once every exchange whose body was still arriving is in the file. */
  flush(): Promise<void>
}

/**
 * Wraps a fetch so that each exchange goes to a HAR file, redacted as the recording proxy's are:
 * what a test suite's client sends and receives becomes a recording without a proxy in between.
 * Bodies are read from clones as they stream, never held beyond the limit; the answer reaches the
 * caller at once. fetch has already decoded a compressed answer, so its body is recorded decoded.
 *
 * @example
 * const har = new HarFile('recordings/aurinko-contract.har')
 * const fetch = recordingFetch(har)
 * const client = createAurinkoClient({ accessToken, fetch })
 * await fetch.flush(); har.close()
 */
export function recordingFetch(har: HarFile, options: RecordingFetchOptions = {}): RecordingFetch {
  const inner = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  const pending = new Set<Promise<void>>()
  const recording = async (request: Request): Promise<Response> => {
    const startedAt = new Date()
    const began = performance.now()
    const requestBody = new StreamCapture(request.body ? request.clone().body : null, maxBodyBytes)
    const response = await inner(request)
    const firstByteAt = performance.now()
    const responseBody = new StreamCapture(response.body ? response.clone().body : null, maxBodyBytes)
    const written = (async () => {
      const received = await responseBody.done
      // An answer that came before the upload ended (a refusal half-way) leaves the rest of the
      // request unsent, and its copy may never end: it is recorded as far as it came.
      const sent = await Promise.race([requestBody.done, settle(uploadGraceMs).then(() => requestBody.stop())])
      const endAt = performance.now()
      har.add({
        startedAt,
        request: { method: request.method, url: request.url, headers: [...request.headers], body: sent },
        response: {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: received,
          decoded: true,
        },
        timings: { send: 0, wait: round(firstByteAt - began), receive: round(endAt - firstByteAt) },
      })
    })().catch(() => {
      // A body the caller cancelled or that broke off: the exchange is not recorded.
    })
    pending.add(written)
    void written.finally(() => pending.delete(written))
    return response
  }
  return Object.assign(recording, {
    async flush() {
      await Promise.all([...pending])
    },
  })
}

const uploadGraceMs = 1000

function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

/** Reads a clone of a body as it streams, keeping the start; let go past the limit or when stopped. */
class StreamCapture {
  readonly #capture: BodyCapture
  readonly #reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  readonly done: Promise<CapturedBody>

  constructor(stream: ReadableStream<Uint8Array> | null, maxBytes: number) {
    this.#capture = new BodyCapture(maxBytes)
    this.#reader = stream?.getReader()
    this.done = this.#read()
  }

  async #read(): Promise<CapturedBody> {
    const reader = this.#reader
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      this.#capture.push(read.value)
      if (this.#capture.truncated) {
        // Past the limit the clone is let go: reading on would pull a body the server may refuse
        // half-way (a streamed upload) through to its end, or hold a large answer twice.
        return this.stop()
      }
    }
    return this.#capture.body()
  }

  /** What came so far, the size a lower bound; the clone is let go. */
  stop(): CapturedBody {
    void this.#reader?.cancel().catch(() => {})
    return { ...this.#capture.body(), sizeUnknown: true }
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}
