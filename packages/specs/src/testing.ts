import document from './generated/testing/rolodex.document.js'

export type {
  components as RolodexComponents,
  operations as RolodexOperations,
  paths as RolodexPaths,
} from './generated/testing/rolodex.types.js'

/**
 * Rolodex, a made-up vendor for testing what is built on contactkit: its parsed OpenAPI document
 * from `testing/openapi/rolodex.yaml`, generated as every vendor's is, but outside the spec index
 * (`vendors`). docs/adding-a-vendor.md is followed for it in every package, and the simulators,
 * clients and fuzz of this repository are tested with it.
 *
 * @example
 * import { rolodexDocument } from '@contactkit/specs/testing'
 * createValidator(rolodexDocument).matchOperation('GET', '/v1/cards/c1') // { operationId: 'getCard', … }
 */
export const rolodexDocument = document
