import { seedFromString } from '../core/random.js'

const empty = -1
const removed = -2
const initialCapacity = 1024

/**
 * A map from string keys to slot numbers that keeps only a 32-bit hash and the slot per key (8
 * bytes, in two typed arrays), not the key: the key is asked back from the slot (`keyOf`) to tell
 * apart the rare keys whose hashes are equal. A million ids or phone numbers cost 16 MB here,
 * against some 100 MB as a `Map` of strings, and the collector has nothing to walk.
 *
 * Open addressing with linear probing, at most half full; a removed entry leaves a marker that
 * probes pass over and the next growth drops.
 *
 * @example
 * const index = new SlotIndex((slot) => ids[slot])
 * index.add('Q843fc2UoJf4B5CrQxQ6Cd', 0)
 * index.get('Q843fc2UoJf4B5CrQxQ6Cd') // 0
 */
export class SlotIndex {
  readonly #keyOf: (slot: number) => string | undefined
  #hashes = new Int32Array(initialCapacity)
  #slots = new Int32Array(initialCapacity).fill(empty)
  // Entries in use, and in use or removed (what the load counts).
  #size = 0
  #taken = 0

  constructor(keyOf: (slot: number) => string | undefined) {
    this.#keyOf = keyOf
  }

  get size(): number {
    return this.#size
  }

  get(key: string): number | undefined {
    const hash = hashOf(key)
    const mask = this.#slots.length - 1
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.#slots[at] as number
      if (slot === empty) {
        return undefined
      }
      if (slot !== removed && this.#hashes[at] === hash && this.#keyOf(slot) === key) {
        return slot
      }
    }
  }

  /**
   * Entries in the table, live, removed or empty: 8 bytes each. It stays at most half full, and
   * grows to twice its size when a quarter or more of it is live, so a million keys take 2,097,152.
   */
  get capacity(): number {
    return this.#slots.length
  }

  /** Adds the key unless it is there already (the first slot to hold a key keeps it); says whether it did. */
  add(key: string, slot: number): boolean {
    if ((this.#taken + 1) * 2 > this.#slots.length) {
      this.#grow()
    }
    const hash = hashOf(key)
    const mask = this.#slots.length - 1
    // A new key goes in the first empty entry, never in a removal marker: markers count towards
    // the load, so they bring on the rebuild that drops them.
    let at = hash & mask
    for (; ; at = (at + 1) & mask) {
      const held = this.#slots[at] as number
      if (held === empty) {
        break
      }
      if (held !== removed && this.#hashes[at] === hash && this.#keyOf(held) === key) {
        return false
      }
    }
    this.#hashes[at] = hash
    this.#slots[at] = slot
    this.#taken++
    this.#size++
    return true
  }

  /** Removes the key if `slot` holds it: a later holder of the same key is not disturbed. */
  remove(key: string, slot: number): void {
    const hash = hashOf(key)
    const mask = this.#slots.length - 1
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const held = this.#slots[at] as number
      if (held === empty) {
        return
      }
      if (held === slot && this.#hashes[at] === hash) {
        this.#slots[at] = removed
        this.#size--
        return
      }
    }
  }

  clear(): void {
    this.#hashes = new Int32Array(initialCapacity)
    this.#slots = new Int32Array(initialCapacity).fill(empty)
    this.#size = 0
    this.#taken = 0
  }

  // Doubles when more than a quarter of the entries are live, else rebuilds at the same size to drop removal markers.
  #grow(): void {
    const hashes = this.#hashes
    const slots = this.#slots
    const capacity = this.#size * 4 >= slots.length ? slots.length * 2 : slots.length
    this.#hashes = new Int32Array(capacity)
    this.#slots = new Int32Array(capacity).fill(empty)
    const mask = capacity - 1
    slots.forEach((slot, from) => {
      if (slot < 0) {
        return
      }
      const hash = hashes[from] as number
      let at = hash & mask
      while (this.#slots[at] !== empty) {
        at = (at + 1) & mask
      }
      this.#hashes[at] = hash
      this.#slots[at] = slot
    })
    this.#taken = this.#size
  }
}

/** FNV-1a (`seedFromString`), finished with a multiply so nearby keys spread over the table. */
function hashOf(key: string): number {
  const hash = seedFromString(key)
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d)
}
