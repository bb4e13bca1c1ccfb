import { createValidator } from '@contactkit/specs/validator'
import { describe, expect, it } from 'vitest'
import { vendors } from '../vendors.js'
import { adminTag } from './admin-document.js'
import { manualClock } from './clock.js'

describe.each(vendors.map((vendor) => [vendor.name, vendor] as const))(
  'the %s simulator /openapi.json',
  (_, vendor) => {
    it('lists /__admin/health in an admin section, and its answer matches what it says', async () => {
      const simulator = vendor.create({ clock: manualClock() })
      const served = await (await simulator.app.request('/openapi.json')).json()
      expect(served.tags.map((tag: { name: string }) => tag.name)).toContain(adminTag)
      const validator = createValidator(served)
      const match = validator.matchOperation('GET', '/__admin/health')
      expect(match?.operationId).toBe('contactkitAdminHealth')
      const health = await simulator.app.request('/__admin/health')
      expect(
        validator.validateResponse('contactkitAdminHealth', health.status, 'application/json', await health.json()),
      ).toEqual([])
    })

    it('keeps the vendor spec itself free of it, so clients never see it', async () => {
      const simulator = vendor.create({ clock: manualClock() })
      expect(simulator.document.paths['/__admin/health']).toBeUndefined()
      const served = await (await simulator.app.request('/openapi.json')).json()
      expect(Object.keys(served.paths)).toEqual([...Object.keys(simulator.document.paths), '/__admin/health'])
    })
  },
)
