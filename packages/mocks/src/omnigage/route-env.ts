import type { OpenApiDocument } from '@contactkit/specs'
import type { Context, MiddlewareHandler } from 'hono'
import type { Clock } from '../core/clock.js'
import { publicOrigin } from '../core/public-origin.js'
import type { SpecValidationEnv } from '../core/spec-validation.js'
import type { S3Simulator } from '../s3/index.js'
import type { Account, AccountStore } from './accounts.js'
import type { IdSource } from './ids.js'
import type { ImportTiming } from './imports.js'

/**
 * What every route file of the Omnigage API shares: its options, its context, its guard and the
 * origin links are written with. The route files take these from here, not from `routes.ts` that
 * mounts them, so no route module imports its parent.
 */

export interface RoutesOptions {
  document: OpenApiDocument
  clock: Clock
  accounts: AccountStore
  ids: IdSource
  timing: ImportTiming
  /** The S3 simulator the upload forms point at; looked up per request (a set builds it after Omnigage). */
  s3(): S3Simulator
  publicUrl?: string
}

export type Env = SpecValidationEnv & { Variables: { account: Account } }

/** Credentials, then the request against the spec: one middleware per route. */
export type Guard = (body?: 'lenient-json') => MiddlewareHandler<Env>

/**
 * The origin links in documents are written with: the configured public URL, or the request's.
 *
 * @example
 * const links = listDocument(items, total, page, new URL(c.req.url), originOf(c, options))
 */
export function originOf(c: Context, options: RoutesOptions): string {
  return publicOrigin(c, options.publicUrl)
}
