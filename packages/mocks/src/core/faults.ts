import { globProblem, globToRegExp } from './glob.js'
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
    const [rule] = this.addAll([input])
    return rule as FaultRule
  }

  /** Adds rules after checking them all: one bad rule adds none. */
  addAll(inputs: readonly FaultRuleInput[]): FaultRule[] {
    const checked = inputs.map((input) => checkRule(input))
    const rules = checked.map((input) => ({ ...input, id: `fault-${this.#nextId++}`, hits: 0 }))
    this.#rules.push(...rules)
    return rules.map((rule) => ({ ...rule }))
  }

  list(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }))
  }

  clear(): void {
    this.#rules.length = 0
  }

  /** Removes one rule; false when there is no rule with that id. */
  remove(id: string): boolean {
    const index = this.#rules.findIndex((rule) => rule.id === id)
    if (index >= 0) {
      this.#rules.splice(index, 1)
    }
    return index >= 0
  }

  /** How many rules there are; zero makes the per-request check free. */
  get size(): number {
    return this.#rules.length
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
      if (rule.hits >= (rule.times ?? Number.POSITIVE_INFINITY)) {
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

const ruleFields = ['method', 'path', 'status', 'body', 'headers', 'delayMs', 'times', 'probability']

function checkRule(input: FaultRuleInput): FaultRuleInput {
  const fail = (why: string): never => {
    throw new RangeError(`Failed to add the fault rule: ${why}`)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail('send an object such as {"path": "/events/*", "status": 503}.')
  }
  const unknown = Object.keys(input).filter((key) => !ruleFields.includes(key))
  if (unknown.length > 0) {
    fail(`unknown field ${unknown.map((key) => `"${key}"`).join(', ')}; a rule takes ${ruleFields.join(', ')}.`)
  }
  const pathProblem = globProblem(input.path)
  if (pathProblem) {
    fail(`"path" ${pathProblem}.`)
  }
  if (input.method !== undefined && (typeof input.method !== 'string' || !/^[A-Za-z]+$/.test(input.method))) {
    fail('"method" must be an HTTP method such as "GET" or "POST".')
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
  if (
    input.probability !== undefined &&
    !(typeof input.probability === 'number' && input.probability >= 0 && input.probability <= 1)
  ) {
    fail('"probability" must be a number from 0 to 1.')
  }
  if (input.status === undefined && input.delayMs === undefined) {
    fail('give a "status" to answer with, a "delayMs" to wait, or both.')
  }
  if (
    input.headers !== undefined &&
    (typeof input.headers !== 'object' ||
      input.headers === null ||
      Array.isArray(input.headers) ||
      Object.values(input.headers).some((value) => typeof value !== 'string'))
  ) {
    fail('"headers" must be an object of header names to string values.')
  }
  const { method, path, status, body, headers, delayMs, times, probability } = input
  return { method, path, status, body, headers, delayMs, times, probability }
}
