import type { CsvError } from 'csv-parse/stream'
import { chunkBytes, utf8Chunks } from './decode.js'
import { fileLabel, type UploadedFile } from './file-kind.js'
import { UnreadableFileError } from './unreadable-file-error.js'

/**
 * The most a row's cells may hold (as csv-parse counts them: not the commas, line breaks or quotes
 * around a field): past it, a row is almost surely a quote that never closes. csv-parse counts the
 * cell it is reading in bytes and the row's finished cells in UTF-16 units, so the limit is exact
 * for ASCII text and for a row of one cell, and a little looser for other text; the error names a
 * row by counting bytes, never fewer, so it always names the row that broke the parse.
 */
export const maxRowChars = 1024 * 1024

const fixQuotes =
  'A field that starts with a double quote (") must end with one, and a quote inside it must be doubled (""); ' +
  'fix the quotes on that line and upload the file again.'

/**
 * The sentence for an error csv-parse raised on a file: for a quoted field that never closes (at
 * the end of the file, or after `maxRowChars` of one row) the line where it opens, found by reading
 * the file again, since csv-parse counts lines inside quoted fields its own way. `from` is where
 * the row after the last record csv-parse gave starts, in the text it was fed: rows before it were
 * read whole, so the row to name is not among them. Other errors pass through as they are.
 *
 * @example
 * reader.read().catch((error) => { throw explainCsvError(error, file, rowStart) })
 */
export function explainCsvError(error: unknown, file: UploadedFile, from = 0): unknown {
  // By its code rather than `instanceof`: csv-parse is loaded lazily (see csv-records.ts).
  if (!isCsvError(error)) {
    return error
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
    const found = findRunawayRow(file, from)
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
 * row that long, among the rows that start at byte `from` or later. Quotes are read as csv-parse
 * reads them with `relax_quotes`: a quote opens a field only at its start, and inside one `""` is
 * a quote. Every byte of a row counts here, commas and quotes too, so a row csv-parse failed is
 * found at the latest where it failed it.
 */
function findRunawayRow(file: UploadedFile, from: number): { line: number; unclosedQuote: boolean } | undefined {
  let offset = 0
  let rowStart = 0
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
        offset++
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
            } else if (rowBytes > maxRowChars && rowStart >= from) {
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
          rowStart = offset
        } else if (rowBytes > maxRowChars && rowStart >= from) {
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

function isCsvError(error: unknown): error is CsvError {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('CSV_')
}
