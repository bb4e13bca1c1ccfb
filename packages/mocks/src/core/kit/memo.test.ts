import { describe, expect, it } from 'vitest'
import { BoundedMemo } from './memo.js'

describe('BoundedMemo', () => {
  it('computes a value once and hands back the remembered one after', () => {
    const memo = new BoundedMemo<string, { text: string }>(4)
    let computed = 0
    const compute = (key: string) => {
      computed += 1
      return { text: key.toUpperCase() }
    }
    const first = memo.remember('a', compute)
    expect(memo.remember('a', compute)).toBe(first)
    expect(first.text).toBe('A')
    expect(computed).toBe(1)
  })

  it('remembers null as a known answer but computes undefined again', () => {
    const memo = new BoundedMemo<string, string | null | undefined>(4)
    let computed = 0
    memo.remember('none', () => {
      computed += 1
      return null
    })
    memo.remember('none', () => {
      computed += 1
      return null
    })
    memo.remember('unknown', () => {
      computed += 1
      return undefined
    })
    memo.remember('unknown', () => {
      computed += 1
      return undefined
    })
    expect(computed).toBe(3)
  })

  it('never holds more than its limit: a full memo starts again empty', () => {
    const memo = new BoundedMemo<number, number>(3)
    for (let key = 0; key < 3; key++) {
      memo.set(key, key * 10)
    }
    expect(memo.size).toBe(3)
    memo.set(3, 30)
    expect(memo.size).toBe(1)
    expect(memo.get(0)).toBeUndefined()
    expect(memo.get(3)).toBe(30)
  })

  it('refuses a limit that is not a whole number from 1', () => {
    expect(() => new BoundedMemo(0)).toThrow('its limit must be a whole number from 1, not 0')
    expect(() => new BoundedMemo(1.5)).toThrow(RangeError)
  })
})
