import type * as Multipasta from 'multipasta'

/** A body that is not multipart/form-data; a limit reached is a body too large, and each reader says so in its own way. */
export type MalformedPart = Exclude<Multipasta.MultipartError, { _tag: 'ReachedLimit' }>

/**
 * What is wrong with a multipart body, in words for an error message: the S3 simulator's and the
 * recording proxy's readers of a form say it alike.
 *
 * @example
 * multipartProblem({ _tag: 'InvalidBoundary' }) // 'the Content-Type has no boundary'
 */
export function multipartProblem(error: MalformedPart): string {
  switch (error._tag) {
    case 'InvalidBoundary':
      return 'the Content-Type has no boundary'
    case 'BadHeaders':
      return 'a part has headers that cannot be read'
    case 'InvalidDisposition':
      return 'a part has no field name in its Content-Disposition'
    case 'EndNotReached':
      return 'the body ends before its closing boundary'
  }
}
