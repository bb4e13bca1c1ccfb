import document from './generated/cloudsponge.document.js'

export type { components, operations, paths } from './generated/cloudsponge.types.js'

/**
 * The parsed CloudSponge OpenAPI document, for validation and for serving `/openapi.json`.
 *
 * @example
 * import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
 * console.log(Object.keys(cloudspongeDocument.paths))
 */
export const cloudspongeDocument = document
