import { openApiDocument, vendors as specVendors, type Vendor } from '@contactkit/specs'
import { type OpenApiModel, openApiModel } from '@contactkit/specs/openapi-model'
import { CompareInputError } from './errors.js'
import type { RecordedExchange } from './har.js'

/** The spec operation a recorded request is for, and which vendor's simulator answers it. */
export interface MatchedOperation {
  vendor: string
  operationId: string
  /** `GET /v1/contacts/{contId}` */
  label: string
}

/**
 * Finds each recorded request's operation in the specs of the vendor and its peers, after the
 * vendor's path aliases, with the specs' OpenAPI model (the matcher the validator and the simulator
 * core use). A request no spec knows is a `CompareInputError`: a recording of another API, or of
 * something the specs leave out.
 *
 * @example
 * const match = operationMatcher(['cloudsponge'])
 * match(exchange) // { vendor: 'cloudsponge', operationId: 'getEventsFormatted', label: 'GET /events/{import_id}.{format}' }
 */
export function operationMatcher(
  names: string[],
  canonicalPath: (path: string) => string = (path) => path,
): (exchange: RecordedExchange) => MatchedOperation {
  const models: [string, OpenApiModel][] = names
    .filter((name): name is Vendor => (specVendors as string[]).includes(name))
    .map((name) => [name, openApiModel(openApiDocument(name))])
  return (exchange) => {
    const path = canonicalPath(exchange.url.pathname)
    for (const [vendor, model] of models) {
      const match =
        model.matchOperation(exchange.method, path) ??
        (path.length > 1 && path.endsWith('/') ? model.matchOperation(exchange.method, path.slice(0, -1)) : undefined)
      if (match) {
        return { vendor, operationId: match.operationId, label: `${exchange.method} ${match.pathTemplate}` }
      }
    }
    throw new CompareInputError(
      `${exchange.source}: ${exchange.method} ${exchange.url.pathname} is not an operation of the ${names.join(' or ')} spec; compare recordings of that API only.`,
    )
  }
}
