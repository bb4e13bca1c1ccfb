import { describe, expect, it } from 'vitest'
import { SlotIndex } from './slot-index.js'

describe('SlotIndex', () => {
  it('finds every key among a hundred thousand, through its growth, and nothing else', () => {
    const keys = Array.from({ length: 100_000 }, (_, slot) => `+1415${String(slot).padStart(7, '0')}`)
    const index = new SlotIndex((slot) => keys[slot])
    expect(keys.every((key, slot) => index.add(key, slot))).toBe(true)
    expect(index.size).toBe(100_000)
    expect(keys.every((key, slot) => index.get(key) === slot)).toBe(true)
    expect(index.get('+14150100000')).toBeUndefined()
    expect(index.get('')).toBeUndefined()
  })

  it('keeps the first slot for a key added twice', () => {
    const keys = ['ann@example.com', 'ann@example.com']
    const index = new SlotIndex((slot) => keys[slot])
    expect(index.add('ann@example.com', 0)).toBe(true)
    expect(index.add('ann@example.com', 1)).toBe(false)
    expect(index.get('ann@example.com')).toBe(0)
  })

  it('removes a key only for the slot holding it, and takes it again after', () => {
    const keys = ['a', 'b', 'a']
    const index = new SlotIndex((slot) => keys[slot])
    index.add('a', 0)
    index.add('b', 1)
    index.remove('a', 2)
    expect(index.get('a')).toBe(0)
    index.remove('a', 0)
    expect(index.get('a')).toBeUndefined()
    expect(index.get('b')).toBe(1)
    expect(index.size).toBe(1)
    expect(index.add('a', 2)).toBe(true)
    expect(index.get('a')).toBe(2)
  })

  it('tells apart keys whose hashes are equal by asking their slots', () => {
    // Every key a slot gives back is checked: a key that is not the slot's own is not found there.
    const keys = ['x', 'y']
    const index = new SlotIndex((slot) => keys[slot])
    index.add('x', 0)
    keys[0] = 'changed'
    expect(index.get('x')).toBeUndefined()
  })

  it('stays usable through many removals and additions (removal markers are dropped as it rebuilds)', () => {
    const keys: string[] = []
    const index = new SlotIndex((slot) => keys[slot])
    for (let slot = 0; slot < 20_000; slot++) {
      keys.push(`k${slot}`)
      index.add(`k${slot}`, slot)
      if (slot >= 10) {
        index.remove(`k${slot - 10}`, slot - 10)
      }
    }
    expect(index.size).toBe(10)
    expect(index.get('k19999')).toBe(19_999)
    expect(index.get('k19989')).toBeUndefined()
    index.clear()
    expect(index.get('k19999')).toBeUndefined()
    expect(index.size).toBe(0)
  })
})
