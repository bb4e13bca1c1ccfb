import type { OpenApiDocument } from '@contactkit/specs'
import type fc from 'fast-check'
import type { FuzzRequest } from './fuzz-request.js'
import type { ParameterLocation } from './openapi-operations.js'

/** What the fuzz talks to: an app answering web-standard Requests in-process, and a reset. */
export interface FuzzTarget {
  app: { request(input: Request): Response | Promise<Response> }
  /** Forgets all state between cases, so each case starts from the same place. */
  reset(): void
}

/** A valid secret for one security scheme: a token or API key, or HTTP Basic's pair. */
export type SchemeCredential = string | { username: string; password: string }

/** One field of one operation, for a profile that knows its values better than the schema says. */
export interface FieldRef {
  operationId: string
  location: ParameterLocation | 'body'
  name: string
}

/** A route the simulator serves outside the spec (an HTML page, an applet), fuzzed but never validated. */
export interface ExtraRoute {
  method: string
  /** May hold `{{name}}` placeholders filled from `prepare`. */
  path: string
  /** Form fields a valid call sends, so encodings can be fuzzed. */
  form?: Record<string, string>
}

/** One request sent and its answer, as the checks see it. */
export interface FuzzExchange {
  request: FuzzRequest
  /** The URL as sent, placeholders filled. */
  url: string
  /** The path as the server's router sees it: valid percent sequences decoded. */
  path: string
  status: number
  headers: Headers
  /** The body as text; always empty for HEAD. */
  body: string
}

/**
 * Everything vendor-specific the fuzz needs. Adding a vendor means writing one of these; the
 * generator reads everything else from the OpenAPI document.
 */
export interface FuzzProfile<T extends FuzzTarget = FuzzTarget> {
  vendor: string
  document: OpenApiDocument
  /** Called once per test file; the target is reset before every case. */
  createTarget(): T
  /** A valid secret for each security scheme the document names, by scheme name. */
  credentials: Record<string, SchemeCredential>
  /**
   * Runs after each reset, before the case's request: creates the state valid requests refer to
   * (imports, uploads) with the profile's valid credentials only. Returns values for `{{name}}`
   * placeholders in extra routes.
   */
  prepare?(target: T): Promise<Record<string, string>>
  /**
   * Valid values narrower than the schema can say (a service code from a list the spec gives in
   * prose, ids `prepare` created), or undefined to keep the schema's. `schemaValue` is what the
   * schema alone would give, to mix in.
   */
  validValues?(field: FieldRef, schemaValue: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> | undefined
  /** Routes outside the spec that still get wrong methods, odd paths and odd encodings. */
  extraRoutes?: ExtraRoute[]
  /** Paths never to send (a control plane with its own format); given the path decoded and not. */
  excludePath?(path: string): boolean
  /** Why a non-2xx answer is not in the vendor's error format, or undefined when it is. */
  errorFormatProblem(exchange: FuzzExchange): string | undefined
  /** Non-2xx answers outside the API's error format that are nonetheless right (HTML pages). */
  isOtherAllowedResponse?(exchange: FuzzExchange): boolean
}
