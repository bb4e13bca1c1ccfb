import { afterEach, describe, expect, it } from 'vitest'
import { type RunningServer, serve } from '../core/serve.js'
import { auth, cloudspongeHarness } from './testing/harness.js'

// Over a real HTTP server: what only a socket shows (chunked bodies) and the admin API as a
// person or a script outside the process drives it.

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('CloudSponge over HTTP', () => {
  it('streams a page too large to keep as bytes with chunked transfer encoding, the same contacts as the pages', async () => {
    const { sim, begin } = cloudspongeHarness()
    server = await serve(sim)
    await begin({ service: 'icloud', username: 'contacts-2500', password: 'x' })
    sim.clock.advance(60_000)
    const whole = await fetch(`${server.url}/contacts/1126.json`, { headers: auth })
    expect(whole.headers.get('transfer-encoding')).toBe('chunked')
    expect(whole.headers.get('content-length')).toBeNull()
    const body = (await whole.json()) as { contacts: unknown[]; count: number; total: number }
    expect(body).toMatchObject({ count: 2500, total: 2500 })
    const tail = await fetch(`${server.url}/contacts/1126.json?start=2400&count=100`, { headers: auth })
    expect(tail.headers.get('content-length')).not.toBeNull()
    expect(body.contacts.slice(2400)).toEqual(((await tail.json()) as { contacts: unknown[] }).contacts)
    const xml = await (await fetch(`${server.url}/contacts/1126.xml`, { headers: auth })).text()
    expect(xml.match(/<contact>/g)).toHaveLength(2500)
    expect(xml.endsWith('  <echo nil="true"></echo>\n</contactsResponse>\n')).toBe(true)
  })

  it('is driven entirely through the admin API: faults, their hits and the journal', async () => {
    const { sim } = cloudspongeHarness()
    server = await serve(sim)
    const url = server.url
    const admin = (path: string, init?: RequestInit) => fetch(`${url}/__admin${path}`, init)
    const added = await admin('/faults', {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', path: '/contacts/**', status: 502 }),
    })
    expect(added.status).toBe(201)
    expect((await fetch(`${url}/contacts/1`, { headers: auth })).status).toBe(502)
    expect(((await (await admin('/faults')).json()) as { faults: { hits: number }[] }).faults[0]?.hits).toBe(1)
    await admin('/faults', { method: 'DELETE' })
    expect((await fetch(`${url}/contacts/1`, { headers: auth })).status).toBe(404)
    const requests = (await (await admin('/requests?path=/contacts')).json()) as { requests: { status: number }[] }
    expect(requests.requests.map((entry) => entry.status)).toEqual([502, 404])
    await admin('/requests', { method: 'DELETE' })
    expect(((await (await admin('/requests')).json()) as { requests: unknown[] }).requests).toEqual([])
    const bad = await admin('/faults', { method: 'POST', body: JSON.stringify({ path: 'events', status: 99 }) })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      error: {
        message: expect.stringMatching(/^Failed to add the fault rule: "path" must be a string starting with "\/"/),
      },
    })
  })
})
