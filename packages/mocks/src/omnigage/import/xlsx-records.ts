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
// ("1.4076341732E+10" from some writers); people mean those digits. They are written out in plain
// decimal by moving the point in the text, never through a double, which would print its own
// shortest form (9.999999999999999E+22 as 100000000000000000000000) or its exact value
// (1.2345678901234567E+19 as 12345678901234567168). A whole number loses its ".0".
const storedNumber = /^(-?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

function numberText(text: string): string {
  const parts = storedNumber.exec(text)
  // Past a double's range no spreadsheet wrote it: kept as stored.
  if (!parts || (!/[eE]/.test(text) && !/\.0*$/.test(text)) || !Number.isFinite(Number(text))) {
    return text
  }
  const [, sign, , fraction = '', exponent] = parts
  // The digits before the point are the one group the pattern never leaves out.
  const whole = parts[2] as string
  const digits = `${whole}${fraction}`
  // Where the decimal point falls among the digits; at or before the first, zeros go in front
  // (one at least, for the integer part), past the last, zeros go after.
  const point = whole.length + Number(exponent ?? 0)
  const padded = '0'.repeat(Math.max(1 - point, 0)) + digits.padEnd(point, '0')
  const at = Math.max(point, 1)
  const integer = padded.slice(0, at).replace(/^0+(?=\d)/, '')
  const decimals = padded.slice(at).replace(/0+$/, '')
  const plain = decimals === '' ? integer : `${integer}.${decimals}`
  // Minus zero is zero.
  return sign === '-' && /[1-9]/.test(digits) ? `-${plain}` : plain
}

// A copy: the upload's bytes may be a view into a larger buffer, and a workbook's few MB cost
// little to copy next to unzipping its sheet.
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer
}
