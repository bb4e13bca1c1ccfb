import { describe, expect, it } from 'vitest'
import { timeline } from './timeline.js'

describe('timeline', () => {
  const steps = timeline(1000, [
    { phase: 'queued', durationMs: 1000 },
    { phase: 'processing', durationMs: 3000 },
  ])

  it('gives the phase and progress at any clock time', () => {
    expect(steps.at(500)).toMatchObject({ phase: 'queued', step: 0, stepProgress: 0, progress: 0 })
    expect(steps.at(1500)).toMatchObject({ phase: 'queued', stepProgress: 0.5, progress: 0.125 })
    expect(steps.at(2000)).toMatchObject({ phase: 'processing', step: 1, stepProgress: 0, stepStartedAt: 2000 })
    expect(steps.at(3500)).toMatchObject({ phase: 'processing', stepProgress: 0.5, progress: 0.625, stepEndsAt: 5000 })
    expect(steps.at(5000)).toMatchObject({ phase: 'done', step: 2, progress: 1 })
    expect(steps.startOf('processing')).toBe(2000)
    expect(steps.endsAt).toBe(5000)
  })

  it('skips a step of zero length and refuses a negative one', () => {
    const instant = timeline(0, [
      { phase: 'a', durationMs: 0 },
      { phase: 'b', durationMs: 10 },
    ])
    expect(instant.at(0).phase).toBe('b')
    expect(() => timeline(0, [{ phase: 'a', durationMs: -1 }])).toThrow('step "a" lasts -1 ms')
  })

  it('reports no progress, not NaN, for a zero-length step asked about before the start', () => {
    const instant = timeline(100, [{ phase: 'a', durationMs: 0 }])
    expect(instant.at(50)).toMatchObject({ phase: 'a', stepProgress: 0, progress: 0 })
  })
})
