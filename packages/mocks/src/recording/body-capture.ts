import { concatBytes } from '../core/kit/bytes.js'

/** The start of a body and its whole size: what a recording keeps of a body that may be large. */
export interface CapturedBody {
  /** The first bytes, never more than the capture's limit. */
  bytes: Uint8Array
  /** Every byte that passed, kept or not. */
  size: number
  /** Reading stopped past the kept bytes, so `size` is only a lower bound of the whole body. */
  sizeUnknown?: boolean
}

/**
 * Keeps the first `maxBytes` of a body that streams past and counts the rest, so the proxy can
 * record and check a body without ever holding more than the limit.
 *
 * @example
 * const capture = new BodyCapture(1024)
 * request.on('data', (chunk) => capture.push(chunk))
 * request.on('end', () => har.add({ …, request: { …, body: capture.body() } }))
 */
export class BodyCapture {
  readonly #chunks: Uint8Array[] = []
  #kept = 0
  #size = 0

  constructor(readonly maxBytes: number) {}

  push(chunk: Uint8Array): void {
    this.#size += chunk.byteLength
    const room = this.maxBytes - this.#kept
    if (room > 0) {
      const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk
      this.#chunks.push(part)
      this.#kept += part.byteLength
    }
  }

  /** Whether bytes passed that were not kept. */
  get truncated(): boolean {
    return this.#size > this.#kept
  }

  body(): CapturedBody {
    // One chunk is kept as it came; more are joined.
    const [only] = this.#chunks
    return { bytes: this.#chunks.length === 1 && only ? only : concatBytes(this.#chunks), size: this.#size }
  }
}

/**
 * A captured body of bytes already in hand, for a caller that read the whole body (a fetch wrapper).
 *
 * @example
 * capturedBody(new Uint8Array(await response.clone().arrayBuffer()), 1024 * 1024)
 */
export function capturedBody(bytes: Uint8Array, maxBytes: number): CapturedBody {
  return { bytes: bytes.byteLength > maxBytes ? bytes.subarray(0, maxBytes) : bytes, size: bytes.byteLength }
}
