import { readSheet } from 'read-excel-file/universal'
import { fileLabel, type UploadedFile } from './file-kind.js'
import { UnreadableFileError } from './unreadable-file-error.js'

/**
 * The rows of the first sheet of an XLSX workbook, each cell as the text a person would type back
 * in (see `cellText`). read-excel-file unzips and parses the whole sheet at once; workbooks are a
 * few MB where CSV files reach a hundred. Throws `UnreadableFileError` for a ZIP that is not a
 * workbook or a workbook that cannot be read.
 *
 * @example
 * const [header, ...rows] = await xlsxRecords({ bytes, name: 'contacts.xlsx' })
 */
export async function xlsxRecords(file: UploadedFile): Promise<string[][]> {
  let sheet: unknown[][]
  try {
    // parseNumber hands over a number cell's text as stored, so a phone keeps its digits (no float
    // round trip), wrapped so that it is not taken for a text cell.
    sheet = await readSheet(arrayBufferOf(file.bytes), 1, { parseNumber: (text: string) => new StoredNumber(text) })
  } catch (error) {
    // read-excel-file and its unzipper reject with Errors.
    throw new UnreadableFileError(
      `${fileLabel(file)} is a ZIP archive but not an Excel workbook that can be read (${(error as Error).message}). ` +
        'Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then upload it again.',
    )
  }
  return sheet.map((row) => row.map(cellText))
}

/** A number cell's value as the workbook stores it, in text. */
export class StoredNumber {
  constructor(readonly text: string) {}
}

/**
 * A cell as text: strings as they are, numbers in plain decimal (`14076341732`, never `1.4e10` or
 * `14076341732.0`), dates as ISO 8601 (`2024-03-14`, with ` 09:30:00` when there is a time),
 * booleans as Excel shows them (`TRUE`, `FALSE`), empty cells as `''`.
 *
 * @example
 * cellText(new StoredNumber('1.4076341732E10')) // '14076341732'
 * cellText(new Date(Date.UTC(2024, 2, 14))) // '2024-03-14'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return ''
  }
  if (value instanceof StoredNumber) {
    return numberText(value.text)
  }
  if (typeof value === 'number') {
    return numberText(String(value))
  }
  if (typeof value === 'boolean') {
    return value ? 'TRUE' : 'FALSE'
  }
  if (value instanceof Date) {
    // A date is a fraction of a day in the workbook: 09:30 can come back as 09:29:59.9999.
    const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString()
    const time = iso.slice(11, 19)
    return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`
  }
  // Text as it is, and anything else as it writes itself.
  return String(value)
}

// Number cells hold the shortest decimal that round-trips, sometimes with an exponent
// ("1.4076341732E+10" from some writers); people mean the digits. Written out in plain decimal
// from that shortest form: 1.2345678901234567E+19 is 12345678901234567000, not the double's
// exact 12345678901234567168.
function numberText(text: string): string {
  if (!/[eE]/.test(text) && !/\.0*$/.test(text)) {
    return text
  }
  const number = Number(text)
  if (!Number.isFinite(number)) {
    return text
  }
  return number.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
}

// A copy: the upload's bytes may be a view into a larger buffer, and a workbook's few MB cost
// little to copy next to unzipping its sheet.
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer
}
