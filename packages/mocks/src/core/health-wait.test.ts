import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { healthUrlOf, waitForHealth } from './health-wait.js'

const servers: Server[] = []

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A server on a free port whose health answer is chosen per request; the URL it listens at. */
async function serverAnswering(status: (count: number) => number | 'hang'): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = []
  const server = createServer((request, response) => {
    asked.push(request.url ?? '')
    const answer = status(asked.length)
    if (answer !== 'hang') {
      response.writeHead(answer).end('{}')
    }
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked }
}

/** A port nothing listens on: one a server had a moment ago. */
async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

describe('waitForHealth', () => {
  it('asks each URL again until it answers 200, then is ready', async () => {
    const slow = await serverAnswering((count) => (count < 3 ? 503 : 200))
    const quick = await serverAnswering(() => 200)
    expect(await waitForHealth([`${slow.url}/`, quick.url], { timeoutMs: 10_000, intervalMs: 1 })).toEqual({
      ready: true,
    })
    expect(slow.asked).toEqual(['/__admin/health', '/__admin/health', '/__admin/health'])
    // A URL that answered is not asked again.
    expect(quick.asked).toEqual(['/__admin/health'])
  })

  it('gives up at the deadline, naming the URL and what it last said', async () => {
    const failing = await serverAnswering(() => 404)
    // Long enough for a loaded machine to answer at least once before the deadline.
    const result = await waitForHealth([failing.url], { timeoutMs: 2_000, intervalMs: 20 })
    expect(result).toEqual({
      ready: false,
      reason: `${failing.url}/__admin/health did not answer 200 within 2 s (last: HTTP 404); is contactkit-mocks running there?`,
    })
  })

  it('says the connection was refused, and how many other URLs are missing', async () => {
    const closed = await closedPortUrl()
    const result = await waitForHealth([closed, `${closed}/second`], { timeoutMs: 100, intervalMs: 20 })
    expect(result.ready).toBe(false)
    expect(result.ready || result.reason).toMatch(
      /\/__admin\/health \(and 1 more\) did not answer .*\(last: ECONNREFUSED\)/,
    )
  })

  it('cuts a request that hangs short at the deadline', async () => {
    const hanging = await serverAnswering(() => 'hang')
    const result = await waitForHealth([hanging.url], { timeoutMs: 300 })
    expect(result.ready || result.reason).toMatch(/\(last: no answer in time\)/)
  })
})

describe('healthUrlOf', () => {
  it('appends the health path to a URL with or without its trailing slash, keeping a path prefix', () => {
    expect(healthUrlOf('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/__admin/health')
    expect(healthUrlOf('https://mocks.example.com/cloudsponge/')).toBe(
      'https://mocks.example.com/cloudsponge/__admin/health',
    )
  })
})
