import { csvRecords, type RecordReader } from './csv-records.js'
import { fileKind, fileLabel, type UploadedFile } from './file-kind.js'
import { UnreadableFileError } from './unreadable-file-error.js'
import { xlsxRecords } from './xlsx-records.js'

/**
 * An open file: its header, then its data rows one `next()` at a time (`undefined` at the end),
 * read as they are asked for, without a promise each.
 */
export interface RowReader {
  readonly header: string[]
  next(): string[] | undefined
  /**
   * The bytes of the file the row `next()` answered last was read from, from the end of the record
   * before it to the end of its own (line break included), when the file can be read back by
   * offset: UTF-8 CSV. Undefined for XLSX and UTF-16.
   */
  readonly record: { start: number; end: number } | undefined
}

/**
 * Opens an uploaded CSV or XLSX file and reads its header. Every cell is a trimmed string. Rows
 * that are blank (empty lines, only commas, only spaces) are skipped before and after the header
 * and are not data rows. Each data row has the header's length: a short row is padded with `''`,
 * the cells of a long row past the last column are dropped (no column, no field to map them to).
 * Rejects with `UnreadableFileError`, with the sentence for the user, when the file cannot be
 * read or is empty, and `next()` throws one when the file has a header but no data rows, or goes
 * wrong further down.
 *
 * The arrays returned are csv-parse's own, trimmed in place: keep what you need from a row, not
 * the row, and the whole file is never held.
 *
 * @example
 * const rows = await openRows({ bytes, name: 'contacts.csv', contentType: 'text/csv' })
 * for (let cells = rows.next(); cells; cells = rows.next()) console.log(rows.header, cells)
 */
export async function openRows(file: UploadedFile): Promise<RowReader> {
  const kind = fileKind(file)
  const records = kind === 'xlsx' ? arrayReader(await xlsxRecords(file)) : await csvRecords(file)
  // Where the last record read ended, blank ones included, and the range of the last filled one.
  let previousEnd: number | undefined = 0
  let record: { start: number; end: number } | undefined
  // A reader that threw has stopped already: it reads nothing after its error.
  const nextFilled = (): string[] | undefined => {
    for (;;) {
      const { done, value, end } = records.read()
      if (done) {
        return undefined
      }
      const start = previousEnd as number
      previousEnd = end
      if (trimCells(value)) {
        // Ends are all known (UTF-8) or none is: with this one, the one before it is.
        record = end === undefined ? undefined : { start, end }
        return value
      }
    }
  }
  const header = nextFilled()
  if (header === undefined) {
    throw new UnreadableFileError('The file is empty.')
  }
  const width = header.length
  let sawData = false
  return {
    header,
    get record() {
      return record
    },
    next() {
      const record = nextFilled()
      if (record === undefined) {
        if (!sawData) {
          throw new UnreadableFileError(
            `${fileLabel(file)} has a header row but no data rows: add the contacts below the header, one per row, ` +
              'and upload it again.',
          )
        }
        return undefined
      }
      const given = record.length
      // Cut to the header's width, or grown to it with the missing cells empty.
      record.length = width
      record.fill('', given)
      sawData = true
      return record
    },
  }
}

/**
 * The rows of an uploaded file as an async iterable: the header first, then every data row, as
 * `openRows` reads them (trimmed, blank rows skipped, each row the header's length), with the same
 * `UnreadableFileError`s. Breaking out of the loop stops reading.
 *
 * @example
 * for await (const cells of readRows({ bytes, name: 'contacts.csv' })) console.log(cells)
 */
export async function* readRows(file: UploadedFile): AsyncGenerator<string[], void, undefined> {
  // Nothing reads ahead, so a loop that breaks off leaves nothing to stop.
  const rows = await openRows(file)
  yield rows.header
  for (let cells = rows.next(); cells !== undefined; cells = rows.next()) {
    yield cells
  }
}

// Trims every cell in place and answers whether any cell has text left.
function trimCells(record: string[]): boolean {
  let filled = false
  for (let index = 0; index < record.length; index++) {
    const trimmed = (record[index] as string).trim()
    record[index] = trimmed
    if (trimmed !== '') {
      filled = true
    }
  }
  return filled
}

function arrayReader(records: string[][]): RecordReader {
  let index = 0
  return {
    read: () => {
      const value = records[index++]
      return value === undefined ? { done: true } : { done: false, value }
    },
  }
}
