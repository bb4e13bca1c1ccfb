import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CliRuns } from '../core/testing/cli-runs.js'
import { readHar } from '../recording/testing/servers.js'

const runs = new CliRuns()
const servers: Server[] = []

afterEach(() => {
  runs.killAll()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

// A recording given where the secrets file belongs: refused, never overwritten.
const notSecrets = join(mkdtempSync(join(tmpdir(), 'contactkit-record-cli-')), 'flow.har')
writeFileSync(notSecrets, '{"log":{"entries":[]}}\n', { mode: 0o600 })

/** `contactkit-mocks record …` as a user starts it. */
function record(args: string[], cwd?: string) {
  return runs.start(['record', ...args], cwd === undefined ? {} : { cwd })
}

/** An Aurinko-like upstream: a contact list at once, and `/v1/contacts/slow` that never answers. */
async function upstream(): Promise<{ url: string; slowArrived: Promise<IncomingMessage> }> {
  let arrived: (request: IncomingMessage) => void = () => {}
  const slowArrived = new Promise<IncomingMessage>((resolve) => {
    arrived = resolve
  })
  const server = createServer((request, response) => {
    if (request.url === '/v1/contacts/slow') {
      arrived(request)
      return
    }
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end('{"records":[],"totalSize":0}')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, slowArrived }
}

describe('contactkit-mocks record', { timeout: 30_000 }, () => {
  it('prints its URL and recording, and leaves a valid HAR when stopped by SIGTERM mid-flow', async () => {
    const { url, slowArrived } = await upstream()
    const directory = mkdtempSync(join(tmpdir(), 'contactkit-record-cli-'))
    const har = join(directory, 'flow.har')
    const run = record(['aurinko', '--upstream', url, '--port', '0', '--har', har])
    const [, proxyUrl] = await run.waitFor(/^recording\s+(http:\/\/\S+)/m)
    await run.waitFor(new RegExp(`^har\\s+${har.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'))
    const headers = { Authorization: 'Bearer cli-secret-token-123' }
    for (const limit of [1, 2]) {
      const response = await fetch(`${proxyUrl}/v1/contacts?limit=${limit}`, { headers })
      expect(response.status).toBe(200)
      await response.arrayBuffer()
    }
    const inFlight = fetch(`${proxyUrl}/v1/contacts/slow`, { headers }).then(
      () => 'answered',
      () => 'cut off',
    )
    await slowArrived
    run.child.kill('SIGTERM')
    const code = await run.exited()
    expect(code).toBe(0)
    expect(await inFlight).toBe('cut off')
    expect(run.output()).toContain(`recorded 2 exchange(s) to ${har}`)
    const entries = readHar(har).log.entries
    expect(entries.map((entry) => entry.request.url)).toEqual([
      `${url}/v1/contacts?limit=1`,
      `${url}/v1/contacts?limit=2`,
    ])
    expect(JSON.stringify(entries)).not.toContain('cli-secret-token-123')
  })

  it('writes to recordings/<vendor>-<timestamp>.har by default', async () => {
    const { url } = await upstream()
    const directory = mkdtempSync(join(tmpdir(), 'contactkit-record-cli-'))
    const run = record(['aurinko', '--upstream', url, '--port', '0'], directory)
    const path = (await run.waitFor(/^har\s+(\S+)$/m))[1] ?? ''
    expect(path).toMatch(/^recordings\/aurinko-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.har$/)
    run.child.kill('SIGINT')
    expect(await run.exited(), run.output()).toBe(0)
    expect(readdirSync(join(directory, 'recordings'))).toEqual([path.slice('recordings/'.length)])
    expect(readHar(join(directory, path)).log.entries).toEqual([])
  })

  it.each([
    [[], 'Name one vendor to record'],
    [
      ['nobody', '--upstream', 'http://127.0.0.1:1'],
      'Unknown vendor nobody; choose from cloudsponge, aurinko, omnigage, s3.',
    ],
    [['aurinko'], 'Give the URL to forward to with --upstream, e.g. --upstream https://api.aurinko.io.'],
    [['aurinko', '--upstream', 'ftp://x'], 'The upstream must be an http(s) URL'],
    [
      ['aurinko', '--upstream', 'http://127.0.0.1:1', '--port', '70000'],
      '--port must be a whole number from 0 to 65535',
    ],
    [
      ['aurinko', '--upstream', 'http://127.0.0.1:1', '--secrets', notSecrets],
      `${notSecrets} is not a secrets file of contactkit-mocks record; give a new path`,
    ],
  ])('rejects %j with exit 2 and a sentence', async (args, message) => {
    const run = record(args)
    const code = await run.exited()
    expect(code).toBe(2)
    expect(run.output()).toContain(message)
    expect(readFileSync(notSecrets, 'utf8')).toBe('{"log":{"entries":[]}}\n')
  })
})
