import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { manualClock } from './core/clock.js'
import { profileOf } from './core/dashboard/profile.js'
import { createSimulatorSet } from './core/simulator-set.js'
import { vendorBaseUrls } from './msw.js'
import { vendors } from './vendors.js'

// What a registry entry must give the simulators' own mechanisms; that every package has the
// vendor's folder and export is contract-tests' test/registry.test.ts.
const root = new URL('..', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  exports: Record<string, unknown>
  version: string
}

describe.each(vendors.map((vendor) => [vendor.name, vendor] as const))('the %s registry entry', (name, vendor) => {
  it('builds a simulator of that name whose spec it serves, and gives MSW its base URL', async () => {
    const simulator = vendor.create({ clock: manualClock() })
    expect(simulator.name).toBe(name)
    const served = (await (await simulator.app.request('/openapi.json')).json()) as { info: { title: string } }
    expect(served.info.title).toBe(simulator.document.info.title)
    expect(vendorBaseUrls[name]).toBe(vendor.baseUrl)
  })

  it('answers /__admin/health without the admin token, even when it has one', async () => {
    const simulator = vendor.create({ clock: manualClock(), adminToken: 'secret-token' })
    expect((await simulator.app.request('/__admin/clock')).status).toBe(401)
    const health = await simulator.app.request('/__admin/health')
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', vendor: name, version: manifest.version })
  })

  it('describes itself on its dashboard when made alone, outside a set', async () => {
    const simulator = vendor.create({ clock: manualClock() })
    expect(profileOf(simulator)).toMatchObject({ title: vendor.title, credentials: vendor.credentials })
    const page = await (await simulator.app.request('/__admin/')).text()
    expect(page).toContain(vendor.title.replace(/&/g, '&amp;'))
    expect(page).toContain(vendor.credentials[0]?.value)
  })

  it('declares a distinct default port and the credentials the CLI prints', () => {
    const ports = vendors.map((candidate) => candidate.defaultPort)
    expect(ports.filter((port) => port === vendor.defaultPort)).toHaveLength(1)
    expect(vendor.credentials.every((credential) => credential.label && credential.value)).toBe(true)
  })
})

describe('createSimulatorSet over the registry', () => {
  it('builds every registered vendor on one clock', () => {
    const set = createSimulatorSet(vendors, { clock: manualClock() })
    expect(set.simulators.map((simulator) => simulator.name)).toEqual(vendors.map((vendor) => vendor.name))
    expect(new Set(set.simulators.map((simulator) => simulator.clock)).size).toBe(1)
  })
})
