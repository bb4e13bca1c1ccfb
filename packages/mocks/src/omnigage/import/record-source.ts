import type { UploadedFile } from './file-kind.js'
import type { Mapping } from './mapping.js'
import { type ImportedContact, validateRow } from './row-outcome.js'

const quote = 0x22

/**
 * Whether a row can be read back from its bytes with a plain split (`recordSource`): a record
 * without a quote is cells between commas, exactly as csv-parse read it. A quoted one is not read
 * back; its contact holds its values.
 *
 * @example
 * readsBack(file, { start: 64, end: 120 }) // true unless that record has a `"`
 */
export function readsBack(file: UploadedFile, record: { start: number; end: number }): boolean {
  return !file.bytes.subarray(record.start, record.end).includes(quote)
}

/**
 * Reads rows of a UTF-8 CSV file back by byte range (those `readsBack` accepts), with the mapping
 * of their import: the same cells, trimmed, give the same contact.
 *
 * @example
 * const source = recordSource(file, mapping)
 * source.read(64, 120) // { firstName: 'Ann', …, phoneNumbers: ['+14155550100'] }
 */
export function recordSource(
  file: UploadedFile,
  mapping: Mapping,
): { read(start: number, end: number): ImportedContact } {
  const decoder = new TextDecoder()
  return {
    read(start, end) {
      // Trimming each cell also drops the line breaks around the record.
      const cells = decoder.decode(file.bytes.subarray(start, end)).split(',')
      for (let index = 0; index < cells.length; index++) {
        cells[index] = (cells[index] as string).trim()
      }
      const outcome = validateRow(cells, mapping)
      if (!outcome.ok) {
        // The row was valid when imported, and its bytes are the file's, which does not change.
        throw new Error(`Failed to read back bytes ${start}-${end} of "${file.name}": ${outcome.reason}`)
      }
      return outcome.contact
    },
  }
}
