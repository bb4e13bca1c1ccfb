import { describe, expect, it } from 'vitest'
import { ContactStore, type ContactValues } from './contacts.js'

const values = (overrides: Partial<ContactValues> = {}): ContactValues => ({
  firstName: 'Ann',
  lastName: 'Lee',
  company: 'Acme',
  title: null,
  phoneNumbers: ['+14155550100'],
  emailAddresses: ['ann@example.com'],
  ...overrides,
})

describe('ContactStore', () => {
  it('reads back what was added, as a copy a caller cannot change the store through', () => {
    const store = new ContactStore()
    store.add('a1', values({ phoneNumbers: ['+14155550100', '+14155550101'] }), 1000, 'm1')
    const read = store.get('a1')
    expect(read).toEqual({
      id: 'a1',
      ...values({ phoneNumbers: ['+14155550100', '+14155550101'] }),
      createdAt: 1000,
      updatedAt: 1000,
      createdBy: 'm1',
      updatedBy: 'm1',
    })
    read?.phoneNumbers.push('+19999999999')
    expect(store.get('a1')?.phoneNumbers).toEqual(['+14155550100', '+14155550101'])
  })

  it('updates: replaces the values a row has, keeps the rest, appends new phones after the primary', () => {
    const store = new ContactStore()
    const slot = store.add('a1', values(), 1000, 'm1')
    const changed = store.update(
      slot,
      values({ company: 'Globex', lastName: null, phoneNumbers: ['+14155550199'] }),
      2000,
      'm2',
      false,
    )
    expect(changed).toBe(true)
    expect(store.get('a1')).toMatchObject({
      lastName: 'Lee',
      company: 'Globex',
      phoneNumbers: ['+14155550100', '+14155550199'],
      updatedAt: 2000,
      updatedBy: 'm2',
    })
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(slot)
    expect(store.slotOfPrimaryPhone('+14155550199')).toBeUndefined()
  })

  it('answers false and changes nothing, not even the update time, for a row it already holds', () => {
    const store = new ContactStore()
    const slot = store.add('a1', values(), 1000, 'm1')
    expect(store.update(slot, values({ company: null }), 2000, 'm2', false)).toBe(false)
    expect(store.get('a1')).toMatchObject({ company: 'Acme', updatedAt: 1000, updatedBy: 'm1' })
  })

  it('with pruning, empty cells clear values and the phones become the row own, re-indexed', () => {
    const store = new ContactStore()
    const slot = store.add('a1', values(), 1000, 'm1')
    store.update(slot, values({ company: null, phoneNumbers: ['+14155550199'], emailAddresses: [] }), 2000, 'm1', true)
    expect(store.get('a1')).toMatchObject({ company: null, phoneNumbers: ['+14155550199'], emailAddresses: [] })
    expect(store.slotOfPrimaryPhone('+14155550100')).toBeUndefined()
    expect(store.slotOfPrimaryPhone('+14155550199')).toBe(slot)
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBeUndefined()
  })

  it('keeps the first contact as the owner of a primary phone that a later one shares', () => {
    const store = new ContactStore()
    const first = store.add('a1', values(), 1000, 'm1')
    store.add('a2', values({ firstName: 'Bo' }), 1000, 'm1')
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(first)
    store.deleteAll(['a1'])
    expect(store.slotOfPrimaryPhone('+14155550100')).toBeUndefined()
    expect(store.size).toBe(1)
  })

  it('deletes all of the ids or none, naming the ones it does not have', () => {
    const store = new ContactStore()
    store.add('a1', values(), 1000, 'm1')
    store.add('a2', values(), 1000, 'm1')
    expect(store.deleteAll(['a1', 'zz', 'yy'])).toEqual(['zz', 'yy'])
    expect(store.size).toBe(2)
    expect(store.deleteAll(['a1'])).toEqual([])
    expect(store.get('a1')).toBeUndefined()
    expect(store.all().map((contact) => contact.id)).toEqual(['a2'])
  })

  it('lists in creation order, or sorted with ties in creation order, a page at a time', () => {
    const store = new ContactStore()
    for (const [id, firstName, at] of [
      ['a1', 'Cy', 3],
      ['a2', 'Ann', 1],
      ['a3', 'Bo', 2],
      ['a4', 'Ann', 4],
    ] as const) {
      store.add(id, values({ firstName }), at, 'm1')
    }
    const ids = (page: { items: { id: string }[] }) => page.items.map((contact) => contact.id)
    expect(ids(store.list({}, undefined, 0, 10))).toEqual(['a1', 'a2', 'a3', 'a4'])
    expect(ids(store.list({}, 'first-name', 0, 10))).toEqual(['a2', 'a4', 'a3', 'a1'])
    expect(ids(store.list({}, '-created-at', 1, 2))).toEqual(['a1', 'a3'])
    expect(store.list({ firstName: 'ANN' }, undefined, 0, 1)).toMatchObject({ total: 2, items: [{ id: 'a2' }] })
  })

  it('finds contacts by primary phone and email whether they came before or after the first lookup', () => {
    const store = new ContactStore()
    const before = store.add('a1', values(), 1000, 'm1')
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBe(before)
    const after = store.add(
      'a2',
      values({ phoneNumbers: ['+14155550177'], emailAddresses: ['bo@example.com'] }),
      1000,
      'm1',
    )
    expect(store.slotOfPrimaryEmail('bo@example.com')).toBe(after)
    expect(store.slotOfPrimaryPhone('+14155550177')).toBe(after)
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(before)
  })
})
