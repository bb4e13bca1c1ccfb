import { describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { defineVendor } from './registry.js'
import { seedSet, snapshotSet } from './set-seed.js'
import type { SimulatorOptions } from './simulator.js'
import { createSimulatorSet } from './simulator-set.js'
import { createNotesSimulator } from './testing/notes-vendor.js'
import { createToySimulator } from './testing/toy-vendor.js'

const notesVendor = (name: 'alpha' | 'beta', defaultPort: number) =>
  defineVendor({
    name,
    title: name,
    defaultPort,
    baseUrl: `https://api.${name}.example`,
    baseUrlEnv: `${name.toUpperCase()}_BASE_URL`,
    credentials: [],
    create: (options: SimulatorOptions) => createNotesSimulator(name, options),
  })
const alpha = notesVendor('alpha', 4911)
const beta = notesVendor('beta', 4912)
// The toy has no snapshot: it stands for a vendor whose state cannot be written back.
const gamma = defineVendor({
  name: 'gamma',
  title: 'Gamma',
  defaultPort: 4913,
  baseUrl: 'https://api.gamma.example',
  baseUrlEnv: 'GAMMA_BASE_URL',
  credentials: [],
  create: (options: SimulatorOptions) => Object.assign(createToySimulator(options), { name: 'gamma' }),
})

const newSet = () => createSimulatorSet([alpha, beta, gamma], { clock: manualClock('2026-01-01T00:00:00Z') })

/** The error `act` throws, so a test can compare its class and its whole message. */
function errorOf(act: () => unknown): unknown {
  try {
    act()
  } catch (error) {
    return error
  }
  throw new Error('expected it to throw, and it returned')
}

const notObject =
  'Failed to seed the simulators: send a JSON object with one section per vendor, e.g. {"cloudsponge": {"tenants": [...]}}.'

describe('seedSet', () => {
  it.each([
    ['a string', '{"alpha": {"notes": []}}'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an empty array', []],
    ['an array of sections', [{ notes: ['a'] }]],
  ])('refuses %s: the seed has to be one object with a section per vendor', (_what, input) => {
    const set = newSet()
    expect(errorOf(() => seedSet(set, input))).toEqual(new RangeError(notObject))
    expect(set.get('alpha').inspect()).toEqual({ notes: [] })
  })

  it('refuses a section for a vendor not in the set, naming it and the sections there are', () => {
    const set = newSet()
    expect(errorOf(() => seedSet(set, { zeta: {} }))).toEqual(
      new RangeError(
        'Failed to seed the simulators: there is no zeta simulator in this set; its sections are alpha, beta, gamma.',
      ),
    )
  })

  it('names every unknown section at once, so one run shows all there is to fix', () => {
    const set = newSet()
    expect(errorOf(() => seedSet(set, { zeta: {}, alpha: { notes: [] }, omega: {} }))).toEqual(
      new RangeError(
        'Failed to seed the simulators: there is no zeta, omega simulator in this set; its sections are alpha, beta, gamma.',
      ),
    )
  })

  it('seeds nothing at all when one section is unknown, not even the sections before it', () => {
    const set = newSet()
    expect(() => seedSet(set, { alpha: { notes: ['kept out'] }, zeta: {} })).toThrow(RangeError)
    expect(set.get('alpha').inspect()).toEqual({ notes: [] })
  })

  it('counts only the vendors built into the set: a registered vendor left out by `only` is unknown', () => {
    // The CLI builds sets with `only`: a world file from a larger set must not be half-seeded silently.
    const set = createSimulatorSet([alpha, beta, gamma], { clock: manualClock(), only: ['alpha'] })
    expect(errorOf(() => seedSet(set, { beta: { notes: [] } }))).toEqual(
      new RangeError('Failed to seed the simulators: there is no beta simulator in this set; its sections are alpha.'),
    )
  })

  it("hands each section to that vendor's simulator and returns what each seed answered, by vendor", () => {
    const set = newSet()
    const results = seedSet(set, { alpha: { notes: ['a1', 'a2'] }, beta: { notes: ['b1'] } })
    expect(results).toEqual({ alpha: { notes: 2 }, beta: { notes: 1 } })
    expect(set.get('alpha').inspect()).toEqual({ notes: ['a1', 'a2'] })
    expect(set.get('beta').inspect()).toEqual({ notes: ['b1'] })
  })

  it('leaves the vendors without a section alone, and an empty object seeds nothing', () => {
    const set = newSet()
    seedSet(set, { beta: { notes: ['b1'] } })
    expect(set.get('alpha').inspect()).toEqual({ notes: [] })
    expect(seedSet(set, {})).toEqual({})
    expect(set.get('beta').inspect()).toEqual({ notes: ['b1'] })
  })

  it("rethrows a vendor's refusal as a RangeError naming the vendor, with the vendor's own sentence", () => {
    const set = newSet()
    expect(errorOf(() => seedSet(set, { beta: { tenants: [] } }))).toEqual(
      new RangeError(
        'Failed to seed the beta simulator from its section: send {"notes": [...]} to the beta simulator.',
      ),
    )
  })

  it('names the vendor even when its seed fails with a TypeError rather than a sentence of its own', () => {
    // `{"alpha": null}` is an easy mistake in a hand-written world file; it must still say which section.
    const set = newSet()
    const error = errorOf(() => seedSet(set, { alpha: null }))
    expect(error).toBeInstanceOf(RangeError)
    expect((error as Error).message).toMatch(
      /^Failed to seed the alpha simulator from its section: Cannot read properties of null \(reading 'notes'\)$/,
    )
  })
})

describe('snapshotSet', () => {
  it('has one section per simulator that can take a snapshot, and none for those that cannot', () => {
    const set = newSet()
    seedSet(set, { alpha: { notes: ['a1'] }, beta: { notes: ['b1', 'b2'] }, gamma: { items: [1] } })
    const snapshot = snapshotSet(set)
    // No `gamma` key at all: a `"gamma": undefined` would still be a section to a reader of the keys.
    expect(Object.keys(snapshot)).toEqual(['alpha', 'beta'])
    expect(snapshot).toEqual({ alpha: { notes: ['a1'] }, beta: { notes: ['b1', 'b2'] } })
  })

  it('includes a simulator with nothing seeded: its empty state is still a section', () => {
    expect(snapshotSet(newSet())).toEqual({ alpha: { notes: [] }, beta: { notes: [] } })
  })

  it('round-trips through seedSet: a fresh set seeded with a snapshot gives the same snapshot', () => {
    const original = newSet()
    seedSet(original, { alpha: { notes: ['a1', { nested: true }] }, beta: { notes: ['b1'] } })
    const world = JSON.parse(JSON.stringify(snapshotSet(original))) as unknown
    const copy = newSet()
    seedSet(copy, world)
    expect(snapshotSet(copy)).toEqual(snapshotSet(original))
    expect(copy.get('alpha').inspect()).toEqual({ notes: ['a1', { nested: true }] })
  })
})
