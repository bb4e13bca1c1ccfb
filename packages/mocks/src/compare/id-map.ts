import { type ClassifyOptions, classify } from './normalise.js'

/**
 * Ids, tokens and etags the recorded answers handed out, each paired with what the simulator
 * handed out in the same place, so later requests that name them reach the simulator's own.
 *
 * @example
 * const ids = createIdMap()
 * ids.learn({ import_id: 89709297 }, { import_id: 1126 })
 * ids.apply('/events/89709297.json') // '/events/1126.json'
 */
export function createIdMap(options: ClassifyOptions = {}) {
  const pairs = new Map<string, string>()
  let pattern: RegExp | undefined
  const add = (recorded: string, simulated: string) => {
    // Values this short could stand for anything in a later request.
    if (recorded === simulated || recorded.length < 2 || pairs.has(recorded)) {
      return
    }
    pairs.set(recorded, simulated)
    const encoded = encodeURIComponent(recorded)
    if (encoded !== recorded && !pairs.has(encoded)) {
      pairs.set(encoded, encodeURIComponent(simulated))
    }
    pattern = undefined
  }
  const walk = (recorded: unknown, simulated: unknown, key: string | undefined) => {
    if (Array.isArray(recorded) && Array.isArray(simulated)) {
      for (const [index, item] of recorded.slice(0, simulated.length).entries()) {
        walk(item, simulated[index], key)
      }
      return
    }
    if (isObject(recorded) && isObject(simulated)) {
      for (const [name, value] of Object.entries(recorded)) {
        walk(value, simulated[name], name)
      }
      return
    }
    const kind = classify(key, recorded, options)
    if (kind !== undefined && kind !== 'time' && kind !== 'url' && isScalar(simulated)) {
      add(String(recorded), String(simulated))
    }
  }
  const regex = () => {
    if (!pattern) {
      const keys = [...pairs.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
      pattern =
        keys.length === 0 ? undefined : new RegExp(`(?<![A-Za-z0-9_])(?:${keys.join('|')})(?![A-Za-z0-9_])`, 'g')
    }
    return pattern
  }
  return {
    /** Pairs every id, token and etag of a recorded answer with the simulator's in the same place. */
    learn(recorded: unknown, simulated: unknown): void {
      walk(recorded, simulated, undefined)
    },
    /** Pairs one recorded value with the simulator's (an ETag header, say). */
    pair(recorded: string, simulated: string): void {
      add(recorded, simulated)
    },
    /** Text with every recorded value replaced by the simulator's, where it stands as a whole word. */
    apply(text: string): string {
      const current = regex()
      return current ? text.replace(current, (match) => pairs.get(match) ?? match) : text
    },
    /** A recorded value as the simulator would have it: mapped when it is a known id, else itself. */
    mapValue(value: unknown): unknown {
      if (!isScalar(value)) {
        return value
      }
      const mapped = pairs.get(String(value))
      if (mapped === undefined) {
        return typeof value === 'string' ? this.apply(value) : value
      }
      return typeof value === 'number' && Number.isFinite(Number(mapped)) ? Number(mapped) : mapped
    },
  }
}

export type IdMap = ReturnType<typeof createIdMap>

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number'
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
