/**
 * A memo of computed values that holds at most `limit` entries. Past the limit it starts again
 * empty rather than tracking which entry is oldest: a simulator sees few distinct keys (the same
 * Authorization header, the same URL, the same glob), so a full memo is rare, and forgetting only
 * costs computing again. No bookkeeping on a hit keeps it as cheap as a bare `Map` on the hot path.
 *
 * @example
 * const decoded = new BoundedMemo<string, string>(256)
 * const text = decoded.remember(header, (value) => atob(value))
 */
export class BoundedMemo<K, V> {
  readonly limit: number
  readonly #entries = new Map<K, V>()

  constructor(limit: number) {
    if (!(Number.isInteger(limit) && limit >= 1)) {
      throw new RangeError(`Failed to create a memo: its limit must be a whole number from 1, not ${limit}.`)
    }
    this.limit = limit
  }

  /** The value remembered for `key`, or undefined. */
  get(key: K): V | undefined {
    return this.#entries.get(key)
  }

  /** Remembers a value, forgetting everything first when the memo is full. */
  set(key: K, value: V): void {
    if (this.#entries.size >= this.limit) {
      this.#entries.clear()
    }
    this.#entries.set(key, value)
  }

  /**
   * The value for `key`, computed by `compute` only when it is not remembered. A computed
   * `undefined` is not remembered (it reads as "not known"); use `null` for "known to be nothing".
   */
  remember(key: K, compute: (key: K) => V): V {
    let value = this.#entries.get(key)
    if (value === undefined) {
      value = compute(key)
      if (value !== undefined) {
        this.set(key, value)
      }
    }
    return value
  }

  /** How many values it holds now. */
  get size(): number {
    return this.#entries.size
  }

  clear(): void {
    this.#entries.clear()
  }
}
