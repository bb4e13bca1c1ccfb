import type { RolodexComponents, RolodexPaths } from '@contactkit/specs/testing'
import { createApiClient } from '../../core/api-client.js'
import { basicAuth, bearerAuth, type TokenSource } from '../../core/auth.js'
import { type CallOptions, callInit } from '../../core/request-policy.js'
import { type RetryOptions, retrySettings } from '../../core/retry.js'
import { readRolodexError } from './errors.js'

export type Card = RolodexComponents['schemas']['Card']
export type NewCard = RolodexComponents['schemas']['NewCard']

export type RolodexClientOptions = RetryOptions & {
  /** Default `https://api.rolodex.example`; point it at a simulator. */
  baseUrl?: string
  /** The fetch to use; looked up on `globalThis` at each call by default. */
  fetch?: (request: Request) => Promise<Response>
} & ({ token: TokenSource; account?: never } | { account: { name: string; password: string }; token?: never })

/**
 * A typed client of Rolodex, the made-up vendor of docs/adding-a-vendor.md: the clients' own
 * factory over the generated `paths`, with the account's token (Bearer) or name and password
 * (Basic). Creating a card is sent once; reads are retried.
 *
 * @example
 * const rolodex = createRolodexClient({ token: 'rolodex-sandbox-token', baseUrl: simulatorUrl })
 * const card = await rolodex.createCard({ name: 'Ann Lee' })
 * await rolodex.listCards({ limit: 10 }) // [card]
 */
export function createRolodexClient(options: RolodexClientOptions) {
  const { raw, unwrap } = createApiClient<RolodexPaths>({
    defaultBaseUrl: 'https://api.rolodex.example',
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    auth: options.account ? basicAuth(options.account.name, options.account.password) : bearerAuth(options.token),
    headers: { Accept: 'application/json' },
    readError: readRolodexError,
    ...retrySettings(options),
  })
  return {
    raw,
    /** `GET /v1/cards`: the account's cards, oldest first. */
    async listCards(query: { limit?: number } = {}, request: CallOptions = {}): Promise<Card[]> {
      return (await unwrap(raw.GET('/v1/cards', { params: { query }, ...callInit(request) }))).cards
    },
    /** `POST /v1/cards`: a new card with its id. */
    createCard(card: NewCard, request: CallOptions = {}): Promise<Card> {
      return unwrap(raw.POST('/v1/cards', { body: card, ...callInit(request) }))
    },
    /** `GET /v1/cards/{id}`; a card of no one's, or of another account, is a NotFoundError. */
    getCard(id: string, request: CallOptions = {}): Promise<Card> {
      return unwrap(raw.GET('/v1/cards/{id}', { params: { path: { id } }, ...callInit(request) }))
    },
  }
}

export type RolodexClient = ReturnType<typeof createRolodexClient>
