import { describe, expect, it } from 'vitest'
import { runsOnNode } from './csv-records.js'

// csv-parse's Node build where Node runs, its browser build in a browser tab (no `process`) or
// under a bundler's stand-in `process` without versions.
describe('runsOnNode', () => {
  it('knows Node by its version', () => {
    expect(runsOnNode(globalThis)).toBe(true)
    expect(runsOnNode({ process: { versions: { node: '20.20.0' } } })).toBe(true)
  })

  it.each([
    ['no process', {}],
    ['a process without versions', { process: {} }],
    ['versions without node', { process: { versions: {} } }],
    ['a version that is not text', { process: { versions: { node: 20 } } }],
  ])('answers false for %s', (_what, scope) => {
    expect(runsOnNode(scope)).toBe(false)
  })
})
