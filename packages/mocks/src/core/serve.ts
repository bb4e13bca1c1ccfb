import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { getAsset, isSea } from 'node:sea'
import { serve as serveNode } from '@hono/node-server'
import { referenceBundlePath } from './dashboard/reference-page.js'
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
    // The URL is parsed only when it may name the bundle: every request passes here.
    const fetch = (request: Request, env: unknown) =>
      request.url.includes(referenceBundlePath) && new URL(request.url).pathname === referenceBundlePath
        ? referenceBundle()
        : simulator.app.fetch(request, env as never)
    listen(fetch, options, resolve, reject)
  })
}

/**
 * Serves any web-standard `fetch` handler on 127.0.0.1 (or the given host), as `serve()` does a
 * simulator: the CLI serves the set's index page with it.
 *
 * @example
 * const index = await serveFetch(createSetIndexApp(set, { registrations: vendors }).fetch, { port: 4000 })
 */
export function serveFetch(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  options: ServeOptions = {},
): Promise<RunningServer> {
  return new Promise((resolve, reject) => listen(fetch, options, resolve, reject))
}

function listen(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  options: ServeOptions,
  resolve: (server: RunningServer) => void,
  reject: (error: unknown) => void,
): void {
  const hostname = options.hostname ?? '127.0.0.1'
  const server = serveNode({ fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
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

let bundle: Promise<Uint8Array> | undefined

/** The key of Scalar's bundle among the standalone executable's assets (scripts/build-binary.mjs puts it there). */
const referenceBundleAsset = 'scalar-api-reference-standalone.js'

/**
 * Scalar's standalone bundle for the API reference page, read once from the installed
 * `@scalar/api-reference` package, or from the standalone executable's own assets when it runs as
 * one (no package sits beside it): the only file a simulator serves from outside its code, so it
 * is served here, by the Node server, and not by the web-standard app.
 */
async function referenceBundle(): Promise<Response> {
  try {
    bundle ??= isSea()
      ? Promise.resolve(new Uint8Array(getAsset(referenceBundleAsset)))
      : readFile(createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js'))
    const bytes = await bundle
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
    })
  } catch (error) {
    bundle = undefined
    return new Response(
      `// The API reference bundle is missing: install @scalar/api-reference next to @contactkit/mocks (${(error as Error).message}).`,
      { status: 404, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
    )
  }
}
