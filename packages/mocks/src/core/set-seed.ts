import type { SimulatorSet } from './simulator-set.js'

/**
 * Seeds every simulator of a set from one JSON object with a section per vendor, each the same
 * body as that simulator's `POST /__admin/state`: `{ "cloudsponge": {…}, "aurinko": {…} }`. Every
 * section names a simulator of the set, or nothing is seeded; a section a vendor refuses throws a
 * RangeError naming the vendor and what to fix.
 *
 * @example
 * seedSet(set, { cloudsponge: { tenants: [{ domainKey: 'k', domainPassword: 'p' }] } })
 */
export function seedSet(set: SimulatorSet, input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RangeError(
      'Failed to seed the simulators: send a JSON object with one section per vendor, e.g. {"cloudsponge": {"tenants": [...]}}.',
    )
  }
  const names = set.simulators.map((simulator) => simulator.name)
  const unknown = Object.keys(input).filter((name) => !names.includes(name))
  if (unknown.length > 0) {
    throw new RangeError(
      `Failed to seed the simulators: there is no ${unknown.join(', ')} simulator in this set; its sections are ${names.join(', ')}.`,
    )
  }
  const results: Record<string, unknown> = {}
  for (const [name, section] of Object.entries(input)) {
    try {
      results[name] = set.get(name).seed(section)
    } catch (error) {
      throw new RangeError(`Failed to seed the ${name} simulator from its section: ${(error as Error).message}`)
    }
  }
  return results
}

/**
 * A snapshot of every simulator of a set that can take one, in the format `seedSet` (and the CLI's
 * `--seed`) reads back: a section per vendor, each what its `GET /__admin/state?snapshot=1` gives.
 *
 * @example
 * const world = snapshotSet(set) // { cloudsponge: { tenants: [], accounts: [...] }, aurinko: {...} }
 */
export function snapshotSet(set: SimulatorSet): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {}
  for (const simulator of set.simulators) {
    const section = simulator.snapshot()
    if (section !== undefined) {
      snapshot[simulator.name] = section
    }
  }
  return snapshot
}
