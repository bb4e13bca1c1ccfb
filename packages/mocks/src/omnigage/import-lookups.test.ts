import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

describe('an import the account does not have', () => {
  it.each(['/api/v1/import-contacts/nope', '/api/v1/import-contacts/nope/results'])(
    'answers %s with 404 in the vendor format',
    async (path) => {
      const { call } = omnigageHarness()
      const answer = await call('GET', path)
      expect(answer.status).toBe(404)
      expect(answer.conformance).toEqual([])
      expect(answer.body).toEqual({ errors: [{ detail: 'There is no import "nope" in this account.', code: 404 }] })
    },
  )
})

describe('an import that went well', () => {
  it('has no errors file', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile('people.csv', 'First Name,Phone\nAnn,+14155550100\n')
    finish()
    const done = (await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)).body.data
    expect(done.attributes).toMatchObject({ status: 'completed', 'count-created': 1, 'count-erred': 0 })
    expect(done.relationships['errors-file']).toEqual({ data: null })
  })
})

describe('how long an import processes', () => {
  it('adds the time per MiB to the time every import takes', async () => {
    const { importFile, call, clock } = omnigageHarness({
      timing: { queuedMs: 0, processingMs: 1000, processingMsPerMegabyte: 500 },
    })
    // Two MiB of rows: 1000 ms, then 500 ms for each MiB.
    const row = 'Ann,+14155550100\n'
    const content = `First Name,Phone\n${row.repeat(Math.ceil((2 * 1024 * 1024) / row.length))}`
    const created = await importFile('people.csv', content)
    const status = async () =>
      (await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)).body.data.attributes.status
    clock.advance(1999)
    expect(await status()).toBe('processing')
    clock.advance(2)
    expect(await status()).toBe('completed')
  })
})
