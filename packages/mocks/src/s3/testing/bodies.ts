/**
 * Multipart bodies written by hand, byte for byte, as particular clients send them, and streams
 * that deliver them in chunks of any size: for tests of the S3 simulator's form reading.
 */

/** One part: a text field, or a file with a name and bytes. */
export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; content: string | Uint8Array; contentType?: string }

export interface BodyStyle {
  /** The boundary; quoted in the Content-Type when it needs quotes. */
  boundary: string
  /**
   * `browser`: `Content-Disposition` with quoted names, a `Content-Type` on file parts only.
   * `dotnet`: as .NET's `MultipartFormDataContent` writes it: `Content-Type: text/plain;
   * charset=utf-8` first on every text part, unquoted names, `filename` and `filename*` on the file,
   * whose part Content-Type is `multipart/form-data`.
   */
  style: 'browser' | 'dotnet'
  /** Text before the first boundary, which a reader must skip. */
  preamble?: string
}

const encoder = new TextEncoder()

/**
 * A multipart body and its Content-Type.
 *
 * @example
 * const { body, contentType } = multipartBody([{ name: 'key', value: 'a.csv' }], { boundary: 'b', style: 'browser' })
 */
export function multipartBody(parts: Part[], options: BodyStyle): { body: Uint8Array; contentType: string } {
  const pieces: Uint8Array[] = []
  const text = (value: string) => pieces.push(encoder.encode(value))
  if (options.preamble) {
    text(`${options.preamble}\r\n`)
  }
  for (const part of parts) {
    text(`--${options.boundary}\r\n`)
    if ('value' in part) {
      text(
        options.style === 'dotnet'
          ? `Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=${part.name}\r\n\r\n`
          : `Content-Disposition: form-data; name="${part.name}"\r\n\r\n`,
      )
      text(part.value)
    } else {
      text(
        options.style === 'dotnet'
          ? `Content-Type: multipart/form-data\r\nContent-Disposition: form-data; name=${part.name}; filename=${dotnetQuoted(part.filename)}; filename*=utf-8''${encodeURIComponent(part.filename)}\r\n\r\n`
          : `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      )
      pieces.push(typeof part.content === 'string' ? encoder.encode(part.content) : part.content)
    }
    text('\r\n')
  }
  text(`--${options.boundary}--\r\n`)
  const body = new Uint8Array(pieces.reduce((total, piece) => total + piece.byteLength, 0))
  let offset = 0
  for (const piece of pieces) {
    body.set(piece, offset)
    offset += piece.byteLength
  }
  const quoted = /[\s/:"?=]/.test(options.boundary) ? `"${options.boundary}"` : options.boundary
  return { body, contentType: `multipart/form-data; boundary=${quoted}` }
}

/**
 * A parameter value as .NET's `ContentDispositionHeaderValue` writes it: a token as it is, other
 * ASCII quoted, anything else as a quoted MIME encoded-word.
 *
 * @example
 * dotnetQuoted('a b.csv') // '"a b.csv"'
 */
export function dotnetQuoted(value: string): string {
  if (/[^\x20-\x7e]/.test(value)) {
    return `"=?utf-8?B?${btoa(String.fromCharCode(...encoder.encode(value)))}?="`
  }
  return /^[!#$%&'*+.^\w`|~-]+$/.test(value) ? value : `"${value}"`
}

/**
 * A stream of the bytes in chunks of the given sizes (the last size repeats), counting the chunks
 * pulled from it.
 *
 * @example
 * const source = chunked(body, [7])
 * await new Response(source.stream).arrayBuffer()
 * source.pulled() // Math.ceil(body.length / 7)
 */
export function chunked(bytes: Uint8Array, sizes: number[]): { stream: ReadableStream<Uint8Array>; pulled(): number } {
  let offset = 0
  let pulls = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close()
        return
      }
      const size = sizes[Math.min(pulls, sizes.length - 1)] ?? bytes.byteLength
      pulls++
      controller.enqueue(bytes.slice(offset, offset + size))
      offset += size
    },
  })
  return { stream, pulled: () => pulls }
}

/**
 * A form's fields, then a file of `fileBytes` bytes that is generated as it is pulled, never held:
 * for tests that a large upload is refused without being read.
 *
 * @example
 * const upload = generatedUpload([{ name: 'key', value: 'big.bin' }], { boundary: 'b', fileBytes: 1 << 30 })
 */
export function generatedUpload(
  fields: { name: string; value: string }[],
  options: { boundary: string; fileBytes: number; chunkBytes?: number },
): { stream: ReadableStream<Uint8Array>; contentType: string; contentLength: number; pulled(): number } {
  const head = multipartBody(fields, { boundary: options.boundary, style: 'browser' })
  // The fields without their closing boundary, then the file part's headers.
  const opening = head.body.subarray(0, head.body.byteLength - `--${options.boundary}--\r\n`.length)
  const fileHeader = encoder.encode(
    `--${options.boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  )
  const closing = encoder.encode(`\r\n--${options.boundary}--\r\n`)
  const chunkBytes = options.chunkBytes ?? 64 * 1024
  const filler = new Uint8Array(chunkBytes).fill(120)
  let pulls = 0
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++
      if (pulls === 1) {
        controller.enqueue(opening.slice())
        controller.enqueue(fileHeader)
        return
      }
      if (sent < options.fileBytes) {
        const size = Math.min(chunkBytes, options.fileBytes - sent)
        sent += size
        controller.enqueue(size === chunkBytes ? filler : filler.subarray(0, size))
        return
      }
      controller.enqueue(closing)
      controller.close()
    },
  })
  return {
    stream,
    contentType: head.contentType,
    contentLength: opening.byteLength + fileHeader.byteLength + options.fileBytes + closing.byteLength,
    pulled: () => pulls,
  }
}
