import document from './generated/aurinko.document.js'

export type { components, operations, paths } from './generated/aurinko.types.js'

/**
 * The parsed Aurinko OpenAPI document, for validation and for serving `/openapi.json`.
 *
 * @example
 * import { aurinkoDocument } from '@contactkit/specs/aurinko'
 * console.log(Object.keys(aurinkoDocument.paths))
 */
export const aurinkoDocument = document
