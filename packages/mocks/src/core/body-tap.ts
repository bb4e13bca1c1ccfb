import { concatBytes } from './kit/bytes.js'

/** What the core learns about a request body as the handler reads it. */
export interface BodyTap {
  /** Bytes that went through so far. */
  bytesSeen: number
  /** True once the body passed its limit; the handler's read failed and the answer is a 413. */
  exceeded: boolean
  /** The first bytes of the body, as text; never more than the preview limit. */
  preview(): string
  /** Whether the preview stopped short of the whole body. */
  truncated(): boolean
  /** Reads what the handler left unread, up to the preview limit, then lets go of the rest. */
  settle(): Promise<void>
}

export interface BodyTapOptions {
  /** Largest body allowed, in bytes. */
  maxBytes: number
  /** How many bytes the preview keeps. */
  previewBytes: number
}

/** Thrown into the handler's read of a body that passed its limit. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
}

/**
 * Replaces a request's body stream with one that counts bytes, stops at `maxBytes` and keeps the
 * first `previewBytes` for the journal, so no body is ever held whole, however large: a streamed
 * upload flows through chunk by chunk.
 *
 * @example
 * const { request, tap } = tapBody(c.req.raw, { maxBytes: 1 << 20, previewBytes: 4096 })
 * c.req.raw = request
 */
export function tapBody(request: Request, options: BodyTapOptions): { request: Request; tap: BodyTap } {
  const kept: Uint8Array[] = []
  let keptBytes = 0
  let consumed = false
  const tap: BodyTap = {
    bytesSeen: 0,
    exceeded: false,
    preview: () => decodePreview(kept),
    truncated: () => tap.bytesSeen > keptBytes || !consumed,
    async settle() {
      // A body the handler read, even in part, is the handler's: its reader may still hold the lock.
      if (tapped.bodyUsed) {
        return
      }
      const reader = tapped.body?.getReader()
      try {
        while (reader && keptBytes < options.previewBytes) {
          const { done } = await reader.read()
          if (done) {
            break
          }
        }
      } catch {
        // An over-limit or broken body: the preview keeps what arrived.
      } finally {
        await reader?.cancel().catch(() => {})
      }
    },
  }
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      tap.bytesSeen += chunk.byteLength
      if (tap.bytesSeen > options.maxBytes) {
        tap.exceeded = true
        controller.error(new BodyTooLargeError(`The request body is larger than ${options.maxBytes} bytes.`))
        return
      }
      // Past the preview the part would be empty: the test saves the work.
      if (keptBytes < options.previewBytes) {
        const part = chunk.subarray(0, options.previewBytes - keptBytes)
        kept.push(part.slice())
        keptBytes += part.byteLength
      }
      controller.enqueue(chunk)
    },
    flush() {
      consumed = true
    },
  })
  const body = request.body?.pipeThrough(counter)
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: 'half',
  }
  const tapped = new Request(request.url, init)
  return { request: tapped, tap }
}

function decodePreview(parts: Uint8Array[]): string {
  // `stream: true` drops a multi-byte character cut at the end instead of writing U+FFFD.
  return new TextDecoder().decode(concatBytes(parts), { stream: true })
}
