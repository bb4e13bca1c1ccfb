import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

/**
 * Four contacts seeded in two batches a minute apart, so two pairs share a creation time. In
 * creation order: Cy Adams, Ann Young, then Bo Lee, Ann Baker.
 */
function seededPeople() {
  const harness = omnigageHarness()
  harness.sim.seed({
    contacts: [
      { 'first-name': 'Cy', 'last-name': 'Adams', company: 'Acme' },
      { 'first-name': 'Ann', 'last-name': 'Young', company: 'Globex' },
    ],
  })
  harness.clock.advance(60_000)
  harness.sim.seed({
    contacts: [
      { 'first-name': 'Bo', 'last-name': 'Lee', company: 'ACME' },
      { 'first-name': 'Ann', 'last-name': 'Baker', company: 'Acme Corp' },
    ],
  })
  return harness
}

type ContactList = { body: { data: { attributes: Record<string, string> }[] } }
const fullNames = (answer: ContactList) =>
  answer.body.data.map((contact) => `${contact.attributes['first-name']} ${contact.attributes['last-name']}`)

describe('GET /api/v1/contacts sorted', () => {
  it.each([
    ['created-at', ['Cy Adams', 'Ann Young', 'Bo Lee', 'Ann Baker']],
    // Contacts made at the same moment: the later one first, as in the reversed creation order.
    ['-created-at', ['Ann Baker', 'Bo Lee', 'Ann Young', 'Cy Adams']],
    // Equal first names keep their creation order, and a descending sort reverses it.
    ['first-name', ['Ann Young', 'Ann Baker', 'Bo Lee', 'Cy Adams']],
    ['-first-name', ['Cy Adams', 'Bo Lee', 'Ann Baker', 'Ann Young']],
    ['last-name', ['Cy Adams', 'Ann Baker', 'Bo Lee', 'Ann Young']],
    ['-last-name', ['Ann Young', 'Bo Lee', 'Ann Baker', 'Cy Adams']],
  ])('by %s', async (sort, expected) => {
    const { call } = seededPeople()
    const answer = await call('GET', `/api/v1/contacts?sort=${sort}`)
    expect(answer.status).toBe(200)
    expect(answer.conformance).toEqual([])
    expect(fullNames(answer)).toEqual(expected)
  })

  it('in creation order without a sort', async () => {
    const { call } = seededPeople()
    expect(fullNames(await call('GET', '/api/v1/contacts'))).toEqual(['Cy Adams', 'Ann Young', 'Bo Lee', 'Ann Baker'])
  })

  it('puts a contact without the name sorted on first', async () => {
    const { sim, call } = seededPeople()
    sim.seed({ contacts: [{ 'last-name': 'Nobody' }] })
    const answer = await call('GET', '/api/v1/contacts?sort=first-name')
    expect(
      answer.body.data.map((contact: { attributes: Record<string, unknown> }) => contact.attributes['last-name']),
    ).toEqual(['Nobody', 'Young', 'Baker', 'Lee', 'Adams'])
  })
})

describe('GET /api/v1/contacts filtered on company', () => {
  it('matches the whole company name whatever its case, with or without eq:', async () => {
    const { call } = seededPeople()
    expect(fullNames(await call('GET', '/api/v1/contacts?filter[company]=acme'))).toEqual(['Cy Adams', 'Bo Lee'])
    expect(fullNames(await call('GET', '/api/v1/contacts?filter[company]=eq:Acme%20Corp'))).toEqual(['Ann Baker'])
    expect(fullNames(await call('GET', '/api/v1/contacts?filter[company]=Acm'))).toEqual([])
  })

  it('with another filter, keeps only the contacts that match both', async () => {
    const { call } = seededPeople()
    expect(fullNames(await call('GET', '/api/v1/contacts?filter[company]=acme&filter[first-name]=bo'))).toEqual([
      'Bo Lee',
    ])
  })
})
