import { existsSync, readFileSync } from 'node:fs'
import { vendors as specs } from '@contactkit/specs'
import { describe, expect, it } from 'vitest'
import { manualClock } from './core/clock.js'
import { profileOf } from './core/dashboard/profile.js'
import { createSimulatorSet } from './core/simulator-set.js'
import { vendorBaseUrls } from './msw.js'
import { vendors } from './vendors.js'

// A vendor is a folder plus one registry entry; these are the places that entry must reach.
const root = new URL('..', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, unknown> }

describe.each(vendors.map((vendor) => [vendor.name, vendor] as const))('the %s registry entry', (name, vendor) => {
  it('has its folder, its package export and its spec', () => {
    expect(existsSync(new URL(`src/${name}/index.ts`, root))).toBe(true)
    expect(manifest.exports[`./${name}`]).toEqual({
      types: `./dist/${name}/index.d.ts`,
      default: `./dist/${name}/index.js`,
    })
    expect(specs).toContain(name)
  })

  it('builds a simulator of that name whose spec it serves, and gives MSW its base URL', async () => {
    const simulator = vendor.create({ clock: manualClock() })
    expect(simulator.name).toBe(name)
    const served = (await (await simulator.app.request('/openapi.json')).json()) as { info: { title: string } }
    expect(served.info.title).toBe(simulator.document.info.title)
    expect(vendorBaseUrls[name]).toBe(vendor.baseUrl)
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
