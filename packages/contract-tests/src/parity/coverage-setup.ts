import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { afterAll, expect } from 'vitest'
import { operationsSeen } from './operations-seen.js'

// After a contract suite, the operations its conformance checks saw must all be in its committed
// coverage file (parity/<suite>.json), which the parity table reads. A filtered run sees fewer and
// passes; a suite that reaches a new operation fails until the file is written again with
// CONTACTKIT_PARITY_UPDATE=1.
const directory = new URL('../../parity/', import.meta.url)

afterAll(() => {
  const suite = basename(expect.getState().testPath ?? '')
  if (!suite.endsWith('.contract.test.ts')) {
    return
  }
  const file = new URL(`${suite.replace(/\.test\.ts$/, '')}.json`, directory)
  const seen = operationsSeen()
  if (process.env.CONTACTKIT_PARITY_UPDATE) {
    mkdirSync(directory, { recursive: true })
    writeFileSync(file, `${JSON.stringify(seen, null, 2)}\n`)
    return
  }
  const committed = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {}
  const missing = Object.entries(seen).flatMap(([vendor, operations]) =>
    operations
      .filter((operation) => !committed[vendor]?.includes(operation))
      .map((operation) => `${vendor} ${operation}`),
  )
  expect(
    missing,
    `${suite} covers operations its parity coverage file does not list; run CONTACTKIT_PARITY_UPDATE=1 pnpm --filter @contactkit/contract-tests exec vitest run test/${suite}, then pnpm parity --write`,
  ).toEqual([])
})
