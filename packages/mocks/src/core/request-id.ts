import type { Random } from './random.js'

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
    let hex = ''
    for (let word = 0; word < 4; word++) {
      hex += Math.floor(random.next() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0')
    }
    const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }
}
