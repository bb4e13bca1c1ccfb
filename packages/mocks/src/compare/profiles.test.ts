import { describe, expect, it } from 'vitest'
import { cloudspongeVendor } from '../cloudsponge/index.js'
import { s3Vendor } from '../s3/index.js'
import { vendors } from '../vendors.js'
import { defaultHeaderRules } from './headers.js'
import { compareProfile } from './profiles.js'

describe('compareProfile', () => {
  it('gives a vendor without fidelity settings the defaults: no peers, unordered JSON keys, Basic, the common headers', () => {
    expect(s3Vendor.fidelity).toBeUndefined()
    expect(compareProfile(s3Vendor)).toEqual({
      peers: [],
      orderedJsonKeys: false,
      credentials: { defaultScheme: 'basic' },
      headers: defaultHeaderRules,
      vocabulary: [],
    })
  })

  it("lays a vendor's settings over the defaults, its header rules beside the common ones", () => {
    const profile = compareProfile(cloudspongeVendor)
    expect(profile.orderedJsonKeys).toBe(true)
    expect(profile.headers).toEqual({ ...defaultHeaderRules, 'x-frame-options': 'value' })
    expect(profile.canonicalPath?.('/events.xml/1126')).toBe('/events/1126.xml')
    expect(profile.canonicalPath?.('/begin_import/import/')).toBe('/begin_import/import')
  })

  // Compare reads each vendor's settings from its registry entry, so they must name what that
  // entry and the registry hold: a misspelt label would leave a recording's credentials unmapped.
  it.each(vendors.map((vendor) => [vendor.name, vendor] as const))(
    "names only %s's registered credentials and registered vendors as peers",
    (_name, vendor) => {
      const profile = compareProfile(vendor)
      const labels = vendor.credentials.map((credential) => credential.label)
      const named = [...(profile.credentials.basic ?? []), profile.credentials.bearer].filter(
        (label): label is string => label !== undefined,
      )
      for (const label of named) {
        expect(labels).toContain(label)
      }
      for (const peer of profile.peers) {
        expect(vendors.map((candidate) => candidate.name)).toContain(peer)
      }
    },
  )
})
