import { http, type RequestHandler } from 'msw'
import type { Simulator } from './core/simulator.js'

export interface MswHandlerOptions {
  /**
   * The base URL the code under test calls, e.g. `https://api.cloudsponge.com`. Requests under it
   * go to the simulator with the base path removed; the origin is kept, so URLs the simulator
   * writes (consent pages) point back at the same base.
   */
  baseUrl: string
}

/** Where each vendor's real API lives, for `createMswHandlers(sim, { baseUrl: vendorBaseUrls.cloudsponge })`. */
export const vendorBaseUrls = {
  cloudsponge: 'https://api.cloudsponge.com',
} as const

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
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer(),
      }
      return simulator.app.fetch(new Request(url, init))
    }),
  ]
}
