/** What a volatile value is: numbered placeholders for ids, tokens and etags; times and URLs unnumbered. */
export type VolatileKind = 'id' | 'token' | 'etag' | 'time' | 'url'

/** A volatile value replaced: `<id:1>`, `<token:2>`, `<time>`; keeps the JSON type it stood for. */
export class Placeholder {
  constructor(
    readonly text: string,
    /** `string` or `number`: a number that became a string id is still a type change. */
    readonly type: string,
  ) {}

  toJSON(): string {
    return this.text
  }
}

/** Options that widen what counts as volatile for one vendor. */
export interface ClassifyOptions {
  /** Keys whose values are volatile tokens beside the usual ones (S3 form fields: `policy`, `key`…). */
  volatileKeys?: RegExp
}

const secretPlaceholder = /^<secret:\d+>$/
const etagKey = /etag/i
const tokenKey = /token|cursor|signature|policy|secret|password/i
const idKey = /(^|[_-])[iI][dD]s?$|[a-z0-9](Id|ID)s?$|uuid|UUID/
const timeKey = /(^|[_-])(at|date|time|expires)$|[a-z](At|Date|Time)$|^(date|expires|time)/i
const isoTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/
const httpDate = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}/
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const url = /^https?:\/\//i

/**
 * Which kind of volatile value a leaf holds, by its key and its form, or undefined when it is data
 * to compare: ids (`id`, `import_id`, `accountId`, UUIDs), tokens (`syncUpdatedToken`, a redacted
 * `<secret:N>`), etags, times (`created_at`, ISO 8601 and HTTP dates) and URLs.
 *
 * @example
 * classify('import_id', 1126) // 'id'
 * classify('created-at', '2020-07-10T22:29:06Z') // 'time'
 * classify('status', 'success') // undefined
 */
export function classify(
  key: string | undefined,
  value: unknown,
  options: ClassifyOptions = {},
): VolatileKind | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return undefined
  }
  const text = String(value)
  if (secretPlaceholder.test(text)) {
    return 'token'
  }
  if (key !== undefined) {
    if (etagKey.test(key)) {
      return 'etag'
    }
    if (tokenKey.test(key) || options.volatileKeys?.test(key)) {
      return 'token'
    }
    if (idKey.test(key)) {
      return 'id'
    }
  }
  if (typeof value === 'string') {
    if (isoTime.test(value) || httpDate.test(value)) {
      return 'time'
    }
    if (uuid.test(value)) {
      return 'id'
    }
    if (url.test(value)) {
      return 'url'
    }
  }
  if (key !== undefined && timeKey.test(key)) {
    return 'time'
  }
  return undefined
}

/** Whether a leaf of an answer repeats what the request sent, so its value is compared exactly. */
export type RequestDetermined = (key: string | undefined, value: unknown) => boolean

/**
 * One side's placeholders: the same value gets the same number across every answer of a replay
 * (`<id:1>` in the begin answer is `<id:1>` in the events), so a simulator that hands out one id
 * where the recording had two is seen, while the ids themselves never are.
 *
 * @example
 * const normaliser = createNormaliser()
 * normaliser.normalise({ id: 1126, import_id: 1126 }) // { id: <id:1>, import_id: <id:1> }
 */
export function createNormaliser(options: ClassifyOptions = {}) {
  const numbers = new Map<VolatileKind, Map<string, number>>()
  const placeholder = (kind: VolatileKind, value: string | number): Placeholder => {
    const type = typeof value
    if (kind === 'time' || kind === 'url') {
      return new Placeholder(`<${kind}>`, type)
    }
    let byValue = numbers.get(kind)
    if (!byValue) {
      byValue = new Map()
      numbers.set(kind, byValue)
    }
    let number = byValue.get(String(value))
    if (number === undefined) {
      number = byValue.size + 1
      byValue.set(String(value), number)
    }
    return new Placeholder(`<${kind}:${number}>`, type)
  }
  const walk = (value: unknown, key: string | undefined, fromRequest: RequestDetermined): unknown => {
    if (Array.isArray(value)) {
      return value.map((item) => walk(item, key, fromRequest))
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, walk(item, name, fromRequest)]))
    }
    if (fromRequest(key, value)) {
      return value
    }
    const kind = classify(key, value, options)
    return kind === undefined ? value : placeholder(kind, value as string | number)
  }
  return {
    /** A copy of a decoded body with every volatile leaf replaced by its placeholder. */
    normalise(value: unknown, fromRequest: RequestDetermined = () => false): unknown {
      return walk(value, undefined, fromRequest)
    },
    /** The placeholder of one value, e.g. a header's. */
    placeholderOf(kind: VolatileKind, value: string): Placeholder {
      return placeholder(kind, value)
    },
  }
}

export type Normaliser = ReturnType<typeof createNormaliser>
