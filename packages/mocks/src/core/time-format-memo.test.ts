import { describe, expect, it } from 'vitest'
import { httpDate, isoMillis, isoSeconds } from './time-format.js'

// Each format remembers its last answer: the next time asked must still get its own text.
describe('time formats asked again and again', () => {
  it('write each time its own text, within a second, across seconds, and back', () => {
    const base = Date.parse('2026-04-12T15:18:57.000Z')
    for (const ms of [base, base + 1, base + 999, base + 1000, base, base - 1, base - 1, base + 86_400_000, base]) {
      const date = new Date(ms)
      expect(isoMillis(ms)).toBe(date.toISOString())
      expect(isoSeconds(ms)).toBe(`${date.toISOString().slice(0, 19)}Z`)
      expect(httpDate(ms)).toBe(date.toUTCString())
    }
  })

  it('write times before 1970 to the second they fall in', () => {
    expect(isoSeconds(-1500)).toBe('1969-12-31T23:59:58Z')
    expect(httpDate(-1500)).toBe('Wed, 31 Dec 1969 23:59:58 GMT')
    expect(isoSeconds(-500)).toBe('1969-12-31T23:59:59Z')
    expect(httpDate(-500)).toBe('Wed, 31 Dec 1969 23:59:59 GMT')
  })

  it('refuse a time that is not one every time it is asked, as Date does', () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => isoMillis(Number.NaN)).toThrow(RangeError)
      expect(() => isoSeconds(Number.NaN)).toThrow(RangeError)
      expect(httpDate(Number.NaN)).toBe('Invalid Date')
    }
    expect(isoMillis(0)).toBe('1970-01-01T00:00:00.000Z')
  })
})
