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

  it('never asks for the key of a removed entry, which has no slot', () => {
    const keys = ['a', 'a']
    const index = new SlotIndex((slot) => {
      if (slot < 0) {
        throw new Error(`asked for the key of slot ${slot}`)
      }
      return keys[slot]
    })
    index.add('a', 0)
    index.remove('a', 0)
    expect(index.get('a')).toBeUndefined()
    expect(index.add('a', 1)).toBe(true)
    expect(index.get('a')).toBe(1)
  })

  it('adds a key whose hash an entry shares when that entry’s slot holds another key now', () => {
    const keys = ['x', 'x']
    const index = new SlotIndex((slot) => keys[slot])
    index.add('x', 0)
    keys[0] = 'changed'
    expect(index.add('x', 1)).toBe(true)
    expect(index.get('x')).toBe(1)
  })

  it('asks a slot for its key only where the hashes are equal: reading a key back may read the upload', () => {
    const keys = Array.from({ length: 10_000 }, (_, slot) => `ann${slot}@example.com`)
    let asked = 0
    const index = new SlotIndex((slot) => {
      asked++
      return keys[slot]
    })
    keys.forEach((key, slot) => {
      index.add(key, slot)
    })
    // Ten thousand keys in a table of 32,768: two hashes of 32 bits are almost never equal.
    expect(asked).toBeLessThan(3)
    expect(keys.every((key, slot) => index.get(key) === slot)).toBe(true)
    expect(asked).toBeLessThan(10_003)
  })

  it('stays at most half full: 512 keys in 1,024 entries, the 513th doubles it', () => {
    const keys = Array.from({ length: 513 }, (_, slot) => `k${slot}`)
    const index = new SlotIndex((slot) => keys[slot])
    keys.slice(0, 512).forEach((key, slot) => {
      index.add(key, slot)
    })
    expect(index.capacity).toBe(1024)
    index.add('k512', 512)
    expect(index.capacity).toBe(2048)
  })

  it('doubles when a quarter of its entries are live as it fills, else rebuilds at the same size', () => {
    // Each round adds a key and removes an older one, so 256 stay live while the table fills.
    const churn = (live: number) => {
      const keys: string[] = []
      const index = new SlotIndex((slot) => keys[slot])
      for (let slot = 0; slot < 600; slot++) {
        keys.push(`k${slot}`)
        index.add(`k${slot}`, slot)
        if (slot >= live) {
          index.remove(`k${slot - live}`, slot - live)
        }
      }
      expect(index.size).toBe(live)
      return index.capacity
    }
    expect(churn(256)).toBe(2048)
    expect(churn(255)).toBe(1024)
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
    expect(index.capacity).toBe(1024)
    expect(index.get('k19999')).toBe(19_999)
    expect(index.get('k19989')).toBeUndefined()
    index.clear()
    expect(index.get('k19999')).toBeUndefined()
    expect(index.size).toBe(0)
  })
})
