import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { profileOf } from '../core/dashboard/profile.js'
import { createOmnigageSimulator } from './index.js'

describe('the Omnigage entry of the vendor registry', () => {
  it('names the vendor on the dashboard', () => {
    expect(profileOf(createOmnigageSimulator({ clock: manualClock() })).title).toBe('Omnigage')
  })
})
