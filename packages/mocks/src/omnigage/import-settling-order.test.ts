import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

describe('imports settled by the clock', () => {
  it('settle in the order they end, not the order they were made', async () => {
    // A megabyte costs a second of processing, so the larger file ends last though it was made first.
    const { importFile, finish, call } = omnigageHarness({ timing: { processingMsPerMegabyte: 1_000_000 } })
    const settings = { 'unique-primary-phone': true }
    const padding = `${'Nobody,,\n'.repeat(300)}`
    const large = await importFile('large.csv', `First Name,Phone,Notes\nAnn Large,+14155550100,\n${padding}`, settings)
    const small = await importFile('small.csv', 'First Name,Phone\nAnn Small,+14155550100\n', settings)
    finish()
    const counts = async (id: string) => {
      const { attributes } = (await call('GET', `/api/v1/import-contacts/${id}`)).body.data
      return { created: attributes['count-created'], updated: attributes['count-updated'] }
    }
    expect(await counts(small.body.data.id)).toEqual({ created: 1, updated: 0 })
    expect(await counts(large.body.data.id)).toEqual({ created: 0, updated: 1 })
    const contacts = await call('GET', '/api/v1/contacts')
    expect(
      contacts.body.data.map((contact: { attributes: Record<string, unknown> }) => contact.attributes['first-name']),
    ).toEqual(['Ann Large'])
  })

  it('settles an import at the very millisecond it ends', async () => {
    const { importFile, clock, call } = omnigageHarness({ timing: { processingMsPerMegabyte: 0 } })
    const created = await importFile('people.csv', 'First Name,Phone\nAnn,+14155550100\n')
    // Queued for a second and processing for two (the default timing).
    clock.advance(2999)
    expect((await call('GET', '/api/v1/contacts')).body.meta).toEqual({ count: 0 })
    clock.advance(1)
    expect((await call('GET', '/api/v1/contacts')).body.meta).toEqual({ count: 1 })
    expect((await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)).body.data.attributes.status).toBe(
      'completed',
    )
  })
})
