import { describe, expect, it } from 'vitest'
import { ByteCache } from './byte-cache.js'

describe('ByteCache', () => {
  const bytes = (size: number) => new Uint8Array(size)

  it('renders once and serves the same bytes after', () => {
    const cache = new ByteCache()
    let renders = 0
    const render = () => {
      renders++
      return bytes(10)
    }
    expect(cache.get('a', render)).toBe(cache.get('a', render))
    expect(renders).toBe(1)
  })

  it('drops the least recently used entries past either bound, and never keeps one larger than the budget', () => {
    const cache = new ByteCache({ maxBytes: 30, maxEntries: 2 })
    cache.get('a', () => bytes(10))
    cache.get('b', () => bytes(10))
    cache.get('a', () => bytes(10)) // a is now the most recent
    cache.get('c', () => bytes(10))
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true])
    cache.get('big', () => bytes(31))
    expect(cache.has('big')).toBe(false)
    expect(cache.stats).toEqual({ entries: 2, bytes: 20 })
    cache.deletePrefix('a')
    expect(cache.stats).toEqual({ entries: 1, bytes: 10 })
  })

  it('holds 64 MiB in 1,024 entries unless told otherwise', () => {
    const cache = new ByteCache()
    expect([cache.maxBytes, cache.maxEntries]).toEqual([64 * 1024 * 1024, 1024])
  })

  it('keeps an entry of exactly the budget, and a total of exactly the budget', () => {
    const cache = new ByteCache({ maxBytes: 20 })
    cache.get('whole', () => bytes(20))
    expect(cache.has('whole')).toBe(true)
    cache.clear()
    cache.get('a', () => bytes(10))
    cache.get('b', () => bytes(10))
    expect(cache.stats).toEqual({ entries: 2, bytes: 20 })
  })

  it('drops the least recently used past the byte budget alone, with room for more entries', () => {
    const cache = new ByteCache({ maxBytes: 25, maxEntries: 10 })
    cache.get('a', () => bytes(10))
    cache.get('b', () => bytes(10))
    cache.get('c', () => bytes(10))
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true])
    expect(cache.stats).toEqual({ entries: 2, bytes: 20 })
  })

  it('caches nothing with room for no entries', () => {
    const cache = new ByteCache({ maxEntries: 0 })
    let renders = 0
    cache.get('a', () => bytes(++renders))
    cache.get('a', () => bytes(++renders))
    expect(renders).toBe(2)
    expect(cache.stats).toEqual({ entries: 0, bytes: 0 })
  })

  it('forgets by prefix only, and forgets everything on clear', () => {
    const cache = new ByteCache()
    cache.get('page/1', () => bytes(1))
    cache.get('other/page/', () => bytes(2))
    cache.deletePrefix('page/')
    expect([cache.has('page/1'), cache.has('other/page/')]).toEqual([false, true])
    cache.clear()
    expect(cache.stats).toEqual({ entries: 0, bytes: 0 })
    let rendered = false
    cache.get('other/page/', () => {
      rendered = true
      return bytes(2)
    })
    expect(rendered).toBe(true)
  })
})

describe('refusals of bad configuration', () => {
  it('a byte cache with a negative size or a fractional entry count', () => {
    const sentence = 'Failed to create the byte cache: maxBytes and maxEntries must be 0 or more.'
    expect(() => new ByteCache({ maxBytes: -1 })).toThrow(new RangeError(sentence))
    expect(() => new ByteCache({ maxEntries: -1 })).toThrow(new RangeError(sentence))
    expect(() => new ByteCache({ maxEntries: 1.5 })).toThrow(new RangeError(sentence))
    expect(() => new ByteCache({ maxBytes: 0, maxEntries: 0 })).not.toThrow()
  })
})
