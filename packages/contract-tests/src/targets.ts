import { type Simulator, type VendorName, vendors } from '@contactkit/mocks'
import { serve } from '@contactkit/mocks/node'

/** Something a vendor's contract suite runs against: the simulator, or the vendor's real API. */
export interface TargetChoice<T> {
  name: 'simulator' | 'real'
  /** Why this target does not run, printed by the suite; undefined when it runs. */
  skipReason?: string
  start(): Promise<T>
}

/** How one vendor reaches its two targets. */
export interface VendorTargets<T> {
  simulator(): Promise<T>
  /** The real API, given the values of the vendor's credential variables and its base URL. */
  real(env: { baseUrl: string; credentials: Record<string, string> }): Promise<T>
}

/**
 * The targets of one vendor's contract suite: the simulator always, served over HTTP on an
 * ephemeral port; the real API when every credential variable the vendor registers is set (its
 * base URL variable overrides where that is). `CONTACTKIT_TARGETS=real` runs only the real target
 * (CI points it at a separately started simulator).
 *
 * @example
 * for (const choice of targetChoices('cloudsponge', { simulator: startSimulator, real: startReal })) { … }
 */
export function targetChoices<T>(vendorName: VendorName, targets: VendorTargets<T>): TargetChoice<T>[] {
  const vendor = vendors.find((candidate) => candidate.name === vendorName)
  if (!vendor) {
    throw new Error(`There is no vendor ${vendorName} in the registry.`)
  }
  const env = process.env
  const variables = vendor.credentials.flatMap((credential) => (credential.env ? [credential.env] : []))
  const missing = variables.filter((name) => !env[name])
  const only = env.CONTACTKIT_TARGETS?.split(',').map((name) => name.trim())
  const choices: TargetChoice<T>[] = [
    { name: 'simulator', start: () => targets.simulator() },
    {
      name: 'real',
      skipReason:
        missing.length > 0
          ? `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set, so the real ${vendor.title} API is not called.`
          : undefined,
      start: () =>
        targets.real({
          baseUrl: env[vendor.baseUrlEnv] ?? vendor.baseUrl,
          credentials: Object.fromEntries(variables.map((name) => [name, env[name] ?? ''])),
        }),
    },
  ]
  return choices.map((choice) =>
    only && !only.includes(choice.name)
      ? { ...choice, skipReason: `CONTACTKIT_TARGETS=${only.join(',')} leaves out the ${choice.name} target.` }
      : choice,
  )
}

/** What every simulator target has: its name, its URL, the simulator itself and how to stop it. */
export interface ServedSimulator<S extends Simulator> {
  name: 'simulator'
  baseUrl: string
  simulator: S
  close(): Promise<void>
}

/**
 * Serves a simulator over HTTP on an ephemeral port, as the simulator target's common fields.
 *
 * @example
 * async simulator() {
 *   const served = await servedSimulator(createAurinkoSimulator({ clock: manualClock() }))
 *   return { ...served, accessToken: sandboxAccount.accessToken }
 * }
 */
export async function servedSimulator<S extends Simulator>(simulator: S): Promise<ServedSimulator<S>> {
  const server = await serve(simulator)
  return { name: 'simulator', baseUrl: server.url, simulator, close: () => server.close() }
}
