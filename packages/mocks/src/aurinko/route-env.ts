import type { OpenApiDocument } from '@contactkit/specs'
import type { MiddlewareHandler } from 'hono'
import type { ByteCache } from '../core/byte-cache.js'
import type { Clock } from '../core/clock.js'
import type { SpecValidationEnv } from '../core/spec-validation.js'
import type { AccountStore } from './accounts.js'
import type { SyncService } from './sync.js'
import type { Account } from './tenants.js'

/**
 * What every route file of the Aurinko API shares: its options, its context and its guard. The
 * route files take these from here, not from `routes.ts` that mounts them, so no route module
 * imports its parent.
 */

/** What PATCH does without `If-Match`: `lenient` applies it (last write wins), `strict` refuses it with a 400. */
export type IfMatchPolicy = 'lenient' | 'strict'

export interface RoutesOptions {
  document: OpenApiDocument
  clock: Clock
  accounts: AccountStore
  sync: SyncService
  ifMatch: IfMatchPolicy
  /** Bytes of single contacts by etag: they can no longer change. */
  contactBytes: ByteCache
}

export type Env = SpecValidationEnv & { Variables: { account: Account } }

/** One middleware per route: credentials, then validation against the spec; each extra layer costs on the hot path. */
export type Guard = (validation?: 'plain' | 'json-body' | 'array-query') => MiddlewareHandler<Env>
