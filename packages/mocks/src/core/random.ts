/** A seeded pseudo-random source, so generated data and fault probabilities repeat run to run. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
}

/**
 * mulberry32: tiny, fast and good enough for fixtures; not for secrets.
 *
 * @example
 * const random = seededRandom(42)
 * random.int(1, 6) // the same roll every run
 */
export function seededRandom(seed: number): Random {
  return new Mulberry32(seed)
}

const step = 0x6d2b79f5

// mulberry32's output function: its state only ever moves by `step`, so any draw can be computed directly.
function mix(state: number): number {
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * The `draw`-th value (1-based) that `seededRandom(seed)` would give, without drawing the ones
 * before it: lets a store keep a position in the sequence instead of what was drawn there.
 *
 * @example
 * const random = seededRandom(7)
 * random.next(); random.next() === randomAt(7, 2) // true
 */
export function randomAt(seed: number, draw: number): number {
  // Math.imul wraps the product to 32 bits, as the state's repeated additions do.
  return mix(((seed >>> 0) + Math.imul(draw, step)) >>> 0)
}

// A class rather than closures: generators make one per generated contact, so allocation matters.
class Mulberry32 implements Random {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  next(): number {
    this.#state = (this.#state + step) >>> 0
    return mix(this.#state)
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) {
      throw new RangeError('Failed to pick from an empty list.')
    }
    return item
  }
}

/** A stable 32-bit seed from a string (FNV-1a), to derive fixtures from a username. */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
