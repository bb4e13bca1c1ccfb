import type { components } from '@contactkit/specs/aurinko'
import type { Clock } from '../core/clock.js'
import { isoSeconds } from '../core/time-format.js'
import { timeline } from '../core/timeline.js'
import type { Deletion, StoredContact } from './contacts.js'
import { errorCodes } from './errors.js'
import type { SyncTokens, TokenClaims, TokenScope } from './sync-tokens.js'
import type { Account } from './tenants.js'

export type SyncStatus = components['schemas']['SyncStatus']

/** Durations on the simulator clock, and page sizes. */
export interface SyncTiming {
  /** How long a new sync takes to provision; until then sync start answers `ready: false`. Default 3 s. */
  provisioningMs: number
  /** How long a sync or page token works after it is issued (then 410 `syncToken.expired`). Default 7 days. */
  tokenLifetimeMs: number
  /** Records per page of `sync/updated`, `sync/deleted`, and the list unless `limit` says otherwise. Default 100. */
  pageSize: number
}

export const defaultSyncTiming: SyncTiming = {
  provisioningMs: 3000,
  tokenLifetimeMs: 7 * 24 * 60 * 60 * 1000,
  pageSize: 100,
}

/** A page of records, with the token that goes on: `nextPageToken` or, on the last page, `nextDeltaToken`. */
export interface SyncPage<T> {
  records: T[]
  nextPageToken?: string
  nextDeltaToken?: string
}

/** A refused token or request: the status, the vendor's code and a sentence. */
export interface SyncRefusal {
  status: 400 | 410
  code: string
  message: string
}

/** Where a listing stands: see `TokenClaims`. */
type Position = Pick<TokenClaims, 'full' | 'cursor' | 'end' | 'upTo'>

/**
 * Sync as Aurinko runs it: provisioning that takes time on the clock (core `timeline`), start
 * tokens, full and delta listings a page at a time, and tokens bound to account, scope and expiry.
 *
 * @example
 * const sync = new SyncService(clock, defaultSyncTiming, new SyncTokens())
 * await sync.start(account, false) // { ready: false } until provisioningMs has passed
 */
export class SyncService {
  constructor(
    private readonly clock: Clock,
    readonly timing: SyncTiming,
    private readonly tokens: SyncTokens,
  ) {}

  /** Where the account's sync stands now. */
  phase(account: Account): 'not started' | 'provisioning' | 'ready' {
    const provisioning = account.provisioning
    if (!provisioning) {
      return 'not started'
    }
    const steps = timeline(provisioning.startedAt, [{ phase: 'provisioning', durationMs: provisioning.durationMs }])
    const { phase } = steps.at(this.clock.now())
    return phase === 'done' ? 'ready' : phase
  }

  /** Sync start: `ready: false` while provisioning, unless `awaitReady`; then fresh start tokens. */
  async start(account: Account, awaitReady: boolean): Promise<SyncStatus> {
    const now = this.clock.now()
    account.provisioning ??= { startedAt: now, durationMs: this.timing.provisioningMs }
    if (this.phase(account) !== 'ready') {
      if (!awaitReady) {
        return { ready: false }
      }
      // The call stands for the wait: provisioning ends now. The clock is shared by every
      // simulator of a set, so a request never moves it.
      account.provisioning = {
        startedAt: account.provisioning.startedAt,
        durationMs: now - account.provisioning.startedAt,
      }
    }
    const from = account.book.seq
    return {
      syncUpdatedToken: await this.#delta(account, 'updated', true, from),
      syncDeletedToken: await this.#delta(account, 'deleted', false, from),
      ready: true,
    }
  }

  /** A page of `sync/updated`: the whole book for the start token, else what changed since the token. */
  async updated(
    account: Account,
    deltaToken?: string,
    pageToken?: string,
  ): Promise<SyncPage<StoredContact> | SyncRefusal> {
    const position = await this.#position(account, 'updated', deltaToken, pageToken)
    if ('status' in position) {
      return position
    }
    const { pageSize } = this.timing
    const { contacts, next } = position.full
      ? account.book.scan(position.cursor, position.end, pageSize)
      : account.book.updatedSince(position.cursor, position.end, pageSize)
    return this.#page(account, 'updated', contacts, position, next)
  }

  /** A page of `sync/deleted`: deletions since the token, as `{id, atMs}`. */
  async deleted(account: Account, deltaToken?: string, pageToken?: string): Promise<SyncPage<Deletion> | SyncRefusal> {
    const position = await this.#position(account, 'deleted', deltaToken, pageToken)
    if ('status' in position) {
      return position
    }
    const { deletions, next } = account.book.deletedSince(position.cursor, position.end, this.timing.pageSize)
    return this.#page(account, 'deleted', deletions, position, next)
  }

  /** A page of the contact list; the last page carries no token at all. */
  async list(
    account: Account,
    limit: number | undefined,
    pageToken?: string,
  ): Promise<SyncPage<StoredContact> | SyncRefusal> {
    let position: Position = { cursor: 0, end: account.book.endOrdinal, upTo: 0 }
    if (pageToken !== undefined) {
      const claims = await this.#claims(account, 'list', 'page', pageToken)
      if ('status' in claims) {
        return claims
      }
      position = claims
    }
    const { contacts, next } = account.book.scan(position.cursor, position.end, limit ?? this.timing.pageSize)
    if (next >= position.end) {
      return { records: contacts }
    }
    return {
      records: contacts,
      nextPageToken: await this.#issue(account, 'page', 'list', { ...position, cursor: next }),
    }
  }

  async #page<T>(
    account: Account,
    scope: TokenScope,
    records: T[],
    position: Position,
    next: number,
  ): Promise<SyncPage<T>> {
    if (next < position.end) {
      const claims = { ...position, cursor: next }
      return { records, nextPageToken: await this.#issue(account, 'page', scope, claims) }
    }
    return { records, nextDeltaToken: await this.#delta(account, scope, false, position.upTo) }
  }

  async #position(
    account: Account,
    scope: 'updated' | 'deleted',
    deltaToken: string | undefined,
    pageToken: string | undefined,
  ): Promise<Position | SyncRefusal> {
    if (deltaToken === undefined && pageToken === undefined) {
      return {
        status: 400,
        code: errorCodes.badRequest,
        message: 'Send deltaToken (a start token or the last nextDeltaToken) or pageToken (the last nextPageToken).',
      }
    }
    // Some clients send the delta token with every page: both must be good, and the page token wins.
    const delta = deltaToken === undefined ? undefined : await this.#claims(account, scope, 'delta', deltaToken)
    if (delta && 'status' in delta) {
      return delta
    }
    if (pageToken !== undefined) {
      return this.#claims(account, scope, 'page', pageToken)
    }
    // Without a page token, the delta token was sent (and is good).
    const { full, cursor } = delta as TokenClaims
    const book = account.book
    return full
      ? { full: true, cursor: 0, end: book.endOrdinal, upTo: book.seq }
      : { full: false, cursor, end: book.seq, upTo: book.seq }
  }

  async #claims(
    account: Account,
    scope: TokenScope,
    use: TokenClaims['use'],
    token: string,
  ): Promise<TokenClaims | SyncRefusal> {
    const what = use === 'page' ? 'Page token' : 'Delta token'
    const invalid = (why: string): SyncRefusal => ({
      status: 400,
      code: errorCodes.tokenNotValid,
      message: `${what} is invalid: ${why}; start a new sync with POST /v1/contacts/sync.`,
    })
    if (token === '') {
      // The vendor refuses every token it cannot use the same way, so a client starts a new sync.
      return invalid('it is empty')
    }
    const claims = await this.tokens.read(token)
    if (!claims) {
      return invalid('it is not a token this server issued')
    }
    if (claims.account !== account.key) {
      return invalid('it was issued to another account')
    }
    if (claims.scope !== scope || claims.use !== use) {
      return invalid(`it is a ${claims.use} token of ${where(claims.scope)}, not a ${use} token of ${where(scope)}`)
    }
    if (this.clock.now() >= claims.expiresAt) {
      return {
        status: 410,
        code: errorCodes.tokenExpired,
        message: `syncToken expired. It expired at ${isoSeconds(claims.expiresAt)}; start a new sync with POST /v1/contacts/sync.`,
      }
    }
    return claims
  }

  #delta(account: Account, scope: TokenScope, full: boolean, from: number): Promise<string> {
    return this.#issue(account, 'delta', scope, { full, cursor: from, end: 0, upTo: 0 })
  }

  #issue(account: Account, use: TokenClaims['use'], scope: TokenScope, position: Position): Promise<string> {
    const expiresAt = this.clock.now() + this.timing.tokenLifetimeMs
    return this.tokens.issue({ use, scope, account: account.key, ...position, expiresAt })
  }
}

function where(scope: TokenScope): string {
  return scope === 'list' ? 'the contact list' : `sync/${scope}`
}
