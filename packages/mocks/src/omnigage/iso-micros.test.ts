import { describe, expect, it } from 'vitest'
import { isoMicros } from './iso-micros.js'

describe('isoMicros', () => {
  it('writes six fraction digits and +00:00, as the recorded created-at values are', () => {
    expect(isoMicros(Date.UTC(2020, 1, 28, 20, 44, 47, 940))).toBe('2020-02-28T20:44:47.940000+00:00')
    expect(isoMicros(0)).toBe('1970-01-01T00:00:00.000000+00:00')
  })
})
