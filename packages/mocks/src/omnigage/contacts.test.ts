import { describe, expect, it } from 'vitest'
import { ContactStore, type ContactValues, type RecordSource } from './contacts.js'

const values = (overrides: Partial<ContactValues> = {}): ContactValues => ({
  firstName: 'Ann',
  lastName: 'Lee',
  company: 'Acme',
  title: null,
  phoneNumbers: ['+14155550100'],
  emailAddresses: ['ann@example.com'],
  ...overrides,
})

// Ids by position as `a<position>`, so the tests read which contact is which.
const named = { idAt: (position: number) => `a${position}` }

describe('ContactStore', () => {
  it('reads back what was added, as a copy a caller cannot change the store through', () => {
    const store = new ContactStore(named)
    store.add(1, values({ phoneNumbers: ['+14155550100', '+14155550101'] }), 1000, 'm1')
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
    const store = new ContactStore(named)
    const slot = store.add(1, values(), 1000, 'm1')
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
    const store = new ContactStore(named)
    const slot = store.add(1, values(), 1000, 'm1')
    expect(store.update(slot, values({ company: null }), 2000, 'm2', false)).toBe(false)
    expect(store.get('a1')).toMatchObject({ company: 'Acme', updatedAt: 1000, updatedBy: 'm1' })
  })

  it('with pruning, empty cells clear values and the phones become the row own, re-indexed', () => {
    const store = new ContactStore(named)
    const slot = store.add(1, values(), 1000, 'm1')
    store.update(slot, values({ company: null, phoneNumbers: ['+14155550199'], emailAddresses: [] }), 2000, 'm1', true)
    expect(store.get('a1')).toMatchObject({ company: null, phoneNumbers: ['+14155550199'], emailAddresses: [] })
    expect(store.slotOfPrimaryPhone('+14155550100')).toBeUndefined()
    expect(store.slotOfPrimaryPhone('+14155550199')).toBe(slot)
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBeUndefined()
  })

  it('keeps the first contact as the owner of a primary phone that a later one shares', () => {
    const store = new ContactStore(named)
    const first = store.add(1, values(), 1000, 'm1')
    store.add(2, values({ firstName: 'Bo' }), 1000, 'm1')
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(first)
    store.deleteAll(['a1'])
    expect(store.slotOfPrimaryPhone('+14155550100')).toBeUndefined()
    expect(store.size).toBe(1)
  })

  it('keeps the first contact as the owner of a primary email that a later one shares, until it is deleted', () => {
    const store = new ContactStore(named)
    const first = store.add(1, values(), 1000, 'm1')
    store.add(2, values({ firstName: 'Bo', phoneNumbers: ['+14155550177'] }), 1000, 'm1')
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBe(first)
    store.deleteAll(['a1'])
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBeUndefined()
  })

  it('names no id for a slot it never gave, below the first or past the last', () => {
    const store = new ContactStore(named)
    store.add(1, values(), 1000, 'm1')
    store.add(2, values({ phoneNumbers: ['+14155550177'], emailAddresses: [] }), 1000, 'm1')
    expect([store.idAt(-1), store.idAt(0), store.idAt(1), store.idAt(2)]).toEqual([undefined, 'a1', 'a2', undefined])
  })

  it('deletes a contact named twice once', () => {
    const store = new ContactStore(named)
    store.add(1, values(), 1000, 'm1')
    store.add(2, values({ phoneNumbers: ['+14155550177'], emailAddresses: [] }), 1000, 'm1')
    expect(store.deleteAll(['a1', 'a1'])).toEqual([])
    expect(store.size).toBe(1)
    expect(store.all().map((contact) => contact.id)).toEqual(['a2'])
  })

  it('deletes all of the ids or none, naming the ones it does not have', () => {
    const store = new ContactStore(named)
    store.add(1, values(), 1000, 'm1')
    store.add(2, values(), 1000, 'm1')
    expect(store.deleteAll(['a1', 'zz', 'yy'])).toEqual(['zz', 'yy'])
    expect(store.size).toBe(2)
    expect(store.deleteAll(['a1'])).toEqual([])
    expect(store.get('a1')).toBeUndefined()
    expect(store.all().map((contact) => contact.id)).toEqual(['a2'])
  })

  it('lists in creation order, or sorted with ties in creation order, a page at a time', () => {
    const store = new ContactStore(named)
    for (const [id, firstName, at] of [
      [1, 'Cy', 3],
      [2, 'Ann', 1],
      [3, 'Bo', 2],
      [4, 'Ann', 4],
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
    const store = new ContactStore(named)
    const before = store.add(1, values(), 1000, 'm1')
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBe(before)
    const after = store.add(
      2,
      values({ phoneNumbers: ['+14155550177'], emailAddresses: ['bo@example.com'] }),
      1000,
      'm1',
    )
    expect(store.slotOfPrimaryEmail('bo@example.com')).toBe(after)
    expect(store.slotOfPrimaryPhone('+14155550177')).toBe(after)
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(before)
  })

  describe('contacts read back from their records', () => {
    // A source whose records are numbered by their start: record n is contact n.
    const recordSource = () => {
      const reads: number[] = []
      const source: RecordSource = {
        read(start) {
          reads.push(start)
          return values({ firstName: `P${start}`, phoneNumbers: [`+1415555${String(start).padStart(4, '0')}`] })
        },
      }
      return { source, reads }
    }

    it('holds no values for them: each read asks the source for its record', () => {
      const store = new ContactStore(named)
      const { source, reads } = recordSource()
      const number = store.addSource(source)
      for (let index = 0; index < 3; index++) {
        const record = { start: index * 100, end: index * 100 + 60 }
        const contact = values({ firstName: `P${record.start}` })
        store.addRecord(index + 1, number, record, contact, 5000, 'm1')
      }
      expect(store.get('a2')).toMatchObject({ id: 'a2', firstName: 'P100', createdAt: 5000, createdBy: 'm1' })
      expect(reads).toEqual([100])
      expect(store.list({ firstName: 'p200' }, undefined, 0, 10).items.map((contact) => contact.id)).toEqual(['a3'])
      expect(store.size).toBe(3)
    })

    it('indexes the primary phone given when added, and keeps an updated contact values from then on', () => {
      const store = new ContactStore(named)
      const { source, reads } = recordSource()
      const number = store.addSource(source)
      expect(store.slotOfPrimaryPhone('+14155550007')).toBeUndefined()
      const slot = store.addRecord(
        1,
        number,
        { start: 7, end: 50 },
        values({ phoneNumbers: ['+14155550007'] }),
        1,
        'm1',
      )
      expect(store.slotOfPrimaryPhone('+14155550007')).toBe(slot)
      expect(store.update(slot, values({ firstName: null, company: 'Globex', phoneNumbers: [] }), 2, 'm2', false)).toBe(
        true,
      )
      const readsBefore = reads.length
      expect(store.get('a1')).toMatchObject({ firstName: 'P7', company: 'Globex', updatedAt: 2, updatedBy: 'm2' })
      expect(reads.length).toBe(readsBefore)
    })

    it('deletes them, and names their ids still (an import result keeps them)', () => {
      const store = new ContactStore(named)
      const number = store.addSource(recordSource().source)
      const slot = store.addRecord(9, number, { start: 1, end: 2 }, values(), 1, 'm1')
      expect(store.deleteAll(['a9'])).toEqual([])
      expect(store.get('a9')).toBeUndefined()
      expect(store.idAt(slot)).toBe('a9')
      expect(store.list({}, undefined, 0, 10).total).toBe(0)
    })
  })
})
