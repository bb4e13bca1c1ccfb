import type { Random } from './random.js'

// Two hex digits per byte, looked up rather than formatted: ids are made on every request.
const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function hex32(word: number): string {
  return (
    (hexByte[word >>> 24] as string) +
    (hexByte[(word >>> 16) & 0xff] as string) +
    (hexByte[(word >>> 8) & 0xff] as string) +
    (hexByte[word & 0xff] as string)
  )
}

/**
 * Request ids in the UUID v4 layout, drawn from a seeded random source so a run on a manual clock
 * repeats exactly, ids included.
 *
 * @example
 * const nextId = requestIds(seededRandom(1))
 * nextId() // the same id every run
 */
export function requestIds(random: Random): () => string {
  return () => {
    const a = hex32(Math.floor(random.next() * 0x1_0000_0000))
    const b = hex32(Math.floor(random.next() * 0x1_0000_0000))
    const c = Math.floor(random.next() * 0x1_0000_0000)
    const d = hex32(Math.floor(random.next() * 0x1_0000_0000))
    const cHex = hex32(c)
    // The variant digit keeps the low two bits of the word's first digit and sets the high one.
    const variant = ((((c >>> 28) & 0x3) | 0x8) as number).toString(16)
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${cHex.slice(1, 4)}-${cHex.slice(4, 8)}${d}`
  }
}
