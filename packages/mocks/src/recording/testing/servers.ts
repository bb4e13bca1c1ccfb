import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Har } from 'har-format'
import { manualClock } from '../../core/clock.js'
import { type RunningServer, serve } from '../../core/serve.js'
import type { Simulator } from '../../core/simulator.js'
import { createSimulatorSet, type SimulatorSetOptions } from '../../core/simulator-set.js'
import { vendors } from '../../vendors.js'
import { type RecordingProxy, type RecordingProxyOptions, startRecordingProxy } from '../proxy.js'
import { harProblems } from './har-schema.js'

/** Servers and proxies a test starts, closed by `closeAll()` in its `afterEach`. */
export class Started {
  readonly #closers: (() => Promise<void>)[] = []
  readonly directory = mkdtempSync(join(tmpdir(), 'contactkit-record-'))
  readonly logs: string[] = []
  #files = 0

  async serve(simulator: Simulator): Promise<RunningServer> {
    const server = await serve(simulator, { port: 0 })
    this.#closers.push(() => server.close())
    return server
  }

  /**
   * A simulator set served on port 0, each simulator at its own URL (which the set knows, so
   * Omnigage's upload form points at the S3 simulator), on a manual clock: the upstream of a flow.
   */
  async simulatorSet(only: string[], options: SimulatorSetOptions = {}) {
    const set = createSimulatorSet(vendors, { clock: manualClock('2026-03-02T10:00:00Z'), only, ...options })
    const urls: Record<string, string> = {}
    for (const name of only) {
      const server = await this.serve(set.get(name))
      set.setUrl(name, server.url)
      urls[name] = server.url
    }
    return { set, urls }
  }

  /** A plain node:http server that answers as the test says: an upstream that breaks the spec on purpose. */
  async upstream(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close(): Promise<void> }> {
    const server: Server = createServer(handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    this.#closers.push(close)
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close }
  }

  async proxy(vendor: string, upstream: string, options: Partial<RecordingProxyOptions> = {}): Promise<RecordingProxy> {
    const proxy = await startRecordingProxy({
      vendor,
      upstream,
      port: 0,
      har: join(this.directory, `${vendor}-${++this.#files}.har`),
      log: (line) => this.logs.push(line),
      ...options,
    })
    this.#closers.push(() => proxy.close())
    return proxy
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#closers.splice(0).map((close) => close()))
    this.logs.length = 0
  }
}

/**
 * A recording read back: it must be a valid HAR 1.2 document, whatever state the proxy was left in.
 *
 * @example
 * const har = readHar(proxy.harPath)
 */
export function readHar(path: string): Har {
  const har = JSON.parse(readFileSync(path, 'utf8'))
  const problems = harProblems(har)
  if (problems.length > 0) {
    throw new Error(`${path} is not a valid HAR 1.2 document: ${problems.join('; ')}`)
  }
  return har
}

// Headers that describe the connection or the moment, not the answer.
const perConnection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/**
 * An answer reduced to what the proxy must pass on unchanged: status, headers (less the
 * connection's own and the proxy's violations header) and the body's bytes.
 *
 * @example
 * expect(await wire(viaProxy)).toEqual(await wire(direct))
 */
export async function wire(response: Response): Promise<{ status: number; headers: [string, string][]; body: Buffer }> {
  const headers = [...response.headers].filter(
    ([name]) => !perConnection.has(name) && name !== 'x-contactkit-violations',
  )
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) }
}
