import { type ApiError, ContactKitError, PollTimeoutError } from '../core/errors.js'
import { paginate } from '../core/paginate.js'
import { poll } from '../core/poll.js'
import type { CallOptions } from '../core/request-policy.js'
import type { Sleep } from '../core/sleep.js'
import type { Contact, ContactsPage, DeletedPage, SyncPageTokens, SyncStatus } from './client.js'
import { InvalidSyncTokenError, SyncTokenExpiredError } from './errors.js'

/**
 * What to keep between runs: the delta token of each scope. Plain strings, so `JSON.stringify`
 * stores it and `JSON.parse` gives it back; a session given it asks only for what changed since.
 */
export interface SyncState {
  updatedDeltaToken: string
  deletedDeltaToken: string
}

/**
 * One change, in the order to apply it: `upsert` (created or updated, in its current state),
 * `delete` (`{ id, timestamp }`), or `restart`: the tokens were refused and what follows is a full
 * sync, so a mirror should drop whatever the rest of this pass does not bring back.
 */
export type SyncChange =
  | { type: 'upsert'; id: string; contact: Contact }
  | { type: 'delete'; id: string; timestamp: string }
  | { type: 'restart'; reason: 'expired' | 'invalidToken'; error: ApiError }

/** Where a pass stands, after each readiness check and each page. */
export interface SyncProgress {
  phase: 'provisioning' | 'updated' | 'deleted' | 'restarting' | 'done'
  /** This pass began from the start tokens: every contact comes as an upsert. */
  fullSync: boolean
  /** Pages read in this pass. */
  pages: number
  upserts: number
  deletes: number
  /** Restarts in this pass. */
  restarts: number
  /** While provisioning: the last `ready` the server answered. */
  ready?: boolean
}

/** What a pass counts as it goes; each report adds the phase it is in. */
type PassCounts = Omit<SyncProgress, 'phase' | 'ready'>

export interface SyncSessionOptions {
  /** Tokens saved from an earlier session; without them the session starts a new sync (a full sync). */
  state?: SyncState
  /** Stops the session: the pending request or wait ends and the iteration rejects with the signal's reason. */
  signal?: AbortSignal
  onProgress?: (progress: SyncProgress) => void
  /** How to wait between readiness checks; tests pass one that advances a simulated clock. */
  sleep?: Sleep
  /** Time between `POST /v1/contacts/sync` calls while it answers `ready: false`. Default 1 s. */
  pollIntervalMs?: number
  /** Give up provisioning with SyncTimeoutError once this long has passed. Default: as long as the signal allows. */
  maxWaitMs?: number
  /** Full restarts one pass may make before the token error is thrown. Default 2. */
  maxRestarts?: number
}

/**
 * A resumable sync: each `for await` is one pass (updated contacts, then deleted ones, every page)
 * starting from `state`; iterate again later for what changed since. A pass is exclusive: a
 * second iteration while one runs throws.
 */
export interface SyncSession extends AsyncIterable<SyncChange> {
  /**
   * The tokens to resume from, a copy. A scope's token moves on only after the last change of
   * its last page was consumed, so a resumed session may repeat changes but never misses one.
   * Undefined until the sync was provisioned.
   */
  readonly state: SyncState | undefined
  /** Whether the current or last pass was a full sync. */
  readonly fullSync: boolean
  /** Full restarts since the session was created. */
  readonly restarts: number
}

/** Provisioning did not answer `ready: true` within `maxWaitMs`. */
export class SyncTimeoutError extends PollTimeoutError {
  override name = 'SyncTimeoutError'
}

/** The calls a session makes: the client's sync methods. */
export interface SyncApi {
  startSync(request?: CallOptions & { awaitReady?: boolean }): Promise<SyncStatus>
  syncUpdated(tokens: SyncPageTokens, request?: CallOptions): Promise<ContactsPage>
  syncDeleted(tokens: SyncPageTokens, request?: CallOptions): Promise<DeletedPage>
}

type Scope = 'updated' | 'deleted'

/**
 * Creates a sync session over a client's sync calls (`aurinko.sync(options)` calls this).
 *
 * The vendor's flow, as its own SDK runs it: `POST /v1/contacts/sync` until `ready`; each scope
 * read from its delta token, following `nextPageToken` until a page carries `nextDeltaToken`.
 * A 410 `syncToken.expired` starts over with a new sync (a full sync). An invalid page token
 * (400 `token.notValid`) is retried once from the scope's delta token; an invalid token after that,
 * or an invalid delta token, starts over too.
 *
 * @example
 * const session = createSyncSession(aurinko, { state: load(), pollIntervalMs: 2_000 })
 * for await (const change of session) apply(change)
 * store(session.state)
 */
export function createSyncSession(api: SyncApi, options: SyncSessionOptions = {}): SyncSession {
  let state = options.state === undefined ? undefined : checkedState(options.state)
  let fullSync = state === undefined
  let restarts = 0
  let running = false
  const maxRestarts = options.maxRestarts ?? 2
  const { signal } = options

  async function provision(progress: PassCounts): Promise<SyncState> {
    const status = await poll<SyncStatus, SyncStatus>(
      async ({ signal }) => {
        const status = await api.startSync({ signal })
        return { done: status.ready, value: status, progress: status }
      },
      {
        intervalMs: options.pollIntervalMs ?? 1000,
        maxWaitMs: options.maxWaitMs,
        signal,
        sleep: options.sleep,
        onProgress: (status) => options.onProgress?.({ ...progress, phase: 'provisioning', ready: status.ready }),
        timeoutError: (details) =>
          new SyncTimeoutError(
            `The contacts sync was not ready within ${details.maxWaitMs} ms (${details.attempts} checks); raise maxWaitMs, the provider may still be indexing a large address book.`,
            details,
          ),
      },
    )
    if (!status.syncUpdatedToken || !status.syncDeletedToken) {
      throw new ContactKitError(
        'POST /v1/contacts/sync answered ready: true without syncUpdatedToken and syncDeletedToken; the sync cannot be read.',
      )
    }
    return { updatedDeltaToken: status.syncUpdatedToken, deletedDeltaToken: status.syncDeletedToken }
  }

  /** One scope, every page; its delta token is stored once the last change has been consumed. */
  async function* readScope(scope: Scope, progress: PassCounts): AsyncGenerator<SyncChange> {
    const current = state as SyncState
    const deltaToken = scope === 'updated' ? current.updatedDeltaToken : current.deletedDeltaToken
    let retriedFromDelta = false
    // Set from the last page: the loop below ends only after a page that carries it.
    let nextDeltaToken = deltaToken
    const fetchPage = (tokens: SyncPageTokens): Promise<ContactsPage | DeletedPage> =>
      scope === 'updated' ? api.syncUpdated(tokens, { signal }) : api.syncDeleted(tokens, { signal })

    const records = paginate<Contact | DeletedPage['records'][number], string>(async (pageToken) => {
      let page: ContactsPage | DeletedPage
      let sentPageToken = pageToken
      try {
        page = await fetchPage(pageToken === undefined ? { deltaToken } : { pageToken })
      } catch (error) {
        // The vendor's SDK: a bad page token is retried once from the delta token.
        if (pageToken === undefined || retriedFromDelta || !(error instanceof InvalidSyncTokenError)) {
          throw error
        }
        retriedFromDelta = true
        sentPageToken = undefined
        page = await fetchPage({ deltaToken })
      }
      progress.pages++
      options.onProgress?.({ ...progress, phase: scope })
      if (page.nextPageToken) {
        if (page.nextPageToken === sentPageToken) {
          throw new ContactKitError(
            `GET /v1/contacts/sync/${scope} answered the page token it was given as the next one; the sync would never end.`,
          )
        }
        return { items: page.records, next: page.nextPageToken }
      }
      if (!page.nextDeltaToken) {
        throw new ContactKitError(
          `GET /v1/contacts/sync/${scope} answered a page with neither nextPageToken nor nextDeltaToken; the sync cannot go on.`,
        )
      }
      nextDeltaToken = page.nextDeltaToken
      return { items: page.records, next: undefined }
    })

    for await (const record of records) {
      if (scope === 'updated') {
        progress.upserts++
        const contact = record as Contact
        yield { type: 'upsert', id: contact.id ?? '', contact }
      } else {
        progress.deletes++
        const deleted = record as DeletedPage['records'][number]
        yield { type: 'delete', id: deleted.id, timestamp: deleted.timestamp }
      }
    }
    state =
      scope === 'updated'
        ? { ...current, updatedDeltaToken: nextDeltaToken }
        : { ...current, deletedDeltaToken: nextDeltaToken }
  }

  async function* pass(): AsyncGenerator<SyncChange> {
    fullSync = state === undefined
    const progress: PassCounts = { fullSync, pages: 0, upserts: 0, deletes: 0, restarts: 0 }
    for (;;) {
      try {
        if (state === undefined) {
          state = await provision(progress)
        }
        yield* readScope('updated', progress)
        yield* readScope('deleted', progress)
        options.onProgress?.({ ...progress, phase: 'done' })
        return
      } catch (error) {
        const refused = error instanceof SyncTokenExpiredError || error instanceof InvalidSyncTokenError
        if (!refused || progress.restarts >= maxRestarts) {
          throw error
        }
        progress.restarts++
        restarts++
        state = undefined
        fullSync = true
        progress.fullSync = true
        options.onProgress?.({ ...progress, phase: 'restarting' })
        yield { type: 'restart', reason: error instanceof SyncTokenExpiredError ? 'expired' : 'invalidToken', error }
      }
    }
  }

  return {
    get state() {
      return state === undefined ? undefined : { ...state }
    },
    get fullSync() {
      return fullSync
    },
    get restarts() {
      return restarts
    },
    async *[Symbol.asyncIterator]() {
      if (running) {
        throw new ContactKitError(
          'This sync session is already being iterated; finish or break out of that loop before starting another pass.',
        )
      }
      running = true
      try {
        yield* pass()
      } finally {
        running = false
      }
    },
  }
}

/** A state read back from storage, checked, so a wrong shape fails here and not as a 400 later. */
function checkedState(state: SyncState): SyncState {
  const { updatedDeltaToken, deletedDeltaToken } = (state ?? {}) as Partial<Record<keyof SyncState, unknown>>
  if (
    typeof updatedDeltaToken !== 'string' ||
    updatedDeltaToken === '' ||
    typeof deletedDeltaToken !== 'string' ||
    deletedDeltaToken === ''
  ) {
    throw new TypeError(
      'Failed to resume the Aurinko sync: state must be { updatedDeltaToken, deletedDeltaToken } with two non-empty strings, as session.state gave it; leave it out to start a full sync.',
    )
  }
  return { updatedDeltaToken, deletedDeltaToken }
}
