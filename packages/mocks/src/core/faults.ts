import type { Random } from './random.js'

/** What a fault rule matches and what it does instead of (or before) the real handler. */
export interface FaultRuleInput {
  /** HTTP method to match; any method when absent. */
  method?: string
  /**
   * Path to match: a glob where `*` stands for any characters within one segment and `**` for
   * anything, e.g. `/events/*` or `/contacts/**`.
   */
  path: string
  /** Answer with this status. Without it the request goes on to the handler after `delayMs`. */
  status?: number
  /** Answer with this body (a string as is, anything else as JSON); the vendor's error body when absent. */
  body?: unknown
  headers?: Record<string, string>
  /** Wall-clock milliseconds to wait before answering, to exercise client timeouts. */
  delayMs?: number
  /** How many matching requests the rule affects; unlimited when absent. */
  times?: number
  /** Chance, 0 to 1, that a matching request is affected; 1 when absent. */
  probability?: number
}

export interface FaultRule extends FaultRuleInput {
  id: string
  /** Requests this rule has affected so far. */
  hits: number
}

const maxDelayMs = 60_000

/**
 * The fault rules of one simulator, first match wins.
 *
 * @example
 * faults.add({ method: 'GET', path: '/events/*', status: 503, times: 2 })
 */
export class FaultBook {
  readonly #rules: FaultRule[] = []
  #nextId = 1

  constructor(private readonly random: Random) {}

  /** Adds a rule after checking it; throws a RangeError that says what to fix. */
  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...checkRule(input), id: `fault-${this.#nextId++}`, hits: 0 }
    this.#rules.push(rule)
    return rule
  }

  list(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }))
  }

  clear(): void {
    this.#rules.length = 0
  }

  /** The rule that takes this request, counting the hit; undefined when none does. */
  take(method: string, path: string): FaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) {
        continue
      }
      if (!globToRegExp(rule.path).test(path)) {
        continue
      }
      if (rule.times !== undefined && rule.hits >= rule.times) {
        continue
      }
      if (rule.probability !== undefined && this.random.next() >= rule.probability) {
        continue
      }
      rule.hits++
      return rule
    }
    return undefined
  }
}

function checkRule(input: FaultRuleInput): FaultRuleInput {
  const fail = (why: string): never => {
    throw new RangeError(`Failed to add the fault rule: ${why}`)
  }
  if (typeof input !== 'object' || input === null) {
    fail('send an object such as {"path": "/events/*", "status": 503}.')
  }
  if (typeof input.path !== 'string' || !input.path.startsWith('/')) {
    fail('"path" must be a string starting with "/", such as "/events/*".')
  }
  if (input.status !== undefined && (!Number.isInteger(input.status) || input.status < 200 || input.status > 599)) {
    fail(`"status" ${String(input.status)} must be a whole number from 200 to 599.`)
  }
  if (
    input.delayMs !== undefined &&
    !(Number.isFinite(input.delayMs) && input.delayMs >= 0 && input.delayMs <= maxDelayMs)
  ) {
    fail(`"delayMs" must be a number from 0 to ${maxDelayMs}.`)
  }
  if (input.times !== undefined && !(Number.isInteger(input.times) && input.times >= 1)) {
    fail('"times" must be a whole number >= 1; delete the rule to stop it.')
  }
  if (input.probability !== undefined && !(input.probability >= 0 && input.probability <= 1)) {
    fail('"probability" must be a number from 0 to 1.')
  }
  if (input.status === undefined && input.delayMs === undefined) {
    fail('give a "status" to answer with, a "delayMs" to wait, or both.')
  }
  if (input.headers !== undefined && (typeof input.headers !== 'object' || input.headers === null)) {
    fail('"headers" must be an object of header names to values.')
  }
  const { method, path, status, body, headers, delayMs, times, probability } = input
  return { method, path, status, body, headers, delayMs, times, probability }
}

const patterns = new Map<string, RegExp>()

function globToRegExp(glob: string): RegExp {
  let pattern = patterns.get(glob)
  if (!pattern) {
    const source = glob
      .split(/(\*\*|\*)/)
      .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('')
    pattern = new RegExp(`^${source}$`)
    patterns.set(glob, pattern)
  }
  return pattern
}
