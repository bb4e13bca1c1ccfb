import type { VendorProfile } from '../registry.js'
import type { PeerLink, Simulator } from '../simulator.js'

/** What the dashboard shows about a vendor beyond its live state: the registry entry's descriptive part. */
export type DashboardProfile = Pick<
  VendorProfile,
  'title' | 'baseUrl' | 'credentials' | 'hints' | 'examples' | 'magicAccounts' | 'referenceAuth'
>

/** Another simulator of the same set, linked from the dashboard's header. */
export type DashboardPeer = PeerLink

/**
 * The profile a dashboard shows: the simulator's registry entry (title, credentials, curl
 * examples, magic accounts), else its name alone for a vendor outside the registry.
 *
 * @example
 * profileOf(simulator).title // 'CloudSponge'
 */
export function profileOf(simulator: Simulator): DashboardProfile {
  return simulator.registration ?? { title: simulator.name, baseUrl: '', credentials: [] }
}

/**
 * The simulators of the same set (itself included), or none for a simulator created alone.
 *
 * @example
 * peersOf(simulator).map((peer) => peer.url)
 */
export function peersOf(simulator: Simulator): DashboardPeer[] {
  return simulator.peers?.list?.() ?? []
}

/**
 * The URL of the index page of the simulator's set, once one is served; undefined otherwise.
 *
 * @example
 * indexUrlOf(set.get('cloudsponge')) // 'http://127.0.0.1:4000/'
 */
export function indexUrlOf(simulator: Simulator): string | undefined {
  return simulator.peers?.indexUrl?.()
}
