import { describe, expect, it } from 'vitest'
import { seededRandom } from './random.js'
import { requestIds } from './request-id.js'

describe('request ids', () => {
  it('look like UUID v4 and repeat for a seed', () => {
    const first = requestIds(seededRandom(3))
    const again = requestIds(seededRandom(3))
    const ids = [first(), first()]
    expect(ids[0]).not.toBe(ids[1])
    expect([again(), again()]).toEqual(ids)
  })

  it('draw every random digit afresh, with the fixed version and variant digits', () => {
    const next = requestIds(seededRandom(5))
    const ids = Array.from({ length: 400 }, next)
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    // A position that never changes would make ids collide far more often than UUIDs should.
    const digitsAt = (position: number) => new Set(ids.map((id) => id[position])).size
    for (let position = 0; position < 36; position++) {
      const fixed = [8, 13, 14, 18, 23].includes(position)
      expect(digitsAt(position), `position ${position}`).toBe(fixed ? 1 : position === 19 ? 4 : 16)
    }
  })
})
