/**
 * A file an import keeps: the file it read (bytes shared with the S3 upload, never copied) and
 * the errors file it wrote.
 */
export interface StoredFile {
  readonly id: string
  readonly name: string
  /** Its media type. */
  readonly type: string
  readonly bytes: Uint8Array
  readonly createdAt: number
}

export const csvType = 'text/csv'
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The errors file's name: the original's, without its extension, with `-errors.csv`.
 *
 * @example
 * errorsFileName('import-5.xlsx') // 'import-5-errors.csv'
 */
export function errorsFileName(original: string): string {
  const dot = original.lastIndexOf('.')
  return `${dot > 0 ? original.slice(0, dot) : original}-errors.csv`
}
