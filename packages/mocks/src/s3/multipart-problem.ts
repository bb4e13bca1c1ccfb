import type * as Multipasta from 'multipasta'

/**
 * What is wrong with a multipart body, in words for an error message: the S3 simulator's and the
 * recording proxy's readers of a form say it alike.
 *
 * @example
 * multipartProblem({ _tag: 'InvalidBoundary' }) // 'the Content-Type has no boundary'
 */
export function multipartProblem(error: Multipasta.MultipartError): string {
  switch (error._tag) {
    case 'InvalidBoundary':
      return 'the Content-Type has no boundary'
    case 'BadHeaders':
      return 'a part has headers that cannot be read'
    case 'InvalidDisposition':
      return 'a part has no field name in its Content-Disposition'
    case 'EndNotReached':
      return 'the body ends before its closing boundary'
    case 'ReachedLimit':
      return `the body passes the limit ${error.limit}`
  }
}
