import { describe, expect, it } from 'vitest'
import { defineVendor } from './registry.js'

describe('refusals of bad configuration', () => {
  it('a vendor name with capitals or punctuation', () => {
    const registration = { title: 'X', defaultPort: 1, baseUrl: 'https://x', credentials: [], create: () => null }
    expect(() => defineVendor({ ...registration, name: 'Bad-Name' } as never)).toThrow(
      new RangeError('Failed to register vendor "Bad-Name": use lower-case letters and digits only.'),
    )
    expect(() => defineVendor({ ...registration, name: 'good-name' } as never)).toThrow(/lower-case letters and digits/)
    expect(() => defineVendor({ ...registration, name: '2good' } as never)).toThrow(/lower-case letters and digits/)
    expect(defineVendor({ ...registration, name: 'good2' } as never).name).toBe('good2')
  })
})
