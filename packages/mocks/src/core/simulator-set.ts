import { type Clock, systemClock } from './clock.js'
import type { VendorRegistration } from './registry.js'
import type { Peers, Simulator, SimulatorOptions } from './simulator.js'

/** Options for a set of simulators that share one process and one clock. */
export interface SimulatorSetOptions {
  /** The one clock of every simulator in the set. Default `systemClock()`. */
  clock?: Clock
  /** Only these vendors (by name). Default: every registered vendor. */
  only?: string[]
  /**
   * Public origins by vendor, for simulators behind a proxy: consent pages, upload forms and
   * redirects point there. Otherwise a simulator uses the URL it is served at (`setUrl`) or the
   * request's own origin.
   */
  publicUrls?: Record<string, string>
  /** Options every simulator gets (seed, journal, body limit, admin token). */
  shared?: Omit<SimulatorOptions, 'clock' | 'publicUrl' | 'peers' | 'registration'>
  /** Each vendor's own options, by name, e.g. `{ cloudsponge: { timing: { gatherMs: 500 } } }`. */
  vendors?: Record<string, object>
}

/** Simulators in one process on one clock, each knowing where the others are. */
export interface SimulatorSet {
  readonly clock: Clock
  readonly simulators: readonly Simulator[]
  /** The simulator of a vendor; throws a sentence naming the vendors there are when it is not in the set. */
  get(name: string): Simulator
  /** Where a vendor's simulator can be reached: its public URL, the URL it is served at, or its default port. */
  urlOf(name: string): string
  /** Records where a simulator is served (the CLI and MSW call this). */
  setUrl(name: string, url: string): void
  /** Where the set's index page is served (the CLI sets it): every dashboard links back to it. */
  setIndexUrl(url: string): void
  /** Resets every simulator; the shared clock keeps its time. */
  reset(): void
}

/**
 * Builds the simulators of the given vendors on one shared clock: moving it through any
 * simulator's `/__admin/clock` (or in-process) moves it for all of them, and each simulator can
 * ask where the others are (Omnigage's upload form points at the S3 simulator).
 *
 * @example
 * const set = createSimulatorSet(vendors, { clock: manualClock() })
 * set.get('cloudsponge').app.request('/__admin/clock')
 */
export function createSimulatorSet(registrations: readonly VendorRegistration[], options: SimulatorSetOptions = {}) {
  const known = registrations.map((registration) => registration.name)
  const unknown = [
    ...(options.only ?? []),
    ...Object.keys(options.publicUrls ?? {}),
    ...Object.keys(options.vendors ?? {}),
  ].filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new RangeError(
      `Failed to create the simulators: there is no vendor ${unknown.join(', ')}; choose from ${known.join(', ')}.`,
    )
  }
  const clock = options.clock ?? systemClock()
  const chosen = registrations.filter((registration) => !options.only || options.only.includes(registration.name))
  const servedUrls = new Map<string, string>()
  const urlOf = (name: string): string => {
    const registration = registrations.find((candidate) => candidate.name === name)
    if (!registration) {
      throw new RangeError(`There is no vendor ${name}; choose from ${known.join(', ')}.`)
    }
    const url = options.publicUrls?.[name] ?? servedUrls.get(name) ?? `http://127.0.0.1:${registration.defaultPort}`
    return url.replace(/\/$/, '')
  }
  // Filled once every simulator is built; peers look simulators up while handling requests.
  // Stryker disable next-line ArrayDeclaration: nothing looks a peer up before the set is built
  let built: readonly Simulator[] = []
  const simulatorOf = (name: string) => built.find((candidate) => candidate.name === name)
  let indexUrl: string | undefined
  const peers: Peers = {
    urlOf,
    simulator: simulatorOf,
    list: () =>
      chosen.map((registration) => ({
        name: registration.name,
        title: registration.title,
        url: urlOf(registration.name),
      })),
    indexUrl: () => indexUrl,
  }
  const simulators = chosen.map((registration) =>
    registration.create({
      ...options.shared,
      ...options.vendors?.[registration.name],
      clock,
      publicUrl: options.publicUrls?.[registration.name],
      peers,
      registration,
    }),
  )
  built = simulators
  const set: SimulatorSet = {
    clock,
    simulators,
    get(name) {
      const simulator = simulators.find((candidate) => candidate.name === name)
      if (!simulator) {
        throw new RangeError(
          `There is no ${name} simulator in this set; it has ${simulators.map((candidate) => candidate.name).join(', ')}.`,
        )
      }
      return simulator
    },
    urlOf,
    setUrl(name, url) {
      servedUrls.set(name, url)
    },
    setIndexUrl(url) {
      indexUrl = url
    },
    reset() {
      for (const simulator of simulators) {
        simulator.reset()
      }
    },
  }
  return set
}
