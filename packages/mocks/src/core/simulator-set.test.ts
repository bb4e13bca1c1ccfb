import { describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { peersOf, profileOf } from './dashboard/profile.js'
import { defineVendor } from './registry.js'
import type { SimulatorOptions } from './simulator.js'
import { createSimulatorSet } from './simulator-set.js'
import { createToySimulator } from './testing/toy-vendor.js'

// Two toy vendors; the second reports where it thinks the first one lives.
const seen: { peerUrl?: string; publicUrl?: string } = {}
const alpha = defineVendor({
  name: 'alpha',
  title: 'Alpha',
  defaultPort: 4901,
  baseUrl: 'https://api.alpha.example',
  baseUrlEnv: 'ALPHA_BASE_URL',
  credentials: [],
  create: (options: SimulatorOptions) => Object.assign(createToySimulator(options), { name: 'alpha' }),
})
const beta = defineVendor({
  name: 'beta',
  title: 'Beta',
  defaultPort: 4902,
  baseUrl: 'https://api.beta.example',
  baseUrlEnv: 'BETA_BASE_URL',
  credentials: [],
  create: (options: SimulatorOptions) => {
    seen.publicUrl = options.publicUrl
    const simulator = createToySimulator(options)
    simulator.app.get('/peer', (c) => c.json({ alpha: options.peers?.urlOf('alpha') }))
    return Object.assign(simulator, { name: 'beta' })
  },
})

describe('a simulator set', () => {
  it('shares one clock: moving it through one simulator moves it for all', async () => {
    const set = createSimulatorSet([alpha, beta], { clock: manualClock('2026-01-01T00:00:00Z') })
    await set
      .get('alpha')
      .app.request('/__admin/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) })
    const view = (await (await set.get('beta').app.request('/__admin/clock')).json()) as { now: string }
    expect(view.now).toBe('2026-01-01T00:01:00.000Z')
    set.clock.advance(1000)
    expect(set.get('alpha').clock.now()).toBe(set.get('beta').clock.now())
  })

  it('tells each simulator where the others are: public URL, then served URL, then default port', () => {
    const set = createSimulatorSet([alpha, beta], { publicUrls: { beta: 'https://mocks.example.com/beta/' } })
    expect(set.urlOf('alpha')).toBe('http://127.0.0.1:4901')
    set.setUrl('alpha', 'http://127.0.0.1:5555')
    expect(set.urlOf('alpha')).toBe('http://127.0.0.1:5555')
    expect(set.urlOf('beta')).toBe('https://mocks.example.com/beta')
    expect(seen.publicUrl).toBe('https://mocks.example.com/beta/')
  })

  it('lets a simulator ask for a peer URL at request time, after the peer is served', async () => {
    const set = createSimulatorSet([alpha, beta])
    set.setUrl('alpha', 'http://127.0.0.1:6000')
    expect(await (await set.get('beta').app.request('/peer')).json()).toEqual({ alpha: 'http://127.0.0.1:6000' })
  })

  it('builds only the vendors asked for, resets them all, and names unknown vendors', async () => {
    const set = createSimulatorSet([alpha, beta], { only: ['beta'] })
    expect(set.simulators.map((simulator) => simulator.name)).toEqual(['beta'])
    expect(() => set.get('alpha')).toThrow('There is no alpha simulator in this set; it has beta.')
    await set.get('beta').app.request('/items/1')
    set.reset()
    expect(set.get('beta').journal.size).toBe(0)
    expect(() => createSimulatorSet([alpha, beta], { only: ['gamma'] })).toThrow(
      'there is no vendor gamma; choose from alpha, beta.',
    )
  })

  it('names every unknown vendor and every simulator it has, and knows each vendor by its own port', () => {
    expect(() => createSimulatorSet([alpha, beta], { only: ['gamma', 'delta'] })).toThrow(
      'Failed to create the simulators: there is no vendor gamma, delta; choose from alpha, beta.',
    )
    const set = createSimulatorSet([alpha, beta], { clock: manualClock() })
    expect(() => set.get('gamma')).toThrow('There is no gamma simulator in this set; it has alpha, beta.')
    expect([set.urlOf('alpha'), set.urlOf('beta')]).toEqual(['http://127.0.0.1:4901', 'http://127.0.0.1:4902'])
    expect(() => set.urlOf('gamma')).toThrow('There is no vendor gamma; choose from alpha, beta.')
  })

  it('links every dashboard back to the set’s index page once one is served, and not before', async () => {
    const set = createSimulatorSet([alpha, beta], { clock: manualClock() })
    const dashboard = async () =>
      (await set.get('beta').app.request('/__admin/', { headers: { Accept: 'text/html' } })).text()
    expect(await dashboard()).not.toContain('All simulators')
    set.setIndexUrl('http://127.0.0.1:4000/')
    expect(await dashboard()).toContain('<a data-keep-token href="http://127.0.0.1:4000/">All simulators</a>')
  })

  it('describes each simulator on its dashboard by its registry entry', () => {
    const set = createSimulatorSet([alpha, beta], { clock: manualClock() })
    expect(profileOf(set.get('beta')).title).toBe('Beta')
    expect(peersOf(set.get('alpha')).map((peer) => peer.title)).toEqual(['Alpha', 'Beta'])
  })

  it('passes shared and per-vendor options to each simulator', async () => {
    const set = createSimulatorSet([alpha, beta], {
      shared: { adminToken: 't' },
      vendors: { alpha: { randomSeed: 9 } },
    })
    expect(set.get('alpha').adminToken).toBe('t')
    expect((await set.get('beta').app.request('/__admin/clock')).status).toBe(401)
  })
})

describe('refusals of bad configuration', () => {
  it('a set asked for the URL of a vendor it does not know', () => {
    const toy = defineVendor({
      name: 'toy',
      title: 'Toy',
      defaultPort: 4999,
      baseUrl: 'https://toy.example',
      baseUrlEnv: 'TOY_BASE_URL',
      credentials: [],
      create: createToySimulator,
    })
    const set = createSimulatorSet([toy], { clock: manualClock() })
    expect(() => set.urlOf('nope')).toThrow(new RangeError('There is no vendor nope; choose from toy.'))
    expect(set.urlOf('toy')).toBe('http://127.0.0.1:4999')
  })
})
