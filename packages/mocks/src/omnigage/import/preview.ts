import type { UploadedFile } from './file-kind.js'
import { autoMap, type Mapping } from './mapping.js'
import { openRows } from './table-reader.js'

/** What an import shows before it runs: the columns, how they map, and the first data row. */
export interface FilePreview {
  header: string[]
  mapping: Mapping
  sample: string[]
}

/**
 * Reads a file's header and first data row and proposes a mapping, reading no further than the
 * chunk that holds the first data row: a 100 MB CSV previews as fast as a small one, and a file
 * that goes wrong further down previews (its import will then fail where it goes wrong). Throws
 * `UnreadableFileError` when the file cannot be read, is empty or has no data row.
 *
 * @example
 * const { header, mapping, sample } = await previewFile({ bytes, name: 'contacts.csv' })
 * // mapping: ['first-name', 'last-name', 'company', 'phone1-phone-number', 'email1-email-address']
 */
export async function previewFile(file: UploadedFile): Promise<FilePreview> {
  const rows = await openRows(file)
  // next() throws rather than end a file without a data row. Nothing reads ahead, so the rows left
  // unread cost nothing once the reader is let go.
  const sample = rows.next() as string[]
  return { header: rows.header, mapping: autoMap(rows.header), sample }
}
