import { documents } from './generated/index.js'
import type { OpenApiDocument } from './openapi-document.js'

export type { OpenApiDocument } from './openapi-document.js'

/** The APIs contactkit describes: one per spec file in `openapi/`. */
export type Vendor = keyof typeof documents

/** Every spec's name, in file order. */
export const vendors = Object.keys(documents) as Vendor[]

/**
 * Returns a vendor's parsed OpenAPI document.
 *
 * @example
 * import { openApiDocument } from '@contactkit/specs'
 * const doc = openApiDocument('cloudsponge')
 */
export function openApiDocument(vendor: Vendor): OpenApiDocument {
  return documents[vendor]
}
