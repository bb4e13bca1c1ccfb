import document from './generated/s3.document.js'

export type { components, operations, paths } from './generated/s3.types.js'

/**
 * The parsed OpenAPI document of S3's presigned POST upload, for validation and for serving
 * `/openapi.json`.
 *
 * @example
 * import { s3Document } from '@contactkit/specs/s3'
 * console.log(Object.keys(s3Document.paths)) // ['/{bucket}', '/']
 */
export const s3Document = document
