import { describe, expect, it } from 'vitest'
import { pacificMillis, pacificOffsetMinutes, pacificSeconds } from './pacific-time.js'

describe('Pacific time', () => {
  it('writes summer times with -07:00 and winter times with -08:00, with or without milliseconds', () => {
    expect(pacificMillis(Date.parse('2016-04-12T22:18:57Z'))).toBe('2016-04-12T15:18:57.000-07:00')
    expect(pacificMillis(Date.parse('2016-01-12T22:18:57.250Z'))).toBe('2016-01-12T14:18:57.250-08:00')
    expect(pacificSeconds(Date.parse('2026-03-01T12:00:00.999Z'))).toBe('2026-03-01T04:00:00-08:00')
    expect(pacificSeconds(Date.parse('2026-07-01T03:00:00Z'))).toBe('2026-06-30T20:00:00-07:00')
  })

  it('switches at 02:00 local time on the days the US rules say', () => {
    // 2026: daylight time from 8 March 10:00 UTC to 1 November 09:00 UTC.
    expect(pacificOffsetMinutes(Date.parse('2026-03-08T09:59:59.999Z'))).toBe(-480)
    expect(pacificOffsetMinutes(Date.parse('2026-03-08T10:00:00Z'))).toBe(-420)
    expect(pacificOffsetMinutes(Date.parse('2026-11-01T08:59:59.999Z'))).toBe(-420)
    expect(pacificOffsetMinutes(Date.parse('2026-11-01T09:00:00Z'))).toBe(-480)
    // 2006, before the 2007 change: first Sunday of April to last Sunday of October.
    expect(pacificOffsetMinutes(Date.parse('2006-04-02T10:00:00Z'))).toBe(-420)
    expect(pacificOffsetMinutes(Date.parse('2006-03-20T10:00:00Z'))).toBe(-480)
    expect(pacificOffsetMinutes(Date.parse('2006-10-29T09:00:00Z'))).toBe(-480)
  })

  it('agrees with Intl time zone data every hour from 1990 to 2040', () => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', timeZoneName: 'shortOffset' })
    const disagreements: string[] = []
    for (let ms = Date.parse('1990-01-01T00:00:00Z'); ms < Date.parse('2040-01-01T00:00:00Z'); ms += 3_600_000) {
      const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value
      if (name !== `GMT${pacificOffsetMinutes(ms) / 60}`) {
        disagreements.push(`${new Date(ms).toISOString()}: ${name}`)
      }
    }
    expect(disagreements).toEqual([])
  })
})
