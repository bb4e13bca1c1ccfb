import { describe, expect, it } from 'vitest'
import { httpDate, isoMillis, isoSeconds, wholeSeconds } from './time-format.js'

describe('time formats', () => {
  it('write the clock in each wire format', () => {
    const ms = Date.parse('2026-04-12T15:18:57.123Z')
    expect(isoMillis(ms)).toBe('2026-04-12T15:18:57.123Z')
    expect(isoSeconds(ms)).toBe('2026-04-12T15:18:57Z')
    expect(httpDate(ms)).toBe('Sun, 12 Apr 2026 15:18:57 GMT')
    expect(wholeSeconds(ms)).toBe(Date.parse('2026-04-12T15:18:57Z'))
  })
})
