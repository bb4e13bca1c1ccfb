import type { AddressInfo } from 'node:net'
import { serve as serveNode } from '@hono/node-server'
import type { Simulator } from './simulator.js'

export interface ServeOptions {
  /** 0 picks a free port. Default 0. */
  port?: number
  /** Default 127.0.0.1. */
  hostname?: string
}

/** A simulator listening on a real port. */
export interface RunningServer {
  url: string
  port: number
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>
}

/**
 * Serves a simulator over HTTP with `@hono/node-server`.
 *
 * @example
 * const server = await serve(createCloudSpongeSimulator(), { port: 4010 })
 * console.log(server.url) // http://127.0.0.1:4010
 * await server.close()
 */
export function serve(simulator: Simulator, options: ServeOptions = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1'
  if (!isLoopback(hostname) && !simulator.adminToken) {
    return Promise.reject(
      new Error(
        `Refusing to serve ${simulator.name} on ${hostname} without an admin token: anyone on the network could reset it or read its journal. Create it with { adminToken } or listen on 127.0.0.1`,
      ),
    )
  }
  return new Promise((resolve, reject) => {
    const server = serveNode({ fetch: simulator.app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      const host = hostname.includes(':') ? `[${hostname}]` : hostname
      let closing: Promise<void> | undefined
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`,
        port: info.port,
        // Closing twice is harmless: the second call waits for the first.
        close: () => {
          closing ??= new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            if ('closeAllConnections' in server) {
              server.closeAllConnections()
            }
          })
          return closing
        },
      })
    })
    server.once('error', reject)
  })
}

/**
 * Whether a host name only reaches this machine.
 *
 * @example
 * isLoopback('127.0.0.1') // true
 * isLoopback('0.0.0.0') // false: every interface
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}
