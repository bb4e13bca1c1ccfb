import document from './generated/omnigage.document.js'

export type { components, operations, paths } from './generated/omnigage.types.js'

/**
 * The parsed Omnigage OpenAPI document (uploads, contact imports, contacts, files), for
 * validation and for serving `/openapi.json`.
 *
 * @example
 * import { omnigageDocument } from '@contactkit/specs/omnigage'
 * console.log(Object.keys(omnigageDocument.paths)) // ['/api/v1/uploads', '/api/v1/import-contacts', …]
 */
export const omnigageDocument = document
