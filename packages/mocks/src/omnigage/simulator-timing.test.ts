import { describe, expect, it } from 'vitest'
import { createOmnigageSimulator } from './index.js'

describe('createOmnigageSimulator timing', () => {
  it.each([
    ['queuedMs', -1],
    ['processingMs', Number.NaN],
    ['processingMsPerMegabyte', Number.POSITIVE_INFINITY],
  ])('refuses %s of %s, naming it', (name, value) => {
    expect(() => createOmnigageSimulator({ timing: { [name]: value } })).toThrow(
      new RangeError(`Failed to create the Omnigage simulator: timing.${name} must be 0 or more, not ${value}.`),
    )
  })

  it('takes 0 for each', () => {
    expect(() =>
      createOmnigageSimulator({ timing: { queuedMs: 0, processingMs: 0, processingMsPerMegabyte: 0 } }),
    ).not.toThrow()
  })
})
