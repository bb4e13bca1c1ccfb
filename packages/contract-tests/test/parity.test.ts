import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { parityMarkdown, parityRows } from '../scripts/parity-table.mjs'

it('docs/parity.md shows the current parity of every simulator (pnpm parity --write renews it)', async () => {
  const rows = await parityRows()
  // Every operation of every spec has a row, and the simulators serve all of them.
  expect(rows.filter((row) => !row.simulated).map((row) => row.operationId)).toEqual([])
  expect(rows.find((row) => row.operationId === 'getEvents')?.recordings).toBeGreaterThan(0)
  const committed = readFileSync(new URL('../../../docs/parity.md', import.meta.url), 'utf8')
  expect(committed, 'docs/parity.md is stale: run pnpm parity --write').toBe(parityMarkdown(rows))
})
