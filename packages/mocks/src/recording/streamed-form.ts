import * as Multipasta from 'multipasta'
import { mediaTypeOf } from '../core/request-body.js'
import { multipartProblem as describe } from '../s3/multipart-problem.js'

/** A multipart body read as it streamed past: its fields, or why it could not be read. */
export interface StreamedFormReading {
  /** The fields as `parseRequestBody` gives them: a repeated name an array, a file part a `File` (named, without its bytes). */
  value?: Record<string, unknown>
  /** Why the body is not valid multipart/form-data. */
  problem?: string
}

/**
 * Reads the fields of a `multipart/form-data` request as its chunks stream past, holding the text
 * fields (up to `maxFieldBytes` in all) and only the name and type of each file part, so that a
 * form far larger than what a recording keeps (an S3 post of a large file) is still checked
 * against the spec. The file's bytes are never held.
 *
 * @example
 * const form = new StreamedForm(request.headers['content-type'], 1024 * 1024)
 * request.on('data', (chunk) => form.push(chunk))
 * request.on('end', () => check(form.end()))
 */
export class StreamedForm {
  readonly #parser: Multipasta.Parser
  readonly #fields: [string, unknown][] = []
  #fieldBytes = 0
  #tooLarge = false
  #problem: string | undefined
  #heldDashes = new Uint8Array(0)
  #reading: StreamedFormReading | undefined

  constructor(
    contentType: string,
    readonly maxFieldBytes: number,
  ) {
    this.#parser = Multipasta.make({
      headers: { 'content-type': contentType },
      maxFieldSize: maxFieldBytes,
      onField: (info, value) => {
        this.#fieldBytes += info.name.length + value.byteLength
        this.#tooLarge ||= this.#fieldBytes > maxFieldBytes
        if (!this.#tooLarge) {
          this.#fields.push([info.name, Multipasta.decodeField(info, value)])
        }
      },
      onFile: (info) => {
        this.#fields.push([info.name, new File([], info.filename ?? '', { type: info.contentType })])
        return () => {}
      },
      onError: (error) => {
        if (error._tag === 'ReachedLimit') {
          this.#tooLarge = true
        } else {
          this.#problem ??= describe(error)
        }
      },
      onDone: () => {},
    })
  }

  push(chunk: Uint8Array): void {
    if (this.#reading !== undefined || this.#tooLarge || this.#problem !== undefined) {
      return
    }
    // multipasta takes a body whose chunk ends between the two dashes of the closing delimiter
    // (`--boundary-` then `-\r\n`) for a part with broken headers. Dashes at the end of a chunk
    // are held back and fed with the next one (a few at most: a run of them is fed past 64).
    const bytes = this.#heldDashes.byteLength > 0 ? joined(this.#heldDashes, chunk) : chunk
    let end = bytes.byteLength
    while (end > 0 && bytes[end - 1] === dash && bytes.byteLength - end < 64) {
      end--
    }
    this.#heldDashes = bytes.slice(end)
    if (end > 0) {
      this.#parser.write(bytes.subarray(0, end))
    }
  }

  /**
   * What the whole body held, once it has passed; undefined when its fields were more than
   * `maxFieldBytes` (then it is not checked, as a body too large to keep).
   */
  end(): StreamedFormReading | undefined {
    if (this.#reading === undefined && !this.#tooLarge && this.#problem === undefined) {
      if (this.#heldDashes.byteLength > 0) {
        this.#parser.write(this.#heldDashes)
      }
      this.#parser.end()
    }
    if (this.#tooLarge) {
      return undefined
    }
    this.#reading ??= this.#problem
      ? { problem: `the body is not valid multipart/form-data (${this.#problem})` }
      : { value: fieldsOf(this.#fields) }
    return this.#reading
  }
}

/**
 * A reader of the request's form when its Content-Type is `multipart/form-data`; undefined for any other body.
 *
 * @example
 * const form = streamedFormOf(headers['content-type'], maxBodyBytes)
 */
export function streamedFormOf(contentType: string | undefined, maxFieldBytes: number): StreamedForm | undefined {
  return mediaTypeOf(contentType) === 'multipart/form-data' && contentType !== undefined
    ? new StreamedForm(contentType, maxFieldBytes)
    : undefined
}

const dash = 0x2d

function joined(first: Uint8Array, second: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(first.byteLength + second.byteLength)
  bytes.set(first)
  bytes.set(second, first.byteLength)
  return bytes
}

function fieldsOf(entries: [string, unknown][]): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, value] of entries) {
    const previous = result[name]
    result[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value]
  }
  return result
}
