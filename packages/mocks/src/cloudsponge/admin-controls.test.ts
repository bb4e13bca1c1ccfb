import { describe, expect, it } from 'vitest'
import { documentedTenant } from './tenants.js'
import { basic, cloudspongeHarness } from './testing/harness.js'

// The core's controls (clock, faults, journal, state) on CloudSponge's own routes: what a test
// author sees when driving the simulator through them.

describe('the clock', () => {
  it('moves imports by the admin clock API as by the simulator object', async () => {
    const { sim, begin, get } = cloudspongeHarness()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const moved = await sim.app.request('/__admin/clock', {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 10_000 }),
    })
    expect(await moved.json()).toEqual({
      mode: 'manual',
      now: '2026-03-01T12:00:10.000Z',
      nowMs: Date.parse('2026-03-01T12:00:10Z'),
    })
    expect((await get('/contacts/1126')).status).toBe(200)
    await sim.app.request('/__admin/clock', { method: 'POST', body: JSON.stringify({ now: '2026-03-02T00:00:00Z' }) })
    expect((await get('/contacts/1126')).status).toBe(410)
  })
})

describe('faults and the journal', () => {
  it('answers a limited fault rule in the vendor format, then the real handler, the journal showing each', async () => {
    const { sim, begin, get } = cloudspongeHarness()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.faults.add({ method: 'GET', path: '/events/*', status: 503, times: 2 })
    const faulted = await get('/events/1126')
    expect(faulted.status).toBe(503)
    expect(faulted.headers.get('x-contactkit-fault')).toBe('fault-1')
    expect(await faulted.json()).toEqual({ error: { message: 'Injected fault fault-1 answered 503.' } })
    expect((await get('/events/1126')).status).toBe(503)
    expect((await get('/events/1126')).status).toBe(200)
    expect(sim.journal.list({ path: '/events' }).map((entry) => [entry.status, entry.faultId])).toEqual([
      [503, 'fault-1'],
      [503, 'fault-1'],
      [200, null],
    ])
  })

  it("keeps begin_import's form in the journal with the account password redacted", async () => {
    const { sim, begin } = cloudspongeHarness()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const [entry] = sim.journal.list({ path: '/begin_import' })
    expect(entry?.body).toContain('username=foo')
    expect(entry?.body).toContain('password=[redacted]')
    expect(entry?.body).not.toContain('bar')
    expect(entry?.headers.authorization).toBe('Basic [redacted]')
  })
})

describe('state', () => {
  it('reports imports without passwords, and writes seeded contacts with every recorded array', async () => {
    const { sim, seed, begin, get } = cloudspongeHarness()
    const seeded = await seed({
      accounts: [
        { service: 'icloud', username: 'ann', password: 'secret', contacts: [{ first_name: 'Bo', last_name: 'Ek' }] },
      ],
    })
    expect(seeded.status).toBe(201)
    await begin({ service: 'icloud', username: 'ann', password: 'secret' })
    sim.clock.advance(5000)
    expect(((await (await get('/contacts/1126')).json()) as { contacts: unknown[] }).contacts).toEqual([
      {
        first_name: 'Bo',
        last_name: 'Ek',
        phone: [],
        email: [],
        address: [],
        groups: [],
        companies: [],
        photos: [],
        locations: [],
      },
    ])
    const state = await (await sim.app.request('/__admin/state')).json()
    expect(JSON.stringify(state)).not.toContain('secret')
    expect(state).toMatchObject({
      imports: [{ importId: 1126, phase: 'complete', total: 1, domainKey: documentedTenant.domainKey }],
    })
  })

  it('accepts a domain seeded through the admin API, and forgets it on reset', async () => {
    const { sim, seed, begin } = cloudspongeHarness()
    await seed({ tenants: [{ domainKey: 'new-key', domainPassword: 'new-pass' }] })
    const fields = { service: 'icloud', username: 'foo', password: 'bar' }
    expect((await begin(fields, '/begin_import/import.json', basic('new-key', 'new-pass'))).response.status).toBe(200)
    await sim.app.request('/__admin/reset', { method: 'POST' })
    expect((await begin(fields, '/begin_import/import.json', basic('new-key', 'new-pass'))).response.status).toBe(401)
  })

  it('serves its spec at /openapi.json, without credentials', async () => {
    const { sim } = cloudspongeHarness()
    const spec = (await (await sim.app.request('/openapi.json')).json()) as { openapi: string; info: { title: string } }
    expect(spec.openapi).toBe('3.1.0')
    expect(spec.info.title).toMatch(/CloudSponge/)
  })
})
