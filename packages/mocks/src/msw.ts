import { http, type RequestHandler } from 'msw'
import type { Simulator } from './core/simulator.js'
import type { SimulatorSet } from './core/simulator-set.js'
import { type VendorName, vendors } from './vendors.js'

export interface MswHandlerOptions {
  /**
   * The base URL the code under test calls, e.g. `https://api.cloudsponge.com`. Requests under it
   * go to the simulator with the base path removed; the origin is kept, so URLs the simulator
   * writes (consent pages) point back at the same base.
   */
  baseUrl: string
}

/** Where each vendor's real API lives, from the vendor registry: `{ cloudsponge: 'https://api.cloudsponge.com', … }`. */
export const vendorBaseUrls = Object.fromEntries(vendors.map((vendor) => [vendor.name, vendor.baseUrl])) as Readonly<
  Record<VendorName, string>
>

/**
 * MSW handlers that hand every request under `baseUrl` to a simulator's `app.fetch`. No behaviour
 * lives here: the same app serves HTTP, in-process calls and MSW.
 *
 * @example
 * const sim = createCloudSpongeSimulator()
 * const server = setupServer(...createMswHandlers(sim, { baseUrl: vendorBaseUrls.cloudsponge }))
 * server.listen()
 */
export function createMswHandlers(simulator: Simulator, options: MswHandlerOptions): RequestHandler[] {
  const base = new URL(options.baseUrl)
  const basePath = base.pathname.replace(/\/$/, '')
  return [
    http.all(`${base.origin}${basePath}/*`, async ({ request }) => {
      if (!basePath) {
        return simulator.app.fetch(request)
      }
      const url = new URL(request.url)
      url.pathname = url.pathname.slice(basePath.length) || '/'
      const init: RequestInit & { duplex?: 'half' } = {
        method: request.method,
        headers: request.headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
        duplex: 'half',
      }
      return simulator.app.fetch(new Request(url, init))
    }),
  ]
}

/**
 * Handlers for a whole simulator set, each vendor at its real base URL (or one given here), and
 * tells the set that is where each lives, so links between simulators go through MSW too.
 *
 * @example
 * const set = createSimulators({ clock: manualClock() })
 * const server = setupServer(...createSetHandlers(set))
 */
export function createSetHandlers(set: SimulatorSet, baseUrls: Record<string, string> = {}): RequestHandler[] {
  return set.simulators.flatMap((simulator) => {
    const baseUrl = baseUrls[simulator.name] ?? (vendorBaseUrls as Record<string, string>)[simulator.name]
    if (!baseUrl) {
      throw new RangeError(`Failed to create MSW handlers: no base URL for ${simulator.name}; pass one in baseUrls.`)
    }
    set.setUrl(simulator.name, baseUrl)
    return createMswHandlers(simulator, { baseUrl })
  })
}
