import { CsvError, parse } from 'csv-parse/stream'
import { chunkBytes, utf8Chunks } from './decode.js'
import { fileLabel, type UploadedFile } from './file-kind.js'
import { UnreadableFileError } from './unreadable-file-error.js'

/** The longest row read, in characters: past it, a row is almost surely a quote that never closes. */
export const maxRowChars = 1024 * 1024

// Tolerant where a person's intent is plain, strict where a mistake would swallow rows:
// - relax_quotes: a quote inside an unquoted field (`Bob "Bobby" Smith`) is kept as written, as Excel does;
// - relax_column_count: rows may have fewer or more cells than the header;
// - skip_empty_lines: empty lines are not rows;
// - max_record_size: an unclosed quote fails at 1 MiB instead of reading the rest of a 100 MB file into one field.
const parserOptions = {
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  max_record_size: maxRowChars,
} as const

const fixQuotes =
  'A field that starts with a double quote (") must end with one, and a quote inside it must be doubled (""); ' +
  'fix the quotes on that line and upload the file again.'

/**
 * Records read one at a time, as a `ReadableStreamDefaultReader` reads them (`{ done, value }`), so
 * a million rows cost no promise more than the stream's own. A rejection is the parser's or the
 * decoder's error: pass it through `explain` for the `UnreadableFileError` to show.
 */
export interface RecordReader {
  read(): Promise<{ done: boolean; value?: string[] | undefined }>
  explain(error: unknown): unknown
  close(): void
}

/**
 * Every record of a CSV file, as csv-parse reads it (cells untrimmed, blank rows included), read
 * through `csv-parse/stream` with the file fed in 64 KiB views. The pipe reads ahead of the
 * consumer, so this is the fast way to read a whole file. Rejects with `UnreadableFileError` for
 * text that is not UTF-8/UTF-16 and for broken quoting, naming the line.
 *
 * A reader rather than an async generator: a million rows through three nested generators spent a
 * fifth of the import resuming them.
 *
 * @example
 * const records = csvRecords(file)
 * while (!(await records.read()).done) count++
 */
export function csvRecords(file: UploadedFile): RecordReader {
  const chunks = utf8Chunks(file, chunkBytes)
  const source = new ReadableStream<Uint8Array>(
    {
      // A throw here (text that is not UTF-8) errors the stream, and the pipe passes it on.
      pull(controller) {
        const next = chunks.next()
        if (next.done) {
          controller.close()
        } else {
          controller.enqueue(next.value)
        }
      },
      cancel() {
        chunks.return()
      },
    },
    { highWaterMark: 0 },
  )
  const reader = source.pipeThrough(parse(parserOptions)).getReader()
  return {
    read: () => reader.read() as Promise<{ done: boolean; value?: string[] }>,
    explain: (error) => explainCsvError(error, file),
    close: () => {
      reader.cancel().catch(() => undefined)
    },
  }
}

/**
 * The records of a CSV file, parsed one 16 KiB chunk at a time and only when the consumer asks for
 * more: stopping after the first rows leaves the rest of the file undecoded and unparsed, even
 * bytes that would fail. Slower per row than `csvRecords` (csv-parse builds an object per record
 * for `on_record`), so it is for previews.
 *
 * @example
 * const records = csvRecordsOnDemand(file)
 * const { value: header } = await records.read()
 * records.close()
 */
export function csvRecordsOnDemand(file: UploadedFile): RecordReader {
  const records = onDemand(file)
  return {
    read: () => records.next().then((result) => (result.done ? { done: true } : { done: false, value: result.value })),
    explain: (error) => error,
    close: () => {
      records.return(undefined).catch(() => undefined)
    },
  }
}

async function* onDemand(file: UploadedFile): AsyncGenerator<string[], void, undefined> {
  let parsed: string[][] = []
  // Records are taken in on_record and kept out of the stream's readable side, so each write
  // returns with exactly the records its chunk completed.
  const parser = parse({
    ...parserOptions,
    on_record: (record: string[]) => {
      parsed.push(record)
      return null
    },
  })
  const writer = parser.writable.getWriter()
  const drain = () => {
    const records = parsed
    parsed = []
    return records
  }
  try {
    for (const chunk of utf8Chunks(file, 16 * 1024)) {
      await writer.write(chunk)
      // A parse error surfaces on `ready`, not on the write.
      await writer.ready
      yield* drain()
    }
    await writer.close()
    yield* drain()
  } catch (error) {
    throw explainCsvError(error, file)
  } finally {
    writer.abort().catch(() => undefined)
  }
}

function explainCsvError(error: unknown, file: UploadedFile): unknown {
  if (!(error instanceof CsvError)) {
    return error
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
    const found = findRunawayRow(file)
    if (found?.unclosedQuote) {
      return new UnreadableFileError(`Line ${found.line}: a quoted field is not closed. ${fixQuotes}`)
    }
    if (found) {
      return new UnreadableFileError(
        `Line ${found.line}: the row is longer than ${maxRowChars / 1024 / 1024} MiB, more than a contact ` +
          'can hold. Check that the file is a list of contacts, one per line, and upload it again.',
      )
    }
  }
  const line = typeof error.lines === 'number' ? `Line ${error.lines}: ` : ''
  return new UnreadableFileError(`${line}${fileLabel(file)} could not be read as CSV (${error.message}).`)
}

/**
 * Where a row goes wrong, found again on the error path only: the line of a quote that is still
 * open at the end of the file or after `maxRowChars` bytes of one row, or else the first line of a
 * row that long. Quotes are read as csv-parse reads them with `relax_quotes`: a quote opens a field
 * only at its start, and inside one `""` is a quote.
 */
function findRunawayRow(file: UploadedFile): { line: number; unclosedQuote: boolean } | undefined {
  let line = 1
  let rowLine = 1
  let rowBytes = 0
  let quoteLine = 0
  let inQuotes = false
  let quoteInQuotes = false
  let fieldStart = true
  let previous = 0
  try {
    for (const chunk of utf8Chunks(file, chunkBytes)) {
      for (const byte of chunk) {
        if (byte === 0x0d || (byte === 0x0a && previous !== 0x0d)) {
          line++
        }
        previous = byte
        rowBytes++
        if (inQuotes) {
          if (quoteInQuotes) {
            quoteInQuotes = false
            if (byte === 0x22) {
              continue
            }
            inQuotes = false
          } else {
            if (byte === 0x22) {
              quoteInQuotes = true
            } else if (rowBytes > maxRowChars) {
              return { line: quoteLine, unclosedQuote: true }
            }
            continue
          }
        }
        if (byte === 0x22 && fieldStart) {
          inQuotes = true
          quoteLine = line
        } else if (byte === 0x0a || byte === 0x0d) {
          rowLine = line
          rowBytes = 0
        } else if (rowBytes > maxRowChars) {
          return { line: rowLine, unclosedQuote: false }
        }
        fieldStart = byte === 0x2c || byte === 0x0a || byte === 0x0d
      }
    }
  } catch {
    // The text fails further on; what was read is all there is to search.
  }
  return inQuotes && !quoteInQuotes ? { line: quoteLine, unclosedQuote: true } : undefined
}
