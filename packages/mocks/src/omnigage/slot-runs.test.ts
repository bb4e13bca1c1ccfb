import { describe, expect, it } from 'vitest'
import { SlotRuns } from './slot-runs.js'

describe('SlotRuns', () => {
  it('gives back each slot its own origin, whether its run goes on or breaks', () => {
    const runs = new SlotRuns()
    const origins = [
      { position: 0, at: 1000, by: 0, source: 3 },
      { position: 22, at: 1000, by: 0, source: 3 },
      { position: 44, at: 1000, by: 0, source: 3 },
      { position: 88, at: 1000, by: 0, source: 3 }, // another id was drawn meanwhile
      { position: 110, at: 1000, by: 0, source: 3 },
      { position: 132, at: 2000, by: 0, source: 3 }, // later
      { position: 154, at: 2000, by: 1, source: 3 }, // another member
      { position: 176, at: 2000, by: 1, source: -1 }, // held, not read back
      { position: 198, at: 2000, by: 1, source: 4 },
    ]
    origins.forEach((origin, slot) => {
      runs.append(slot, origin)
    })
    // Slots 0-2 and 3-4 step evenly, then each slot differs from the one before in one way.
    expect(runs.count).toBe(6)
    origins.forEach((origin, slot) => {
      expect({
        position: runs.positionOf(slot),
        at: runs.createdAtOf(slot),
        by: runs.createdByOf(slot),
        source: runs.sourceOf(slot),
      }).toEqual(origin)
    })
  })

  it('keeps a million slots added at once, with ids a step apart, as one run', () => {
    const runs = new SlotRuns()
    // Slot 0 is another member's: the import's run starts at slot 1.
    runs.append(0, { position: 0, at: 1000, by: 1, source: 1 })
    for (let slot = 1; slot <= 1_000_000; slot++) {
      runs.append(slot, { position: 5 + slot * 22, at: 1000, by: 2, source: 1 })
    }
    expect(runs.count).toBe(2)
    expect(runs.positionOf(1_000_000)).toBe(5 + 1_000_000 * 22)
    runs.clear()
    expect(runs.count).toBe(0)
  })

  it('finds the run of any of a million slots in thousands of runs', () => {
    const runs = new SlotRuns()
    for (let slot = 0; slot < 1_000_000; slot++) {
      // A new time every 300 slots: 3,334 runs.
      runs.append(slot, { position: slot * 22, at: Math.floor(slot / 300), by: 0, source: 0 })
    }
    expect(runs.count).toBe(3334)
    for (const slot of [0, 299, 300, 301, 123_456, 999_999]) {
      expect(runs.positionOf(slot)).toBe(slot * 22)
      expect(runs.createdAtOf(slot)).toBe(Math.floor(slot / 300))
    }
  })
})
