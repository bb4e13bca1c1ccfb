import { describe, expect, it, vi } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

// A fault in the simulator's own reading of a file (not a file it refuses) must still fail the
// import with a sentence, never answer a 500.
vi.mock('./import/preview.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./import/preview.js')>()
  return {
    ...original,
    previewFile: async (file: { name: string }) => {
      if (file.name === 'crash.csv') {
        throw new TypeError('cells is not iterable')
      }
      if (file.name === 'odd.csv') {
        throw 'a thrown string'
      }
      return original.previewFile(file as Parameters<typeof original.previewFile>[0])
    },
  }
})

describe('an import whose file the simulator fails to read', () => {
  it.each([
    ['crash.csv', 'The simulator could not read "crash.csv" (cells is not iterable).'],
    ['odd.csv', 'The simulator could not read "odd.csv" (a thrown string).'],
  ])('is created, then fails with what went wrong: %s', async (name, reason) => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile(name, 'First Name,Phone\nAnn,+14155550100\n')
    expect(created.status).toBe(201)
    finish()
    const failed = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    expect(failed.body.data.attributes).toMatchObject({ status: 'failed', 'failure-reason': reason })
  })
})
