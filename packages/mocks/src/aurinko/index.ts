import { aurinkoDocument } from '@contactkit/specs/aurinko'
import { ByteCache } from '../core/byte-cache.js'
import { defineVendor } from '../core/registry.js'
import { createSimulator, type Simulator, type SimulatorOptions } from '../core/simulator.js'
import { resolveOptions } from '../core/simulator-options.js'
import { AccountStore } from './accounts.js'
import { aurinkoError } from './errors.js'
import { aurinkoFidelity } from './fidelity.js'
import type { IfMatchPolicy } from './route-env.js'
import { aurinkoRoutes } from './routes.js'
import type { ProviderEdits } from './seed-schema.js'
import { createAurinkoState, type ProviderEditResult } from './state.js'
import { defaultSyncTiming, SyncService, type SyncTiming } from './sync.js'
import { SyncTokens } from './sync-tokens.js'
import { type AccountConfig, type AurinkoApp, sandboxAccount, sandboxApp, secondAccount } from './tenants.js'

export interface AurinkoSimulatorOptions extends SimulatorOptions {
  /** Applications (Basic credentials). Default: the sandbox app. */
  apps?: AurinkoApp[]
  /** Accounts with their tokens and address books. Default: the sandbox account and a second one. */
  accounts?: AccountConfig[]
  /** Provisioning time, token lifetime and page size; each defaults to `defaultSyncTiming`. */
  sync?: Partial<SyncTiming>
  /** PATCH without `If-Match`: `lenient` (default) applies it, `strict` answers 400. */
  ifMatch?: IfMatchPolicy
  /** Signs sync tokens; give one for tokens that repeat run to run. Default: random per simulator. */
  tokenSecret?: string
}

/** An Aurinko simulator: the shared controls plus its accounts and the provider's side of each book. */
export interface AurinkoSimulator extends Simulator {
  readonly accounts: AccountStore
  /** Edits an address book as the user would in Google or Outlook; clients see it through sync only. */
  providerEdit(edits: ProviderEdits): ProviderEditResult
}

/**
 * Creates a stateful Aurinko contacts simulator. Serve `app` with `serve()`, call it in-process
 * with `app.request()`, or hand it to MSW with `createMswHandlers()`.
 *
 * @example
 * const sim = createAurinkoSimulator({ clock: manualClock() })
 * const auth = { Authorization: 'Bearer aurinko-sandbox-token' }
 * await sim.app.request('/v1/contacts/sync', { method: 'POST', headers: auth }) // { ready: false }
 * sim.clock.advance(3_000)
 * const { syncUpdatedToken } = await (await sim.app.request('/v1/contacts/sync', { method: 'POST', headers: auth })).json()
 * await sim.app.request(`/v1/contacts/sync/updated?deltaToken=${syncUpdatedToken}`, { headers: auth })
 */
export function createAurinkoSimulator(options: AurinkoSimulatorOptions = {}): AurinkoSimulator {
  const resolved = resolveOptions(options)
  const { clock } = resolved
  const timing = { ...defaultSyncTiming, ...options.sync }
  if (!(Number.isInteger(timing.pageSize) && timing.pageSize >= 1 && timing.pageSize <= 1000)) {
    throw new RangeError(
      `Failed to create the Aurinko simulator: sync.pageSize must be 1 to 1000, not ${timing.pageSize}.`,
    )
  }
  const accounts = new AccountStore(
    clock,
    resolved.randomSeed,
    options.apps ?? [sandboxApp],
    options.accounts ?? [sandboxAccount, secondAccount],
  )
  const sync = new SyncService(clock, timing, new SyncTokens(options.tokenSecret))
  // The kit's bounds (1,024 contacts, 64 MiB): a client reads the same few contacts again and again.
  const contactBytes = new ByteCache()
  const ifMatch = options.ifMatch ?? 'lenient'
  const state = createAurinkoState({
    clock,
    accounts,
    sync,
    contactBytes,
    ifMatch,
  })
  const simulator = createSimulator(
    {
      name: 'aurinko',
      document: aurinkoDocument,
      registration: aurinkoVendor,
      routes: aurinkoRoutes({ document: aurinkoDocument, clock, accounts, sync, ifMatch, contactBytes }),
      state,
      errorResponse: aurinkoError,
    },
    resolved,
  )
  return Object.assign(simulator, {
    accounts,
    providerEdit(edits: ProviderEdits): ProviderEditResult {
      const result = state.seed({ providerEdits: [edits] }) as { providerEdits: ProviderEditResult[] }
      return result.providerEdits[0] as ProviderEditResult
    },
  })
}

/** The Aurinko entry of the vendor registry: what the CLI, the simulator set and MSW read. */
export const aurinkoVendor = defineVendor({
  name: 'aurinko',
  title: 'Aurinko',
  defaultPort: 4020,
  baseUrl: 'https://api.aurinko.io',
  baseUrlEnv: 'AURINKO_BASE_URL',
  create: createAurinkoSimulator,
  credentials: [{ label: 'account token', value: sandboxAccount.accessToken, env: 'AURINKO_ACCESS_TOKEN' }],
  hints: [
    'try: POST /v1/contacts/sync?awaitReady=true with Authorization: Bearer aurinko-sandbox-token',
    `app credentials: ${sandboxApp.clientId}:${sandboxApp.clientSecret} with X-Aurinko-Account-Id: ${sandboxAccount.accountId}`,
  ],
  magicAccounts: [
    {
      input: `Bearer ${sandboxAccount.accessToken}`,
      result: `account ${sandboxAccount.accountId}: the vendor's example contact (Sam Black) and 24 generated contacts`,
    },
    {
      input: `Bearer ${secondAccount.accessToken}`,
      result: `account ${secondAccount.accountId}: 5 generated contacts`,
    },
    {
      input: `Basic ${sandboxApp.clientId}:${sandboxApp.clientSecret} + X-Aurinko-Account-Id`,
      result: 'the app: reaches the account named in the header',
    },
    { input: 'a seeded account with tokenDead: true', result: '401 token.dead' },
  ],
  examples: [
    {
      title: 'Start a sync, ready at once (awaitReady)',
      command: `curl -X POST -H 'Authorization: Bearer ${sandboxAccount.accessToken}' '{baseUrl}/v1/contacts/sync?awaitReady=true'`,
    },
    {
      title: 'List contacts',
      command: `curl -H 'Authorization: Bearer ${sandboxAccount.accessToken}' '{baseUrl}/v1/contacts?limit=5'`,
    },
    {
      title: 'Create a contact',
      command: `curl -H 'Authorization: Bearer ${sandboxAccount.accessToken}' -H 'Content-Type: application/json' -d '{"name":{"givenName":"Ann","familyName":"Lee"}}' '{baseUrl}/v1/contacts'`,
    },
  ],
  referenceAuth: { AccountToken: { token: sandboxAccount.accessToken } },
  fidelity: aurinkoFidelity,
})

export { AccountStore } from './accounts.js'
export type { Contact, ContactFields } from './contact-fields.js'
export { errorCodes } from './errors.js'
export { contactGenerator, documentedContact, maxGeneratedContacts } from './fixtures.js'
export type { IfMatchPolicy } from './route-env.js'
export type { AurinkoSeed, ProviderEdits, SeedAccount } from './seed-schema.js'
export type { ProviderEditResult } from './state.js'
export { defaultSyncTiming, type SyncTiming } from './sync.js'
export { type AccountConfig, type AurinkoApp, sandboxAccount, sandboxApp, secondAccount } from './tenants.js'
