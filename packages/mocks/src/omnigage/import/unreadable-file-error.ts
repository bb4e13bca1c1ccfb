/**
 * A file the import cannot read: not a CSV or XLSX, not UTF-8 or UTF-16 text, broken quoting, no
 * rows. The message is the sentence shown to the user, with what to do about it.
 *
 * @example
 * try {
 *   await previewFile(file)
 * } catch (error) {
 *   if (error instanceof UnreadableFileError) return fail(error.message)
 *   throw error
 * }
 */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError'
}
