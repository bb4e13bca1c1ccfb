import { explainCsvError, maxRowChars } from './csv-errors.js'
import { chunkBytes, textEncoding, utf8Chunks } from './decode.js'
import type { UploadedFile } from './file-kind.js'

// Tolerant where a person's intent is plain, strict where a mistake would swallow rows:
// - relax_quotes: a quote inside an unquoted field (`Bob "Bobby" Smith`) is kept as written, as Excel does;
// - relax_column_count: rows may have fewer or more cells than the header;
// - skip_empty_lines: empty lines are not rows;
// - max_record_size: an unclosed quote fails at 1 MiB instead of reading the rest of a 100 MB file into one field.
//   csv-parse checks it before adding a byte to a field, so it lets a row's cells reach one more than it says:
//   one less makes `maxRowChars` the limit (exact for ASCII text; see csv-errors.ts).
const parserOptions = {
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  max_record_size: maxRowChars - 1,
} as const

/**
 * A record, and where it ends in the file's bytes (after its line break) when the file is UTF-8:
 * with the previous record's end, the range a row can be read back from.
 */
type ReadResult = { done: true; value?: undefined; end?: undefined } | { done: false; value: string[]; end?: number }

/**
 * Records read one at a time (`{ done, value, end }`). What it throws is an `UnreadableFileError`
 * with the sentence for the user, or an unexpected error as it came. Nothing is decoded or parsed
 * before it is asked for, so a reader let go stops there.
 */
export interface RecordReader {
  read(): ReadResult
}

/**
 * csv-parse's parser core, which both its Node stream and its browser build wrap: fed bytes, it
 * calls `push` with each record at once and counts the bytes read in `info`. Called directly, a
 * million rows cost no stream chunk or promise each. Not in csv-parse's typings (it is the
 * `api` property of its `Parser`); the version is pinned by the lockfile.
 */
interface ParserCore {
  parse(bytes: Uint8Array | undefined, end: boolean, push: (record: string[]) => void, close: () => void): unknown
  readonly info: { readonly bytes: number }
}

type CsvParse = { Parser: new (options: typeof parserOptions) => unknown }

/**
 * csv-parse, loaded on the first CSV read rather than with the simulators, so the CLI starts
 * without it. Node gets its Node build (native UTF-8 decoding, through a specifier bundlers leave
 * alone); a browser gets the browser build, which carries its own `Buffer`.
 */
let csvParse: Promise<CsvParse> | undefined
const nodeBuild = 'csv-parse'
const loadCsvParse = (): Promise<CsvParse> => {
  csvParse ??= runsOnNode(globalThis) ? import(/* @vite-ignore */ nodeBuild) : import('csv-parse/browser/esm')
  return csvParse
}

/**
 * Whether a global scope is Node's (its `process.versions.node` is a version), which decides the
 * csv-parse build: a browser tab has no `process`, and a bundler may give it one without versions.
 *
 * @example
 * runsOnNode(globalThis) // true under Node, false in a browser tab
 */
export function runsOnNode(scope: { process?: { versions?: { node?: unknown } } }): boolean {
  return typeof scope.process?.versions?.node === 'string'
}

const ended: ReadResult = { done: true }
const ignore = () => undefined

/**
 * The records of a CSV file as csv-parse reads them (cells untrimmed, blank rows included), the
 * file decoded and parsed 64 KiB at a time as the records are asked for, so:
 * - a preview that stops after the first rows leaves the rest of the file undecoded and unparsed;
 * - every record before an error is read before the error.
 * Text that is not valid ends the records at the line it is on (that line is not a record), then
 * rejects with the decoder's sentence; broken quoting rejects naming the line.
 *
 * @example
 * const records = await csvRecords(file)
 * for (let next = records.read(); !next.done; next = records.read()) count++
 */
export async function csvRecords(file: UploadedFile): Promise<RecordReader> {
  const { Parser } = await loadCsvParse()
  const parser = (new Parser(parserOptions) as { api: ParserCore }).api
  const chunks = utf8Chunks(file, chunkBytes)
  // The parser counts the bytes it is fed: those of a UTF-8 file after its byte order mark. UTF-16
  // is fed re-encoded, so its counts are not offsets into the file.
  const base = textEncoding(file.bytes) !== 'utf-8' ? undefined : file.bytes[0] === 0xef ? 3 : 0
  let queue: ReadResult[] = []
  let next = 0
  let finished = false
  let failure: unknown
  let lastByte = 0x0a
  // Where the row after the last record read starts, in the bytes fed to the parser: a row that
  // breaks the parse starts there or after (blank lines between are no records).
  let rowStart = 0
  const push = (record: string[]) => {
    rowStart = parser.info.bytes
    queue.push({ done: false, value: record, end: base === undefined ? undefined : base + rowStart })
  }

  // Parses chunks until one gives records or the file ends or fails.
  function fill(): void {
    queue = []
    next = 0
    while (queue.length === 0 && !finished) {
      let chunk: IteratorResult<Uint8Array>
      try {
        chunk = chunks.next()
      } catch (error) {
        endAtBadText(error)
        return
      }
      if (chunk.done) {
        finished = true
        failCsv(parser.parse(undefined, true, push, ignore))
      } else {
        lastByte = chunk.value[chunk.value.length - 1] ?? lastByte
        failCsv(parser.parse(chunk.value, false, push, ignore))
      }
    }
  }

  function failCsv(error: unknown): void {
    if (error !== undefined) {
      finished = true
      failure = explainCsvError(error, file, rowStart)
    }
  }

  // The decoder gave the text up to the bad byte and threw. Ending the parse gives the records it
  // held back (it keeps the last bytes of a chunk in case a line break spans two); the last one is
  // the cut-off line, unless the text stopped right after a line break.
  function endAtBadText(error: unknown): void {
    finished = true
    failure = error
    parser.parse(undefined, true, push, ignore)
    if (lastByte !== 0x0a && lastByte !== 0x0d) {
      queue.pop()
    }
  }

  return {
    read() {
      if (next === queue.length && !finished) {
        fill()
      }
      const record = queue[next]
      if (record !== undefined) {
        next++
        return record
      }
      if (failure !== undefined) {
        throw failure
      }
      return ended
    },
  }
}
