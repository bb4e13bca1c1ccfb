import { randomAt } from '../core/random.js'

// shortuuid's alphabet: digits and letters without 0, 1, I, O and l, as every Omnigage id reads.
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const hexDigits = '0123456789abcdef'
const alphabetCodes = Array.from(alphabet, (char) => char.charCodeAt(0))
const idLength = 22

/**
 * Ids in the vendor's form (22 characters of shortuuid's alphabet) and upload key prefixes (32 hex
 * digits), from the simulator's seeded random source so they repeat run to run.
 *
 * Every id has a position in that source (`reserve()`), from which `idAt` gives it back: a store
 * of a million contacts keeps a number per contact rather than a 22-character string.
 *
 * @example
 * const ids = new IdSource(1)
 * ids.next() // 'Q843fc2UoJf4B5CrQxQ6Cd'-like
 * const position = ids.reserve()
 * ids.idAt(position) // the id next() would have answered there
 */
export class IdSource {
  readonly #seed: number
  readonly #codes: number[] = new Array(idLength).fill(0)
  // Draws taken from the seeded source so far.
  #drawn = 0

  constructor(seed: number) {
    this.#seed = seed
  }

  /** Starts the sequence over: after a reset, ids repeat as on a fresh simulator. */
  reset(): void {
    this.#drawn = 0
  }

  /** A 22-character resource id. */
  next(): string {
    return this.idAt(this.reserve())
  }

  /** Takes the next id's place in the sequence and answers its position, for `idAt`. */
  reserve(): number {
    const position = this.#drawn
    this.#drawn += idLength
    return position
  }

  /** The id reserved at `position`. */
  idAt(position: number): string {
    // One flat string from char codes: `+=` per character would leave a chain of 22 cons-string
    // nodes behind every id that is kept.
    const codes = this.#codes
    for (let index = 0; index < idLength; index++) {
      const draw = randomAt(this.#seed, position + index + 1)
      codes[index] = alphabetCodes[Math.floor(draw * alphabetCodes.length)] as number
    }
    return String.fromCharCode(...codes)
  }

  /** 32 lower-case hex digits, as in the upload keys `uploads/<hex>/${filename}`. */
  hex(): string {
    let hex = ''
    for (let index = 0; index < 32; index++) {
      hex += hexDigits[Math.floor(randomAt(this.#seed, ++this.#drawn) * 16)]
    }
    return hex
  }
}
