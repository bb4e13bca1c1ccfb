import { ContactKitError } from '../core/errors.js'

/** A `File`, or any Blob with a `name`: what a file input or drag-and-drop gives. */
export interface NamedBlob extends Blob {
  readonly name: string
}

/** Bytes that arrive as a stream (an HTTP download, a generated CSV), with the file's name. */
export interface StreamSource {
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>
  /** The file's name; its extension gives the media type, and S3 stores the file under it. */
  name: string
  /** The byte length, when known: the stream is then posted as it is read. Without it, it is read into memory first. */
  size?: number
  /** A media type that wins over the extension's; it must still be CSV or XLSX. */
  type?: string
}

/**
 * What to import: a `File` (or named Blob), a path (Node only), or a stream with its name.
 * Omnigage imports CSV and XLSX files only.
 */
export type ImportSource = NamedBlob | string | StreamSource

/** A file ready to post: its name, media type, size and bytes. */
export interface ResolvedFile {
  name: string
  type: string
  size: number
  /** A Blob can be read again (so a failed post can be retried); a stream is read once. */
  body: Blob | ReadableStream<Uint8Array>
}

export const csvMediaType = 'text/csv'
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const mediaTypes: Record<string, string> = { csv: csvMediaType, xlsx: xlsxMediaType }
// Typed to be asked about a type that is missing (it has none).
const supported: ReadonlySet<string | undefined> = new Set(Object.values(mediaTypes))

/** The file is not something Omnigage imports (not CSV or XLSX), or cannot be read. Thrown before any request. */
export class UnsupportedFileError extends ContactKitError {
  override name = 'UnsupportedFileError'
}

/**
 * The media type Omnigage expects for a file name: `.csv` is `text/csv`, `.xlsx` the OOXML
 * spreadsheet type; any other name throws UnsupportedFileError.
 *
 * @example
 * mediaTypeOf('Contacts.CSV') // 'text/csv'
 */
export function mediaTypeOf(name: string): string {
  const lowerName = name.toLowerCase()
  const known = Object.entries(mediaTypes).find(([extension]) => lowerName.endsWith(`.${extension}`))
  if (known === undefined) {
    throw new UnsupportedFileError(
      `Cannot import "${name}": Omnigage imports .csv and .xlsx files only; save the sheet as CSV or XLSX (and name it so), then import it again.`,
    )
  }
  return known[1]
}

/**
 * Reads what a source is: name, media type, size and bytes, without reading a File or a path
 * into memory (a path becomes a Blob backed by the file). A stream without `size` is read into
 * a Blob to learn its size, so it is held in memory whole.
 *
 * @example
 * const file = await resolveFileSource('./contacts.csv') // { name: 'contacts.csv', type: 'text/csv', size, body }
 */
export async function resolveFileSource(source: ImportSource): Promise<ResolvedFile> {
  if (typeof source === 'string') {
    return readPath(source)
  }
  if (source instanceof Blob) {
    const name = (source as Partial<NamedBlob>).name
    if (typeof name !== 'string' || name === '') {
      throw new UnsupportedFileError(
        'Cannot import a Blob without a name: pass a File, or { stream: blob.stream(), name: "contacts.csv", size: blob.size }.',
      )
    }
    return { name, type: mediaTypeOf(name), size: source.size, body: source }
  }
  if (typeof source === 'object' && source !== null && 'stream' in source) {
    const type = typeOfStream(source)
    const stream = toReadableStream(source.stream)
    if (source.size === undefined) {
      // The upload must be created with the size before the bytes are posted: read them all first.
      const body = await new Response(stream).blob()
      return { name: source.name, type, size: body.size, body }
    }
    if (!Number.isSafeInteger(source.size) || source.size < 0) {
      throw new UnsupportedFileError(
        `Cannot import "${source.name}": size must be the stream's length in bytes, not ${source.size}.`,
      )
    }
    return { name: source.name, type, size: source.size, body: stream }
  }
  throw new UnsupportedFileError(
    'Cannot import this source: pass a File, a path (in Node), or { stream, name, size? }.',
  )
}

function typeOfStream(source: StreamSource): string {
  if (supported.has(source.type)) {
    // One of the two types (has() is true for nothing else), so a string.
    return source.type as string
  }
  return mediaTypeOf(source.name)
}

/** A path as a Blob backed by the file (Node's `openAsBlob`), or its bytes where that is missing. */
async function readPath(path: string): Promise<ResolvedFile> {
  const name = path.split(/[\\/]/).pop() ?? path
  const type = mediaTypeOf(name)
  let fs: typeof import('node:fs')
  let fsPromises: typeof import('node:fs/promises')
  try {
    fs = await import('node:fs')
    fsPromises = await import('node:fs/promises')
  } catch (error) {
    throw new UnsupportedFileError(
      `Cannot read "${path}": paths can only be read in Node; in a browser pass the File from a file input.`,
      { cause: error },
    )
  }
  try {
    // stat first: it names the failure (ENOENT, EACCES), where openAsBlob only calls the path invalid.
    if (!(await fsPromises.stat(path)).isFile()) {
      throw new Error('not a file')
    }
    // A Blob backed by the file: read as it is posted (and again for a retry), never held in memory.
    const body =
      typeof fs.openAsBlob === 'function'
        ? await fs.openAsBlob(path, { type })
        : new Blob([await fsPromises.readFile(path)], { type })
    return { name, type, size: body.size, body }
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new UnsupportedFileError(
      `Cannot read "${path}" (${code ?? (error as Error).message}): check the path and that the file is readable.`,
      { cause: error },
    )
  }
}

/** A web stream from a web stream or any async iterable of bytes, pulled only as it is read. */
function toReadableStream(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  if (source instanceof ReadableStream) {
    return source
  }
  const iterator = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next()
      if (done) {
        controller.close()
      } else {
        controller.enqueue(value)
      }
    },
    async cancel(reason) {
      await iterator.return?.(reason)
    },
  })
}
