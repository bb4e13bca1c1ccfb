import { omnigageDocument } from '@contactkit/specs/omnigage'
import { defineVendor } from '../core/registry.js'
import { createSimulator, type Simulator, type SimulatorOptions } from '../core/simulator.js'
import { resolveOptions } from '../core/simulator-options.js'
import { createS3Simulator, type S3Simulator, s3SimulatorOf } from '../s3/index.js'
import { AccountStore } from './accounts.js'
import { omnigageError } from './errors.js'
import { IdSource } from './ids.js'
import { defaultImportTiming, type ImportTiming } from './imports.js'
import { omnigageRoutes } from './routes.js'
import { createOmnigageState } from './state.js'
import { type OmnigageTenant, sandboxTenant, secondTenant } from './tenants.js'

export interface OmnigageSimulatorOptions extends SimulatorOptions {
  /** API tokens and their accounts. Default: the sandbox token (`firstbank`) and a second account. */
  tenants?: OmnigageTenant[]
  /** How long imports stay queued and processing; each defaults to `defaultImportTiming`. */
  timing?: Partial<ImportTiming>
  /**
   * The S3 simulator upload forms point at. Default: the S3 simulator of the same set, else one of
   * its own (`sim.s3`) on the same clock, which you serve too.
   */
  s3?: S3Simulator
}

/** An Omnigage simulator: the shared controls plus its accounts and the S3 simulator it reads uploads from. */
export interface OmnigageSimulator extends Simulator {
  readonly accounts: AccountStore
  /** The S3 simulator the upload forms point at. */
  readonly s3: S3Simulator
}

/**
 * Creates a stateful Omnigage contact-import simulator. Upload forms point at the S3 simulator of
 * the same set (`createSimulators()`, the CLI); imports move queued → processing → completed on
 * the simulator clock. Serve `app` with `serve()`, call it in-process with `app.request()`, or
 * hand it to MSW with `createMswHandlers()`.
 *
 * @example
 * const sim = createOmnigageSimulator({ clock: manualClock() })
 * const auth = { Authorization: `Basic ${btoa('omnigage-sandbox-key:omnigage-sandbox-secret')}` }
 * const upload = await sim.app.request('/api/v1/uploads', { method: 'POST', headers: auth, body: '{"name":"a.csv","type":"text/csv","size":10}' })
 * // POST the file to S3 with the form, create the import, then sim.clock.advance(5_000)
 */
export function createOmnigageSimulator(options: OmnigageSimulatorOptions = {}): OmnigageSimulator {
  const resolved = resolveOptions(options)
  const { clock } = resolved
  const timing = { ...defaultImportTiming, ...options.timing }
  for (const [name, value] of Object.entries(timing)) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`Failed to create the Omnigage simulator: timing.${name} must be 0 or more, not ${value}.`)
    }
  }
  const ids = new IdSource(resolved.randomSeed)
  const accounts = new AccountStore(options.tenants ?? [sandboxTenant, secondTenant], ids)
  let ownS3: S3Simulator | undefined
  // Looked up when needed: in a set, the S3 simulator may be built after this one.
  const s3 = (): S3Simulator => {
    const shared = options.s3 ?? s3SimulatorOf(options.peers)
    if (shared) {
      return shared
    }
    ownS3 ??= createS3Simulator({ clock, randomSeed: resolved.randomSeed })
    return ownS3
  }
  const state = createOmnigageState({ accounts, ids, now: () => clock.now() })
  const simulator = createSimulator(
    {
      name: 'omnigage',
      document: omnigageDocument,
      registration: omnigageVendor,
      routes: omnigageRoutes({
        document: omnigageDocument,
        clock,
        accounts,
        ids,
        timing,
        s3,
        publicUrl: options.publicUrl,
      }),
      state: {
        ...state,
        reset() {
          state.reset()
          ids.reset()
        },
      },
      errorResponse: omnigageError,
    },
    resolved,
  )
  return Object.assign(simulator, {
    accounts,
    get s3() {
      return s3()
    },
  })
}

/** The Omnigage entry of the vendor registry: what the CLI, the simulator set and MSW read. */
export const omnigageVendor = defineVendor({
  name: 'omnigage',
  title: 'Omnigage',
  defaultPort: 4030,
  baseUrl: 'https://api.omnigage.io',
  baseUrlEnv: 'OMNIGAGE_BASE_URL',
  create: createOmnigageSimulator,
  credentials: [
    { label: 'token key', value: sandboxTenant.tokenKey, env: 'OMNIGAGE_TOKEN_KEY' },
    { label: 'token secret', value: sandboxTenant.tokenSecret, env: 'OMNIGAGE_TOKEN_SECRET' },
    { label: 'account key', value: sandboxTenant.accountKey, env: 'OMNIGAGE_ACCOUNT_KEY' },
  ],
  hints: [
    'upload forms point at the S3 simulator of the same set; post the file there, then POST /api/v1/import-contacts',
  ],
  magicAccounts: [
    {
      input: `Basic ${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret}`,
      result: `account ${sandboxTenant.accountKey} (X-Account-Key optional)`,
    },
    {
      input: `Basic ${secondTenant.tokenKey}:${secondTenant.tokenSecret}`,
      result: `account ${secondTenant.accountKey}: sees none of ${sandboxTenant.accountKey}'s data`,
    },
    { input: 'X-Account-Key of another account', result: '403' },
  ],
  examples: [
    {
      title: 'Create an upload (the S3 form for a file)',
      command: `curl -u ${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret} -H 'X-Account-Key: ${sandboxTenant.accountKey}' -H 'Content-Type: application/json' -d '{"name":"contacts.csv","type":"text/csv","size":120}' '{baseUrl}/api/v1/uploads'`,
    },
    {
      title: 'List contacts',
      command: `curl -g -u ${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret} '{baseUrl}/api/v1/contacts?page[limit]=5'`,
    },
  ],
  referenceAuth: { TokenAuth: { username: sandboxTenant.tokenKey, password: sandboxTenant.tokenSecret } },
})

export { AccountStore } from './accounts.js'
export type { ContactFilters, ContactValues, StoredContact } from './contacts.js'
export { omnigageError, validationCode } from './errors.js'
export { defaultImportTiming, type ImportTiming } from './imports.js'
export type { OmnigageSeed, SeedContact } from './state.js'
export { type OmnigageTenant, sandboxTenant, secondTenant } from './tenants.js'
export { maxUploadBytes } from './uploads.js'
