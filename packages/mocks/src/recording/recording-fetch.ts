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
    const requestBody = captured(request.body ? request.clone().body : null, maxBodyBytes)
    const response = await inner(request)
    const firstByteAt = performance.now()
    const responseBody = captured(response.body ? response.clone().body : null, maxBodyBytes)
    const written = (async () => {
      const [sent, received] = await Promise.all([requestBody, responseBody])
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

async function captured(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<CapturedBody> {
  const capture = new BodyCapture(maxBytes)
  const reader = stream?.getReader()
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    capture.push(read.value)
  }
  return capture.body()
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}
