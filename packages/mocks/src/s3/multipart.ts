import * as Multipasta from 'multipasta'
import type { FormField } from './form.js'
import { multipartProblem as describe, type MalformedPart } from './multipart-problem.js'

/** The file part as its headers describe it, known as soon as the part begins. */
export interface FileHead {
  /** The field name as sent (`file`, in any case). */
  name: string
  /** The client's file name (`filename*` preferred), if it gave one. */
  filename?: string
}

/** A file read whole. */
export interface FilePart extends FileHead {
  bytes: Uint8Array
  size: number
}

export interface ReadFormOptions {
  /** The request's Content-Type, with its boundary. */
  contentType: string
  /** The request's Content-Length, when it sent one: gives the size of a file stopped early. */
  contentLength?: number
  /** Largest total of field names and values before the file (S3: 20 KB). */
  maxFieldBytes: number
  /**
   * Asked once, as the file part begins, with every field before it: how many bytes the file may
   * have before reading stops. Answer 0 when the form is refused whatever the file holds.
   */
  fileLimit(fields: readonly FormField[], file: FileHead): Promise<number>
}

/** What reading the form found. Everything after the file was left unread. */
export type FormReading =
  | { kind: 'complete'; fields: FormField[]; file: FilePart }
  | { kind: 'no-file'; fields: FormField[] }
  /** The file passed its limit and the rest of the body was not read; `proposedSize` per `sizeOfStopped`. */
  | { kind: 'file-too-large'; fields: FormField[]; file: FileHead; proposedSize: number }
  | { kind: 'fields-too-large'; fields: FormField[] }
  | { kind: 'malformed'; fields: FormField[]; reason: string }

/**
 * Reads a `multipart/form-data` body as a stream (or its bytes, when it was read whole already),
 * the way S3 reads a POST form: the text fields until the part named `file`, then the file, then
 * nothing more: the rest of the body is never read. The file's bytes are held only up to the limit
 * `fileLimit` gives; past it, reading stops at once and the request's stream is cancelled, so a
 * body larger than the policy allows is never held. Parts are split by multipasta, which accepts what browsers, `undici` and .NET's
 * `MultipartFormDataContent` send: quoted boundaries with spaces, `/` and `:`, unquoted parameter
 * values, `filename*`, a part `Content-Type` on text fields, a preamble.
 *
 * @example
 * const reading = await readPostForm(request.body, { contentType, maxFieldBytes: 20 * 1024, fileLimit })
 * if (reading.kind === 'complete') store(reading.file.bytes)
 */
export async function readPostForm(
  body: ReadableStream<Uint8Array> | Uint8Array,
  options: ReadFormOptions,
): Promise<FormReading> {
  const fields: FormField[] = []
  let fieldBytes = 0
  let fieldsTooLarge = false
  let head: FileHead | undefined
  // The file once its last byte is read: set with head, and nothing counts after it.
  let ended: FileHead | undefined
  let limitAsked = false
  // Empty until the file's first chunk: a form without a file costs one small object.
  const collected = new ByteCollector()
  let fileBytes = 0
  let error: MalformedPart | undefined
  const parser = Multipasta.make({
    headers: { 'content-type': options.contentType },
    isFile: (info) => head === undefined && partName(info).toLowerCase() === 'file',
    maxFieldSize: options.maxFieldBytes,
    onField(info, value) {
      if (head !== undefined) {
        return // after the file: ignored, as S3 ignores it
      }
      const name = partName(info)
      fields.push({ name, value: Multipasta.decodeField(info, value) })
      fieldBytes += name.length + value.byteLength
      fieldsTooLarge ||= fieldBytes > options.maxFieldBytes
    },
    onFile(info) {
      const file: FileHead = {
        name: partName(info),
        filename: info.filename ?? dispositionParameter(info.headers['content-disposition'], 'filename'),
      }
      head = file
      // Called with null once, at the end of the file; never again after it.
      return (chunk) => {
        if (chunk === null) {
          ended = file
        } else {
          collected.append(chunk)
          fileBytes += chunk.byteLength
        }
      }
    },
    onError(problem) {
      if (ended) {
        return // after the file, nothing counts
      }
      if (problem._tag === 'ReachedLimit') {
        fieldsTooLarge = true // the only limit the parser is given: a field's size
      } else {
        error ??= problem
      }
    },
    onDone() {},
  })

  const source = body instanceof Uint8Array ? bytesSource(body) : streamSource(body)
  let fed = 0
  let limit = Number.POSITIVE_INFINITY
  const stop = async (reading: FormReading) => {
    await source.cancel()
    return reading
  }
  for (;;) {
    const { done, value } = await source.next()
    if (done) {
      break
    }
    fed += value.byteLength
    parser.write(value)
    if (fieldsTooLarge) {
      return stop({ kind: 'fields-too-large', fields })
    }
    if (error) {
      return stop({ kind: 'malformed', fields, reason: describe(error) })
    }
    if (ended) {
      return stop({ kind: 'complete', fields, file: { ...ended, bytes: collected.bytes(), size: fileBytes } })
    }
    if (head) {
      if (!limitAsked) {
        limitAsked = true
        limit = await options.fileLimit(fields, head)
        // Room for the whole file at once, but never more than the form lets it have, nor more than a
        // client's claimed length can make the simulator set aside before the bytes arrive.
        collected.reserve(Math.min(options.contentLength ?? 0, limit, maxReserved))
      }
      if (fileBytes > limit) {
        const proposedSize = sizeOfStopped({ ...options, fed, fileBytes, limit })
        return stop({ kind: 'file-too-large', fields, file: head, proposedSize })
      }
    }
  }
  parser.end()
  if (fieldsTooLarge) {
    return { kind: 'fields-too-large', fields }
  }
  if (error) {
    return { kind: 'malformed', fields, reason: describe(error) }
  }
  // A file whose closing boundary came in a last chunk shorter than the boundary ends here; one
  // the body ends inside of is the error end() reported.
  if (ended) {
    return { kind: 'complete', fields, file: { ...ended, bytes: collected.bytes(), size: fileBytes } }
  }
  return { kind: 'no-file', fields }
}

/**
 * The size of a file whose reading stopped early: with a Content-Length, what the body still held
 * after the file's first byte, less the closing boundary (`\r\n--<boundary>--\r\n`), which is
 * exact for a form whose file is its last part but for the few bytes of a boundary the parser held
 * back; without one, the bytes read. Never less than the limit plus one.
 *
 * @example
 * sizeOfStopped({ contentType, contentLength: 1_000_300, fed: 65_536, fileBytes: 65_236, limit: 10 })
 */
export function sizeOfStopped(input: {
  contentType: string
  contentLength?: number
  fed: number
  fileBytes: number
  limit: number
}): number {
  const boundary = /boundary=(?:"([^"]*)"|([^;\s]+))/i.exec(input.contentType)
  const closing = (boundary?.[1] ?? boundary?.[2] ?? '').length + 8
  const fromLength =
    input.contentLength === undefined ? 0 : input.contentLength - (input.fed - input.fileBytes) - closing
  return Math.max(fromLength, input.fileBytes, input.limit + 1)
}

/**
 * A part's name. multipasta reads the quoted values of `Content-Disposition` as RFC 7230 text,
 * which allows only Latin-1 beyond ASCII; browsers send a file name as raw UTF-8 in the quotes
 * (`filename="Контакты.csv"`), and multipasta then gives up on the whole header, name included.
 * Such a header is read again here, leniently, as browsers write it.
 */
function partName(info: Multipasta.PartInfo): string {
  return info.name || (dispositionParameter(info.headers['content-disposition'], 'name') ?? '')
}

function dispositionParameter(
  header: string | string[] | undefined,
  parameter: 'name' | 'filename',
): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  const match = value && new RegExp(`;\\s*${parameter}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(value)
  if (!match) {
    return undefined
  }
  return match[1] === undefined ? match[2] : match[1].replace(/\\(.)/g, '$1')
}

const maxReserved = 1024 * 1024 * 1024

/** The chunks of a body, one at a time, as a stream's reader gives them. */
interface ChunkSource {
  next(): Promise<ReadableStreamReadResult<Uint8Array>> | ReadableStreamReadResult<Uint8Array>
  /** Reads no more, and lets the body go. */
  cancel(): Promise<void>
}

function streamSource(body: ReadableStream<Uint8Array>): ChunkSource {
  const reader = body.getReader()
  return {
    next: () => reader.read(),
    cancel: () => reader.cancel().catch(() => {}),
  }
}

// A body read whole before the handler ran (the core does so for small ones) is one chunk: no
// stream, reader or promise per read.
function bytesSource(body: Uint8Array): ChunkSource {
  let given = body.byteLength === 0
  return {
    next() {
      if (given) {
        return { done: true, value: undefined }
      }
      given = true
      return { done: false, value: body }
    },
    cancel: async () => {},
  }
}

/**
 * The file's bytes, copied as they arrive into one buffer, sized (`reserve`) once the form's limit
 * is known from the request's Content-Length (the body's size, so the file's and a little more):
 * the request's own chunks are let go at once, and an upload holds about its size, not its chunks
 * and then a copy of them.
 */
class ByteCollector {
  // Empty until the first chunk: a file that comes in one chunk gets a buffer of its own size.
  #buffer = new Uint8Array(0)
  #length = 0

  append(chunk: Uint8Array): void {
    const needed = this.#length + chunk.byteLength
    if (needed > this.#buffer.byteLength) {
      this.reserve(Math.max(needed, this.#buffer.byteLength * 2))
    }
    this.#buffer.set(chunk, this.#length)
    this.#length = needed
  }

  /** Makes room for `size` bytes in all. */
  reserve(size: number): void {
    if (size > this.#buffer.byteLength) {
      const grown = new Uint8Array(size)
      grown.set(this.#buffer.subarray(0, this.#length))
      this.#buffer = grown
    }
  }

  /** The bytes, in a buffer of their own size when the one they are in is mostly empty. */
  bytes(): Uint8Array {
    const view = this.#buffer.subarray(0, this.#length)
    return this.#length * 2 < this.#buffer.byteLength ? view.slice() : view
  }
}
