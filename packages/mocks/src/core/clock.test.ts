import { describe, expect, it } from 'vitest'
import { manualClock, systemClock } from './clock.js'

describe('manualClock', () => {
  it('stands still until advanced or set', () => {
    const clock = manualClock('2026-01-01T00:00:00Z')
    expect(clock.now()).toBe(Date.parse('2026-01-01T00:00:00Z'))
    clock.advance(1500)
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-01T00:00:01.500Z')
    clock.set('2030-06-01T00:00:00Z')
    expect(new Date(clock.now()).toISOString()).toBe('2030-06-01T00:00:00.000Z')
  })

  it('refuses durations and dates it cannot use, saying what to send', () => {
    const clock = manualClock()
    expect(() => clock.advance(-1)).toThrow(
      'Failed to advance the clock: -1 is not a duration; give a number of milliseconds >= 0.',
    )
    expect(() => clock.set('next tuesday')).toThrow('"next tuesday" is not a date; use an ISO 8601 time.')
  })
})

describe('systemClock', () => {
  it('follows the wall clock, shifted by advance and set', () => {
    const clock = systemClock()
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000)
    clock.advance(3_600_000)
    expect(clock.now() - Date.now()).toBeGreaterThan(3_599_000)
    clock.set('2000-01-01T00:00:00Z')
    expect(Math.abs(clock.now() - Date.parse('2000-01-01T00:00:00Z'))).toBeLessThan(1000)
  })

  it('says it is the system clock, as the admin API and dashboard show', () => {
    expect(systemClock().mode).toBe('system')
  })
})
