import type { VendorRegistration } from '../registry.js'
import type { Simulator } from '../simulator.js'

/** What the dashboard shows about a vendor beyond its live state: the registry entry's descriptive part. */
export type DashboardProfile = Pick<
  VendorRegistration,
  'title' | 'baseUrl' | 'credentials' | 'hints' | 'examples' | 'magicAccounts' | 'referenceAuth'
>

/** Another simulator of the same set, linked from the dashboard's header. */
export interface DashboardPeer {
  name: string
  title: string
  url: string
}

const profiles = new WeakMap<Simulator, DashboardProfile>()
const setLinks = new WeakMap<Simulator, { peers: () => DashboardPeer[]; indexUrl: () => string | undefined }>()

/**
 * Tells the dashboard of a simulator how to describe its vendor (title, credentials, curl
 * examples, magic accounts). A simulator set does this for each of its simulators from the
 * registry; a simulator created alone shows its name and its live state only.
 *
 * @example
 * describeSimulator(simulator, cloudspongeVendor)
 */
export function describeSimulator(simulator: Simulator, profile: DashboardProfile): void {
  profiles.set(simulator, profile)
}

/**
 * Gives the dashboard of a simulator the other simulators of its set and the set's index page,
 * both read when a page is served (the index is known only once the CLI serves it).
 *
 * @example
 * linkPeers(simulator, () => set.simulators.map((peer) => ({ name: peer.name, title: peer.name, url: set.urlOf(peer.name) })))
 */
export function linkPeers(
  simulator: Simulator,
  peers: () => DashboardPeer[],
  indexUrl: () => string | undefined = () => undefined,
): void {
  setLinks.set(simulator, { peers, indexUrl })
}

/**
 * The profile a dashboard shows: the one given with `describeSimulator`, else the simulator's name.
 *
 * @example
 * profileOf(simulator).title // 'CloudSponge'
 */
export function profileOf(simulator: Simulator): DashboardProfile {
  return profiles.get(simulator) ?? { title: simulator.name, baseUrl: '', credentials: [] }
}

/**
 * The simulators of the same set (itself included), or none for a simulator created alone.
 *
 * @example
 * peersOf(simulator).map((peer) => peer.url)
 */
export function peersOf(simulator: Simulator): DashboardPeer[] {
  return setLinks.get(simulator)?.peers() ?? []
}

/**
 * The URL of the index page of the simulator's set, once one is served; undefined otherwise.
 *
 * @example
 * indexUrlOf(set.get('cloudsponge')) // 'http://127.0.0.1:4000/'
 */
export function indexUrlOf(simulator: Simulator): string | undefined {
  return setLinks.get(simulator)?.indexUrl()
}
