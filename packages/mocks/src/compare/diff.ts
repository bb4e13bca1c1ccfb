import type { Difference } from './findings.js'
import { Placeholder } from './normalise.js'

/** How two normalised bodies are compared. */
export interface BodyCompareOptions {
  /** Whether the order of an object's keys is part of the format (CloudSponge's JSON, Rails XML). */
  orderedKeys: boolean
  /** Both answers are errors: their codes and messages are compared. */
  errorAnswer: boolean
  /** Keys whose values are words of the API (`status`, `import_type`), compared outside lists. */
  vocabulary: ReadonlySet<string>
  /** Whether a recorded leaf repeats the request; such values are compared exactly. */
  fromRequest(key: string | undefined, value: unknown): boolean
  /** The recorded value as the replay sent it (ids mapped to the simulator's). */
  mapValue(value: unknown): unknown
  /**
   * Whether a recorded placeholder and the simulator's at the same place stand for the same value:
   * each recorded `<id:n>` must always meet the same simulated one, and the other way round.
   */
  samePlaceholder(recorded: string, simulated: string): boolean
}

const errorKeys = new Set(['code', 'message', 'detail', 'error', 'title', 'description', 'Code', 'Message'])

/**
 * Compares two normalised bodies: their structure (keys, types, shapes, key order), with the
 * elements of a list merged into one shape so that list lengths and per-record variety never
 * count, then the values that can match: fixed words, values the request determined, error codes
 * and messages, and the pattern of placeholders outside lists.
 *
 * @example
 * compareBodies({ status: 'success' }, { status: 'error' }, options)
 * // [{ kind: 'value', path: 'body.status', recorded: '"success"', simulated: '"error"' }]
 */
export function compareBodies(recorded: unknown, simulated: unknown, options: BodyCompareOptions): Difference[] {
  const differences: Difference[] = []
  compareShapes(shapeOf(recorded), shapeOf(simulated), 'body', options.orderedKeys, differences)
  compareValues(recorded, simulated, 'body', undefined, false, options, differences)
  return differences
}

/**
 * The JSON type of a (normalised) value: `string`, `number`, `boolean`, `null`, `array`, `object`.
 *
 * @example
 * typeName(new Placeholder('<id:1>', 'number')) // 'number'
 */
export function typeName(value: unknown): string {
  if (value instanceof Placeholder) {
    return value.type
  }
  if (value === null) {
    return 'null'
  }
  if (Array.isArray(value)) {
    return 'array'
  }
  return typeof value
}

interface Shape {
  types: Set<string>
  keys?: Map<string, Shape>
  order?: string[]
  element?: Shape
}

function shapeOf(value: unknown): Shape {
  const shape: Shape = { types: new Set([typeName(value)]) }
  if (Array.isArray(value)) {
    for (const item of value) {
      shape.element = shape.element ? mergeShapes(shape.element, shapeOf(item)) : shapeOf(item)
    }
  } else if (typeof value === 'object' && value !== null && !(value instanceof Placeholder)) {
    shape.keys = new Map(Object.entries(value).map(([key, item]) => [key, shapeOf(item)]))
    shape.order = Object.keys(value)
  }
  return shape
}

function mergeShapes(a: Shape, b: Shape): Shape {
  const merged: Shape = { types: new Set([...a.types, ...b.types]) }
  if (a.keys || b.keys) {
    merged.keys = new Map(a.keys)
    for (const [key, shape] of b.keys ?? []) {
      const known = merged.keys.get(key)
      merged.keys.set(key, known ? mergeShapes(known, shape) : shape)
    }
    merged.order = mergeOrder(a.order ?? [], b.order ?? [])
  }
  if (a.element || b.element) {
    merged.element = a.element && b.element ? mergeShapes(a.element, b.element) : (a.element ?? b.element)
  }
  return merged
}

/** Keys of both in one order: a key only the second has goes right after the key it follows there. */
function mergeOrder(first: string[], second: string[]): string[] {
  const order = [...first]
  second.forEach((key, index) => {
    if (order.includes(key)) {
      return
    }
    const before = second.slice(0, index).findLast((candidate) => order.includes(candidate))
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, key)
  })
  return order
}

const containers = new Set(['array', 'object'])

function typesText(types: Set<string>): string {
  return [...types].join(' or ')
}

function compareShapes(recorded: Shape, simulated: Shape, path: string, ordered: boolean, out: Difference[]): void {
  const shared = [...recorded.types].filter((type) => simulated.types.has(type))
  if (shared.length === 0) {
    const container = [...recorded.types, ...simulated.types].some((type) => containers.has(type))
    out.push({
      kind: container ? 'shape' : 'type',
      path,
      recorded: typesText(recorded.types),
      simulated: typesText(simulated.types),
    })
    return
  }
  if (recorded.keys && simulated.keys) {
    const simulatedKeys = simulated.keys
    for (const [key, shape] of recorded.keys) {
      const other = simulatedKeys.get(key)
      if (other) {
        compareShapes(shape, other, childPath(path, key), ordered, out)
      } else {
        out.push({
          kind: 'key-missing',
          path: childPath(path, key),
          recorded: typesText(shape.types),
          simulated: 'missing',
        })
      }
    }
    for (const [key, shape] of simulatedKeys) {
      if (!recorded.keys.has(key)) {
        out.push({
          kind: 'key-added',
          path: childPath(path, key),
          recorded: 'missing',
          simulated: typesText(shape.types),
        })
      }
    }
    if (ordered) {
      const recordedOrder = (recorded.order ?? []).filter((key) => simulatedKeys.has(key))
      const simulatedOrder = (simulated.order ?? []).filter((key) => recorded.keys?.has(key))
      if (recordedOrder.join('\n') !== simulatedOrder.join('\n')) {
        out.push({
          kind: 'key-order',
          path,
          recorded: recordedOrder.join(', '),
          simulated: simulatedOrder.join(', '),
        })
      }
    }
  }
  if (recorded.element && simulated.element) {
    compareShapes(recorded.element, simulated.element, `${path}[*]`, ordered, out)
  }
}

function compareValues(
  recorded: unknown,
  simulated: unknown,
  path: string,
  key: string | undefined,
  inList: boolean,
  options: BodyCompareOptions,
  out: Difference[],
): void {
  if (Array.isArray(recorded) && Array.isArray(simulated)) {
    const shorter = Math.min(recorded.length, simulated.length)
    for (let index = 0; index < shorter; index++) {
      compareValues(recorded[index], simulated[index], `${path}[${index}]`, key, true, options, out)
    }
    return
  }
  if (isPlainObject(recorded) && isPlainObject(simulated)) {
    for (const [name, value] of Object.entries(recorded)) {
      if (Object.hasOwn(simulated, name)) {
        compareValues(value, simulated[name], childPath(path, name), name, inList, options, out)
      }
    }
    return
  }
  if (typeName(recorded) !== typeName(simulated)) {
    // The structure walk reports a changed type once, for the whole list.
    return
  }
  if (recorded instanceof Placeholder || simulated instanceof Placeholder) {
    // Outside lists the pattern of ids must hold (one id where the recording had two is drift);
    // inside one, which element meets which is data.
    const recordedText = recorded instanceof Placeholder ? recorded.text : JSON.stringify(recorded)
    const simulatedText = simulated instanceof Placeholder ? simulated.text : JSON.stringify(simulated)
    if (!inList && !options.samePlaceholder(recordedText, simulatedText)) {
      out.push({ kind: 'value', path, recorded: recordedText, simulated: simulatedText })
    }
    return
  }
  const isError = options.errorAnswer && key !== undefined && errorKeys.has(key)
  // Words of the API outside lists only: inside one (events), which element holds which word is timing.
  const vocabulary = !inList && key !== undefined && options.vocabulary.has(key)
  const compared = isError || vocabulary || options.fromRequest(key, recorded)
  if (!compared) {
    return
  }
  // Ids the request named appear in messages too: "no contact c1_p".
  const expected = options.mapValue(recorded)
  if (JSON.stringify(expected) !== JSON.stringify(simulated)) {
    out.push({
      kind: isError ? 'error' : 'value',
      path,
      recorded: JSON.stringify(recorded),
      simulated: JSON.stringify(simulated),
    })
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Placeholder)
}

/**
 * The path of a key below another: `body.contacts`, or `body["odd key"]` for a key that is not a plain name.
 *
 * @example
 * childPath('body', 'import-id') // 'body.import-id'
 */
export function childPath(path: string, key: string): string {
  return /^[\w$@:-]+$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

/**
 * The check that placeholders keep their pattern: each recorded `<id:n>` must always meet the same
 * simulated placeholder and the other way round, across every answer of a replay. Numbers may
 * differ (one side may have handed out one more id before); a pairing that breaks is drift.
 *
 * @example
 * const same = placeholderPairing()
 * same('<id:1>', '<id:3>') // true: first meeting
 * same('<id:2>', '<id:3>') // false: <id:3> already stood for <id:1>
 */
export function placeholderPairing(): (recorded: string, simulated: string) => boolean {
  const recordedToSimulated = new Map<string, string>()
  const simulatedToRecorded = new Map<string, string>()
  return (recorded, simulated) => {
    const known = recordedToSimulated.get(recorded)
    const knownBack = simulatedToRecorded.get(simulated)
    if (known === undefined && knownBack === undefined) {
      recordedToSimulated.set(recorded, simulated)
      simulatedToRecorded.set(simulated, recorded)
      return true
    }
    return known === simulated && knownBack === recorded
  }
}
