import { cloudspongeDocument } from './cloudsponge.js'
import type { OpenApiDocument } from './openapi-document.js'

export type { OpenApiDocument } from './openapi-document.js'

/** The vendors whose APIs contactkit describes. */
export type Vendor = 'cloudsponge'

const documents: Record<Vendor, OpenApiDocument> = { cloudsponge: cloudspongeDocument }

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
