import { describe, expect, it } from 'vitest'
import { concatBytes } from './bytes.js'

describe('concatBytes', () => {
  it('puts the parts end to end in a new array, empty parts included', () => {
    const first = new Uint8Array([1, 2])
    const joined = concatBytes([first, new Uint8Array(0), new Uint8Array([3, 4, 5])])
    expect([...joined]).toEqual([1, 2, 3, 4, 5])
    joined[0] = 9
    expect(first[0]).toBe(1)
  })

  it('gives an empty array for no parts', () => {
    expect(concatBytes([]).byteLength).toBe(0)
  })
})
