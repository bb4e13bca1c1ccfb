import { describe, expect, it } from 'vitest'
import { randomAt, seededRandom, seedFromString } from './random.js'

describe('randomAt', () => {
  it('gives the draw the sequence gives at that position, for any seed', () => {
    for (const seed of [0, 1, 42, 0xffffffff, 2 ** 31]) {
      const random = seededRandom(seed)
      for (let draw = 1; draw <= 1000; draw++) {
        expect(randomAt(seed, draw)).toBe(random.next())
      }
    }
  })

  it('stays right past 2^32 draws, where the state wraps', () => {
    // The state after n draws is seed + n * step mod 2^32: draw n + 2^32 repeats draw n.
    expect(randomAt(9, 2 ** 32 + 5)).toBe(randomAt(9, 5))
    expect(randomAt(9, 2 ** 32 + 5)).not.toBe(randomAt(9, 6))
  })
})

describe('seedFromString', () => {
  it('is 32-bit FNV-1a, so a name gives the same fixtures in every release', () => {
    // The published FNV-1a test vectors.
    expect(seedFromString('')).toBe(0x811c9dc5)
    expect(seedFromString('a')).toBe(0xe40c292c)
    expect(seedFromString('foobar')).toBe(0xbf9cf968)
  })
})

describe('seeded random draws', () => {
  it('draws every whole number from min to max inclusive, and nothing outside', () => {
    const random = seededRandom(3)
    const seen = new Set(Array.from({ length: 600 }, () => random.int(1, 6)))
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('picks every item of a list', () => {
    const random = seededRandom(3)
    const seen = new Set(Array.from({ length: 300 }, () => random.pick(['a', 'b', 'c'])))
    expect([...seen].sort()).toEqual(['a', 'b', 'c'])
  })
})

describe('refusals of bad configuration', () => {
  it('a pick from an empty list', () => {
    expect(() => seededRandom(1).pick([])).toThrow(new RangeError('Failed to pick from an empty list.'))
    expect(seededRandom(1).pick(['only'])).toBe('only')
  })
})
