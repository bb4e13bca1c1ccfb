import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
import { type Clock, systemClock } from '../core/clock.js'
import { seededRandom } from '../core/random.js'
import { defineVendor } from '../core/registry.js'
import { createSimulator, type Simulator, type SimulatorOptions } from '../core/simulator.js'
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
  const clock: Clock = options.clock ?? systemClock()
  const timing = { ...defaultTiming, ...options.timing }
  const store = new ImportStore(clock, timing, seededRandom(options.randomSeed ?? 1))
  const state = createCloudSpongeState(store, options.tenants ?? [documentedTenant, secondTenant])
  const simulator = createSimulator(
    {
      name: 'cloudsponge',
      document: cloudspongeDocument,
      clock,
      routes: cloudspongeRoutes({
        document: cloudspongeDocument,
        store,
        tenants: state.tenants,
        publicUrl: options.publicUrl,
      }),
      state,
      errorResponse: cloudspongeError,
    },
    options,
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
})

export { documentedBook, maxGeneratedContacts } from './address-books.js'
export type { ImportTiming } from './imports.js'
export { defaultTiming, errorCodes, firstImportId } from './imports.js'
export { documentedTenant, secondTenant, type Tenant } from './tenants.js'
