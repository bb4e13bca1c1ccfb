import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { profileOf } from '../core/dashboard/profile.js'
import { createOmnigageSimulator, omnigageVendor } from './index.js'

describe('the Omnigage entry of the vendor registry', () => {
  it('names the vendor on the dashboard', () => {
    expect(profileOf(createOmnigageSimulator({ clock: manualClock() })).title).toBe('Omnigage')
  })

  // The contract suites read these names to reach the real API: OMNIGAGE_BASE_URL and the three
  // credentials (see packages/contract-tests/README.md).
  it('names its port, address and the environment variables of the real API', () => {
    expect(omnigageVendor).toMatchObject({
      name: 'omnigage',
      defaultPort: 4030,
      baseUrl: 'https://api.omnigage.io',
      baseUrlEnv: 'OMNIGAGE_BASE_URL',
    })
    expect(omnigageVendor.credentials.map((credential) => [credential.label, credential.env])).toEqual([
      ['token key', 'OMNIGAGE_TOKEN_KEY'],
      ['token secret', 'OMNIGAGE_TOKEN_SECRET'],
      ['account key', 'OMNIGAGE_ACCOUNT_KEY'],
    ])
  })
})
