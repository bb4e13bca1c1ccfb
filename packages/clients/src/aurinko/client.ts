import type { components, paths } from '@contactkit/specs/aurinko'
import { createApiClient, type FetchResult } from '../core/api-client.js'
import { type Authenticator, basicAuth, bearerAuth, combineAuth, headerAuth, type TokenSource } from '../core/auth.js'
import { type CallOptions, callInit } from '../core/request-policy.js'
import { type RetryOptions, retrySettings } from '../core/retry.js'
import { createContactsApi } from './contacts.js'
import { readAurinkoError, refineSyncError } from './errors.js'
import { createSyncSession, type SyncSession, type SyncSessionOptions } from './sync-session.js'

type Schemas = components['schemas']
export type Contact = Schemas['Contact']
/** What create and update answer: the contact's id, its new etag and, usually, the saved contact. */
export type ContactOrId = Schemas['ContactOrId']
export type ContactsPage = Schemas['ContactsPage']
export type DeletedPage = Schemas['DeletedPage']
export type DeletedRecord = Schemas['DeletedRecord']
export type SyncStatus = Schemas['SyncStatus']
/** A contact as sent to create or update it: the read-only fields are the server's. */
export type ContactInput = Omit<Contact, 'id' | 'etag' | 'createdTime' | 'lastModifiedTime' | 'hasPhoto'>

/** An account's access token (`Authorization: Bearer`), from Aurinko's OAuth flow. */
export interface AccountTokenCredentials {
  /** A string, or a function read again for every request (so it may refresh). */
  accessToken: TokenSource
  clientId?: never
  clientSecret?: never
  accountId?: never
}

/** The application's credentials (HTTP Basic) acting on one account (`X-Aurinko-Account-Id`). */
export interface AppCredentials {
  clientId: string
  clientSecret: string
  accountId: number | string
  accessToken?: never
}

export type AurinkoClientOptions = (AccountTokenCredentials | AppCredentials) &
  RetryOptions & {
    /** Default `https://api.aurinko.io`; point it at a simulator in development. Paths carry `/v1` themselves. */
    baseUrl?: string
    /** The fetch to use; looked up on `globalThis` at each call by default, so MSW can intercept it. */
    fetch?: (request: Request) => Promise<Response>
  }

/**
 * `deltaToken` for the first page of a sync (a start token or the last `nextDeltaToken`),
 * `pageToken` for each page after it.
 */
export interface SyncPageTokens {
  deltaToken?: string
  pageToken?: string
}

export interface StartSyncOptions extends CallOptions {
  /**
   * `false` (default): answer at once, `ready: false` while the sync is provisioned, and the caller
   * polls; `true`: the server answers once the sync is ready.
   */
  awaitReady?: boolean
}

/**
 * A typed Aurinko contacts client: sync start and pages, a resumable sync session, and contact CRUD
 * that carries the etag, over openapi-fetch with retries, timeouts and typed errors.
 *
 * Retries: GETs and DELETE are retried on 408, 429, 5xx and network errors. `POST /v1/contacts`
 * (create) and PATCH are sent once: a repeated create makes a second contact, a repeated update
 * meets its own new etag. `POST /v1/contacts/sync` is retried: the vendor's documentation has the
 * caller send it again while it answers `ready: false`, so a repeated start is harmless.
 *
 * @example
 * const aurinko = createAurinkoClient({ accessToken: process.env.AURINKO_ACCESS_TOKEN! })
 * const session = aurinko.sync({ state: saved })
 * for await (const change of session) {
 *   if (change.type === 'upsert') mirror.set(change.id, change.contact)
 *   if (change.type === 'delete') mirror.delete(change.id)
 * }
 * save(session.state)
 */
export function createAurinkoClient(options: AurinkoClientOptions) {
  const { raw, unwrap } = createApiClient<paths>({
    defaultBaseUrl: 'https://api.aurinko.io',
    baseUrl: options.baseUrl,
    auth: authenticator(options),
    fetch: options.fetch,
    headers: { Accept: 'application/json' },
    readError: readAurinkoError,
    ...retrySettings(options),
  })
  const syncCall = async <Data>(pending: Promise<FetchResult<Data>>): Promise<Data> => {
    try {
      return await unwrap(pending)
    } catch (error) {
      throw refineSyncError(error)
    }
  }

  const client = {
    /** The underlying openapi-fetch client, every path and parameter typed. */
    raw,

    /** Contact CRUD with etags, and the list of every contact. */
    contacts: createContactsApi(raw, unwrap),

    /**
     * `POST /v1/contacts/sync`: provisions the account's sync. `ready: false` means call again;
     * once ready it carries the start tokens. Retried like a GET unless `idempotent: false`.
     */
    startSync(request: StartSyncOptions = {}): Promise<SyncStatus> {
      return unwrap(
        raw.POST('/v1/contacts/sync', {
          params: { query: { awaitReady: request.awaitReady ?? false } },
          ...callInit({ ...request, idempotent: request.idempotent ?? true }),
        }),
      )
    },

    /**
     * One page of created and updated contacts. Throws SyncTokenExpiredError (410) or
     * InvalidSyncTokenError (400 `token.notValid`).
     */
    syncUpdated(tokens: SyncPageTokens, request: CallOptions = {}): Promise<ContactsPage> {
      return syncCall(
        raw.GET('/v1/contacts/sync/updated', { params: { query: pageQuery(tokens) }, ...callInit(request) }),
      )
    },

    /** One page of deleted contacts, `{ id, timestamp }`; the same errors as `syncUpdated`. */
    syncDeleted(tokens: SyncPageTokens, request: CallOptions = {}): Promise<DeletedPage> {
      return syncCall(
        raw.GET('/v1/contacts/sync/deleted', { params: { query: pageQuery(tokens) }, ...callInit(request) }),
      )
    },

    /**
     * A sync session: `for await` over upserts and deletions, resumable from `session.state`.
     *
     * @example
     * const session = aurinko.sync({ state: JSON.parse(saved), onProgress: (p) => console.log(p.phase) })
     * for await (const change of session) apply(change)
     * saved = JSON.stringify(session.state)
     */
    sync(sessionOptions: SyncSessionOptions = {}): SyncSession {
      return createSyncSession(client, { sleep: options.sleep, ...sessionOptions })
    },
  }
  return client
}

export type AurinkoClient = ReturnType<typeof createAurinkoClient>

function authenticator(options: AurinkoClientOptions): Authenticator {
  if (options.accessToken !== undefined) {
    return bearerAuth(options.accessToken)
  }
  const { clientId, clientSecret, accountId } = options as AppCredentials
  if (!clientId || !clientSecret || accountId === undefined || accountId === '') {
    throw new TypeError(
      'Failed to create the Aurinko client: give either accessToken, or clientId, clientSecret and accountId.',
    )
  }
  return combineAuth(basicAuth(clientId, clientSecret), headerAuth({ 'X-Aurinko-Account-Id': String(accountId) }))
}

/** Only the tokens given: a page after the first carries its page token alone, as the vendor's SDKs send it. */
function pageQuery(tokens: SyncPageTokens): SyncPageTokens {
  // A token left undefined is left out of the query.
  return tokens.pageToken === undefined ? { deltaToken: tokens.deltaToken } : { pageToken: tokens.pageToken }
}
