import { type Random, seededRandom } from '../core/random.js'

// shortuuid's alphabet: digits and letters without 0, 1, I, O and l, as every Omnigage id reads.
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const hexDigits = '0123456789abcdef'
const alphabetCodes = Array.from(alphabet, (char) => char.charCodeAt(0))

/**
 * Ids in the vendor's form (22 characters of shortuuid's alphabet) and upload key prefixes (32 hex
 * digits), from the simulator's seeded random source so they repeat run to run.
 *
 * @example
 * const ids = new IdSource(1)
 * ids.next() // 'Q843fc2UoJf4B5CrQxQ6Cd'-like
 */
export class IdSource {
  readonly #seed: number
  readonly #codes: number[] = new Array(22).fill(0)
  #random: Random

  constructor(seed: number) {
    this.#seed = seed
    this.#random = seededRandom(seed)
  }

  /** Starts the sequence over: after a reset, ids repeat as on a fresh simulator. */
  reset(): void {
    this.#random = seededRandom(this.#seed)
  }

  /** A 22-character resource id. */
  next(): string {
    // One flat string from char codes: `+=` per character would leave a chain of 22 cons-string
    // nodes (some 700 bytes) behind every id a million-row import stores.
    const codes = this.#codes
    for (let index = 0; index < 22; index++) {
      codes[index] = alphabetCodes[Math.floor(this.#random.next() * alphabetCodes.length)] as number
    }
    return String.fromCharCode(...codes)
  }

  /** 32 lower-case hex digits, as in the upload keys `uploads/<hex>/${filename}`. */
  hex(): string {
    let hex = ''
    for (let index = 0; index < 32; index++) {
      hex += hexDigits[Math.floor(this.#random.next() * 16)]
    }
    return hex
  }
}
