import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const people = [
  'First Name,Last Name,Phone,Email',
  'Ann,Lee,+14155550100,ann@example.com',
  'Bo,Ng,+14155550101,bo@example.com',
  'Cy,Lee,+14155550102,cy@example.com',
  'Di,Ray,+14155550103,di@example.com',
  'Ed,Lee,+14155550104,ed@example.com',
].join('\n')

async function withPeople() {
  const harness = omnigageHarness()
  await harness.importFile('people.csv', people)
  harness.finish()
  return harness
}

const names = (answer: { body: { data: { attributes: Record<string, unknown> }[] } }) =>
  answer.body.data.map((contact) => contact.attributes['first-name'])

describe('GET /api/v1/contacts', () => {
  it('pages with page[offset] and page[limit], counting every match and linking the neighbours', async () => {
    const { call } = await withPeople()
    const page = await call('GET', '/api/v1/contacts?page[offset]=2&page[limit]=2')
    expect(page.conformance).toEqual([])
    expect(names(page)).toEqual(['Cy', 'Di'])
    expect(page.body.meta).toEqual({ count: 5 })
    const next = new URL(page.body.links.next)
    expect([next.searchParams.get('page[offset]'), next.searchParams.get('page[limit]')]).toEqual(['4', '2'])
    expect(new URL(page.body.links.prev).searchParams.get('page[offset]')).toBe('0')
    const last = await call('GET', `${next.pathname}${next.search}`)
    expect(names(last)).toEqual(['Ed'])
    expect(last.body.links.next).toBeUndefined()
  })

  it('filters on whole values, case-insensitively, with or without the eq: prefix, and sorts', async () => {
    const { call } = await withPeople()
    expect(names(await call('GET', '/api/v1/contacts?filter[last-name]=lee'))).toEqual(['Ann', 'Cy', 'Ed'])
    expect(names(await call('GET', '/api/v1/contacts?filter[last-name]=eq:LEE&sort=-first-name'))).toEqual([
      'Ed',
      'Cy',
      'Ann',
    ])
    expect(names(await call('GET', '/api/v1/contacts?filter[email-address]=BO@example.com'))).toEqual(['Bo'])
    expect(names(await call('GET', '/api/v1/contacts?filter[last-name]=Le'))).toEqual([])
  })

  it('refuses a page limit over 100 or a negative offset, in the vendor format', async () => {
    const { call } = await withPeople()
    for (const query of ['page[limit]=101', 'page[offset]=-1', 'page[limit]=many', 'sort=company']) {
      const answer = await call('GET', `/api/v1/contacts?${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body.errors[0].code).toBe(100)
      expect(answer.conformance).toEqual([])
    }
  })
})

describe('GET /api/v1/contacts/{id}', () => {
  it('answers a contact by id, and 404 for one the account does not have', async () => {
    const { call } = await withPeople()
    const [first] = (await call('GET', '/api/v1/contacts?page[limit]=1')).body.data
    const one = await call('GET', `/api/v1/contacts/${first.id}`)
    expect(one.conformance).toEqual([])
    expect(one.body.data).toEqual(first)
    const missing = await call('GET', '/api/v1/contacts/Q843fc2UoJf4B5CrQxQ6Cd')
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0]).toEqual({ detail: expect.stringContaining('Q843fc2UoJf4B5CrQxQ6Cd'), code: 404 })
  })
})

describe('DELETE /api/v1/contacts (bulk)', () => {
  it('deletes every contact listed, sent as the vendor example sends it', async () => {
    const { call } = await withPeople()
    const ids = (await call('GET', '/api/v1/contacts?filter[last-name]=Lee')).body.data.map(
      (contact: { id: string }) => contact.id,
    )
    const answer = await call('DELETE', '/api/v1/contacts', {
      body: JSON.stringify({ data: ids.map((id: string) => ({ type: 'contacts', id })) }),
      headers: { 'Content-Type': 'application/vnd.api+json;ext=bulk', Accept: 'application/vnd.api+json;ext=bulk' },
    })
    expect(answer.status).toBe(204)
    expect(answer.text).toBe('')
    expect(names(await call('GET', '/api/v1/contacts'))).toEqual(['Bo', 'Di'])
  })

  it('deletes nothing when one id is unknown, and names it', async () => {
    const { call } = await withPeople()
    const [first] = (await call('GET', '/api/v1/contacts')).body.data
    const answer = await call('DELETE', '/api/v1/contacts', {
      body: {
        data: [
          { type: 'contacts', id: first.id },
          { type: 'contacts', id: 'nope' },
        ],
      },
    })
    expect(answer.status).toBe(404)
    expect(answer.body.errors[0].detail).toContain('"nope"')
    expect(answer.body.errors[0].detail).toContain('nothing was deleted')
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(5)
  })

  it('refuses an empty list or a form body', async () => {
    const { call } = await withPeople()
    expect((await call('DELETE', '/api/v1/contacts', { body: { data: [] } })).status).toBe(400)
    const form = await call('DELETE', '/api/v1/contacts', {
      body: 'data=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(415)
    expect(form.conformance).toEqual([])
  })
})
