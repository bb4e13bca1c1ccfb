/**
 * Input `compare` cannot work with: not a HAR, an unknown vendor, a request the spec does not know,
 * an accept file that is not one. The CLI prints the message on one line and exits 2.
 */
export class CompareInputError extends Error {
  override name = 'CompareInputError'
}
