import type { Simulator, SimulatorOptions } from './simulator.js'

/** A credential the CLI prints, and the environment variable a contract target reads it from. */
export interface VendorCredential {
  /** What it is, in the vendor's words: "domain key", "token key", "account token". */
  label: string
  value: string
  /** The environment variable the contract suite's real target reads, e.g. `CLOUDSPONGE_DOMAIN_KEY`. */
  env?: string
}

/** A curl command the dashboard shows with a copy button; `{baseUrl}` stands for the simulator's URL. */
export interface VendorExample {
  /** What it does, in a few words: "Begin an import". */
  title: string
  /** The command, working as written once `{baseUrl}` is replaced. */
  command: string
}

/** A documented account or input and what it does, for the dashboard's table of magic accounts. */
export interface VendorMagicAccount {
  /** What to send: "username foo, password bar". */
  input: string
  /** What happens: "the documented address book". */
  result: string
}

/**
 * Credentials the API reference fills in for "try it", by security scheme name of the spec:
 * `{ basicAuth: { username, password } }`, `{ AccountToken: { token } }`, `{ apiKey: { value } }`.
 */
export type VendorReferenceAuth = Record<
  string,
  { username?: string; password?: string; token?: string; value?: string }
>

/**
 * Everything the rest of contactkit needs to know about one vendor's simulator: the CLI, the
 * simulator set, MSW base URLs and the real-target script all read this, so a new vendor is a
 * folder plus one entry in `vendors.ts`.
 */
export interface VendorRegistration<S extends Simulator = Simulator, O extends SimulatorOptions = SimulatorOptions> {
  /** Lower-case id: the subpath (`@contactkit/mocks/<name>`), the CLI flag prefix, the env prefix. */
  name: string
  /** As the vendor writes its name. */
  title: string
  /** Port the CLI uses unless told otherwise. */
  defaultPort: number
  /** Where the real API lives; MSW intercepts requests under it. */
  baseUrl: string
  /** The environment variable that points the contract suite's real target elsewhere, e.g. `CLOUDSPONGE_BASE_URL`. */
  baseUrlEnv: string
  /**
   * Whether `@contactkit/clients` has a client for it, at `@contactkit/clients/<name>`. Default true;
   * false for an API that is only ever called from another vendor's flow (S3's presigned POST,
   * which the Omnigage client sends).
   */
  client?: boolean
  create(options: O): S
  /** The documented credentials, printed by the CLI. */
  credentials: VendorCredential[]
  /** A line or two on how to try it, printed by the CLI. */
  hints?: string[]
  /** Curl commands the dashboard shows, each with a copy button. */
  examples?: VendorExample[]
  /** Magic accounts and inputs the dashboard lists. */
  magicAccounts?: VendorMagicAccount[]
  /** The documented credentials the API reference fills in for "try it". */
  referenceAuth?: VendorReferenceAuth
}

/**
 * What a simulator knows of its own registry entry: everything but how to create it. The dashboard
 * and the admin pages describe the vendor from it.
 */
export type VendorProfile = Omit<VendorRegistration, 'create' | 'baseUrlEnv'>

/**
 * Declares a vendor; only a typed identity, so that `create` keeps the vendor's own types.
 *
 * @example
 * export const cloudspongeVendor = defineVendor({ name: 'cloudsponge', title: 'CloudSponge', defaultPort: 4010, … })
 */
export function defineVendor<N extends string, S extends Simulator, O extends SimulatorOptions>(
  registration: VendorRegistration<S, O> & { name: N },
): VendorRegistration<S, O> & { name: N } {
  if (!/^[a-z][a-z0-9]*$/.test(registration.name)) {
    throw new RangeError(`Failed to register vendor "${registration.name}": use lower-case letters and digits only.`)
  }
  return registration
}
