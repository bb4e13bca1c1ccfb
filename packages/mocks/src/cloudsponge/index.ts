import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
import { seededRandom } from '../core/random.js'
import { defineVendor } from '../core/registry.js'
import { createSimulator, type Simulator, type SimulatorOptions } from '../core/simulator.js'
import { resolveOptions } from '../core/simulator-options.js'
import { cloudspongeError } from './errors.js'
import { defaultTiming, ImportStore, type ImportStore as ImportStoreType, type ImportTiming } from './imports.js'
import { cloudspongeRoutes } from './routes.js'
import { createCloudSpongeState } from './state.js'
import { documentedTenant, secondTenant, type Tenant } from './tenants.js'

export interface CloudSpongeSimulatorOptions extends SimulatorOptions {
  /** Domains the simulator knows. Default: the documented domain and a second test domain. */
  tenants?: Tenant[]
  /** Step durations on the simulator clock; each defaults to a realistic value. */
  timing?: Partial<ImportTiming>
}

/** A CloudSponge simulator: the shared controls plus the user's side of consent. */
export interface CloudSpongeSimulator extends Simulator {
  readonly imports: ImportStoreType
  /** Answers a user_consent or desktop_applet import for the user, as the consent page does. */
  decide(importId: number, decision: 'approved' | 'denied', username?: string): void
}

/**
 * Creates a stateful CloudSponge simulator. Serve `app` with `serve()`, call it in-process with
 * `app.request()`, or hand it to MSW with `createMswHandlers()`.
 *
 * @example
 * const sim = createCloudSpongeSimulator({ clock: manualClock() })
 * const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }
 * await sim.app.request('/begin_import/import.json', { method: 'POST', headers: auth, body: new URLSearchParams({ service: 'icloud', username: 'foo', password: 'bar' }) })
 * sim.clock.advance(5_000)
 * await sim.app.request('/contacts/1126.json', { headers: auth })
 */
export function createCloudSpongeSimulator(options: CloudSpongeSimulatorOptions = {}): CloudSpongeSimulator {
  const resolved = resolveOptions(options)
  const timing = { ...defaultTiming, ...options.timing }
  const store = new ImportStore(resolved.clock, timing, seededRandom(resolved.randomSeed))
  const state = createCloudSpongeState(store, options.tenants ?? [documentedTenant, secondTenant])
  const simulator = createSimulator(
    {
      name: 'cloudsponge',
      document: cloudspongeDocument,
      registration: cloudspongeVendor,
      routes: cloudspongeRoutes({
        document: cloudspongeDocument,
        store,
        tenants: state.tenants,
        publicUrl: options.publicUrl,
      }),
      state,
      errorResponse: cloudspongeError,
    },
    resolved,
  )
  return Object.assign(simulator, {
    imports: store,
    decide(importId: number, decision: 'approved' | 'denied', username?: string) {
      state.decide(importId, decision, username)
    },
  })
}

/** The CloudSponge entry of the vendor registry: what the CLI, the simulator set and MSW read. */
export const cloudspongeVendor = defineVendor({
  name: 'cloudsponge',
  title: 'CloudSponge',
  defaultPort: 4010,
  baseUrl: 'https://api.cloudsponge.com',
  baseUrlEnv: 'CLOUDSPONGE_BASE_URL',
  create: createCloudSpongeSimulator,
  credentials: [
    { label: 'domain key', value: documentedTenant.domainKey, env: 'CLOUDSPONGE_DOMAIN_KEY' },
    { label: 'domain password', value: documentedTenant.domainPassword, env: 'CLOUDSPONGE_DOMAIN_PASSWORD' },
  ],
  hints: ['try: service=icloud username=foo password=bar (the documented account)'],
  magicAccounts: [
    {
      input: 'username foo, password bar',
      result: 'the documented address book: John Doe, Jane Smith (owner Joe Smith)',
    },
    { input: 'username foo, any other password', result: 'ERROR: the sign-in is rejected' },
    { input: 'username wrong-password', result: 'ERROR: the sign-in is rejected (event value 1)' },
    { input: 'username slow', result: '25 contacts, gathered over slowGatherMs (60 s)' },
    { input: 'username contacts-<N>', result: 'N generated contacts (0 to 1,000,000), the same every run' },
    { input: 'any other username', result: '25 generated contacts, the same for the same service and username' },
  ],
  examples: [
    {
      title: 'Begin an import of the documented account (icloud, foo/bar)',
      command: `curl -u '${documentedTenant.domainKey}:${documentedTenant.domainPassword}' -d service=icloud -d username=foo -d password=bar '{baseUrl}/begin_import/import.json'`,
    },
    {
      title: 'Its events (COMPLETE after 4 s on the clock: advance it below)',
      command: `curl -u '${documentedTenant.domainKey}:${documentedTenant.domainPassword}' '{baseUrl}/events/1126.json'`,
    },
    {
      title: 'Its contacts, once complete',
      command: `curl -u '${documentedTenant.domainKey}:${documentedTenant.domainPassword}' '{baseUrl}/contacts/1126.json'`,
    },
  ],
  referenceAuth: {
    basicAuth: { username: documentedTenant.domainKey, password: documentedTenant.domainPassword },
  },
})

export { documentedBook, maxGeneratedContacts } from './address-books.js'
export type { ImportTiming } from './imports.js'
export { defaultTiming, errorCodes, firstImportId } from './imports.js'
export { type RecordedShapeAccount, recordedShapeAccounts } from './recorded-shapes.js'
export { documentedTenant, secondTenant, type Tenant } from './tenants.js'
