import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

// The harness clock starts at 2026-03-01T12:00:00Z; an import waits 1 s queued, then processes for
// 2 s (and 100 ms a MiB: nothing for these small files).
const created = '2026-03-01T12:00:00.000000+00:00'
const processingFrom = '2026-03-01T12:00:01.000000+00:00'
const finished = '2026-03-01T12:00:03.000000+00:00'
const oneBadRow = 'First Name,Phone\nAnn,+14155550100\nBo,555-01\n'

async function oneImport() {
  const harness = omnigageHarness()
  const answer = await harness.importFile('people.csv', oneBadRow)
  const id = answer.body.data.id as string
  const get = async () => (await harness.call('GET', `/api/v1/import-contacts/${id}`)).body.data
  return { ...harness, id, get }
}

describe('an import resource over time', () => {
  it('is updated when it was created while queued, when processing began while processing, and when it finished', async () => {
    const { clock, get } = await oneImport()
    expect((await get()).attributes).toMatchObject({ status: 'queued', 'updated-at': created })
    clock.advance(1500)
    expect((await get()).attributes).toMatchObject({ status: 'processing', 'updated-at': processingFrom })
    clock.advance(60_000)
    expect((await get()).attributes).toMatchObject({
      status: 'completed',
      'updated-at': finished,
      'created-at': created,
    })
  })

  it('shows no result again when the clock is set back before its end', async () => {
    const { clock, get, finish } = await oneImport()
    finish()
    const done = await get()
    expect(done.attributes).toMatchObject({ status: 'completed', 'count-created': 1, 'count-erred': 1 })
    expect(done.relationships['errors-file'].data).toEqual({ type: 'files', id: expect.any(String) })
    clock.set('2026-03-01T12:00:01.500Z')
    const back = await get()
    expect(back.attributes).toMatchObject({
      status: 'processing',
      'count-created': 0,
      'count-erred': 0,
      'count-total': 0,
      'updated-at': processingFrom,
    })
    expect(back.relationships['errors-file']).toEqual({ data: null })
  })

  it('names the file it read and the errors file it wrote as files', async () => {
    const { get, finish, call } = await oneImport()
    finish()
    const { relationships } = await get()
    expect(relationships['original-file'].data).toEqual({ type: 'files', id: expect.any(String) })
    expect(relationships['errors-file'].data).toEqual({ type: 'files', id: expect.any(String) })
    const original = await call('GET', `/api/v1/files/${relationships['original-file'].data.id}`)
    expect(original.body.data.attributes.name).toBe('people.csv')
    const errors = await call('GET', `/api/v1/files/${relationships['errors-file'].data.id}`)
    expect(errors.body.data.attributes.name).toBe('people-errors.csv')
  })
})

describe('an import row result', () => {
  it('is named by the import and its row, and links the contact the row made', async () => {
    const { id, call, finish } = await oneImport()
    finish()
    const rows = await call('GET', `/api/v1/import-contacts/${id}/results`)
    expect(rows.conformance).toEqual([])
    const contact = (await call('GET', '/api/v1/contacts')).body.data[0].id
    expect(rows.body.data.map((row: { id: string; relationships: unknown }) => [row.id, row.relationships])).toEqual([
      [`${id}-1`, { contact: { data: { type: 'contacts', id: contact } } }],
      [`${id}-2`, { contact: { data: null } }],
    ])
  })
})

describe('list links', () => {
  async function fiveContacts() {
    const harness = omnigageHarness()
    harness.sim.seed({ contacts: ['A', 'B', 'C', 'D', 'E'].map((name) => ({ 'first-name': name })) })
    const links = async (query: string) => (await harness.call('GET', `/api/v1/contacts${query}`)).body.links
    return links
  }
  const pageOf = (link: string | undefined) => {
    const params = new URL(link as string).searchParams
    return [params.get('page[offset]'), params.get('page[limit]')]
  }

  it('write the default page size when the request gives none, and no previous page on the first', async () => {
    const links = await fiveContacts()
    const first = await links('?page[limit]=2')
    expect(first.prev).toBeUndefined()
    expect(pageOf(first.next)).toEqual(['2', '2'])
    const unsized = await links('?page[offset]=1')
    expect(pageOf(unsized.prev)).toEqual(['0', '25'])
    expect(unsized.next).toBeUndefined()
  })

  it('go back a whole page, or to the first contact from less than a page in', async () => {
    const links = await fiveContacts()
    expect(pageOf((await links('?page[offset]=3&page[limit]=2')).prev)).toEqual(['1', '2'])
    expect(pageOf((await links('?page[offset]=1&page[limit]=2')).prev)).toEqual(['0', '2'])
  })
})
