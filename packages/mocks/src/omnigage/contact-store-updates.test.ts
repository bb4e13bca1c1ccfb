import { describe, expect, it } from 'vitest'
import { ContactStore, type ContactValues, type RecordSource } from './contacts.js'

const values = (overrides: Partial<ContactValues> = {}): ContactValues => ({
  firstName: 'Ann',
  lastName: 'Lee',
  company: null,
  title: null,
  phoneNumbers: [],
  emailAddresses: [],
  ...overrides,
})

// Ids by position as `a<position>`, so the tests read which contact is which.
const named = { idAt: (position: number) => `a${position}` }

describe('ContactStore updates', () => {
  it.each([
    ['a phone', { phoneNumbers: ['+14155550100', '+14155550101'] }],
    ['an email address', { emailAddresses: ['ann@example.com', 'ann@work.example'] }],
  ])('counts %s added, and nothing else, as a change', (_what, added) => {
    const store = new ContactStore(named)
    const slot = store.add(
      1,
      values({ phoneNumbers: ['+14155550100'], emailAddresses: ['ann@example.com'] }),
      1000,
      'm1',
    )
    expect(store.update(slot, values(added), 2000, 'm2', false)).toBe(true)
    expect(store.get('a1')).toMatchObject({ ...added, updatedAt: 2000, updatedBy: 'm2' })
  })

  it('moves a primary phone in an index built before the change', () => {
    const store = new ContactStore(named)
    const ann = store.add(1, values({ phoneNumbers: ['+14155550100'] }), 1000, 'm1')
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(ann)
    store.update(ann, values({ phoneNumbers: ['+14155550199'] }), 2000, 'm1', true)
    expect(store.slotOfPrimaryPhone('+14155550199')).toBe(ann)
    expect(store.slotOfPrimaryPhone('+14155550100')).toBeUndefined()
  })

  it('keeps a primary phone with the contact that took it after another gave it up, when that one takes it back', () => {
    const store = new ContactStore(named)
    const ann = store.add(1, values({ phoneNumbers: ['+14155550100'] }), 1000, 'm1')
    const bo = store.add(2, values({ firstName: 'Bo', phoneNumbers: ['+14155550101'] }), 1000, 'm1')
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(ann)
    store.update(ann, values({ phoneNumbers: ['+14155550199'] }), 2000, 'm1', true)
    store.update(bo, values({ firstName: 'Bo', phoneNumbers: ['+14155550100'] }), 3000, 'm1', true)
    store.update(ann, values({ phoneNumbers: ['+14155550100'] }), 4000, 'm1', true)
    expect(store.slotOfPrimaryPhone('+14155550100')).toBe(bo)
  })

  it('moves a primary email address in an index built before the change', () => {
    const store = new ContactStore(named)
    const ann = store.add(1, values({ emailAddresses: ['ann@example.com'] }), 1000, 'm1')
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBe(ann)
    store.update(ann, values({ emailAddresses: ['ann@work.example'] }), 2000, 'm1', true)
    expect(store.slotOfPrimaryEmail('ann@work.example')).toBe(ann)
    expect(store.slotOfPrimaryEmail('ann@example.com')).toBeUndefined()
  })
})

describe('ContactStore records far into a file', () => {
  // Values named by the record's bytes, as a file's rows would be.
  const source: RecordSource = { read: (start, end) => values({ firstName: `${start}-${end}` }) }

  it.each([
    ['ends at the last byte 32 bits address', 2 ** 32 - 100, 2 ** 32 - 1],
    ['ends one byte further', 2 ** 32 - 100, 2 ** 32],
    ['lies past 4 GiB', 2 ** 33, 2 ** 33 + 100],
  ])('reads back the values of a row that %s', (_where, start, end) => {
    const store = new ContactStore(named)
    store.addRecord(1, store.addSource(source), { start, end }, source.read(start, end), 1000, 'm1')
    expect(store.get('a1')?.firstName).toBe(`${start}-${end}`)
  })
})

describe('ContactStore lists', () => {
  it('lists the live contacts alone, past a deleted one and up to the last one', () => {
    const store = new ContactStore(named)
    for (let position = 1; position <= 5; position++) {
      store.add(position, values({ firstName: `P${position}` }), 1000, 'm1')
    }
    store.deleteAll(['a2', 'a5'])
    const firstNames = (contacts: { firstName: string | null }[]) => contacts.map((contact) => contact.firstName)
    expect(firstNames(store.list({}, undefined, 0, 10).items)).toEqual(['P1', 'P3', 'P4'])
    expect(firstNames(store.all())).toEqual(['P1', 'P3', 'P4'])
    expect(store.get('a4')?.firstName).toBe('P4')
    expect(store.get('a5')).toBeUndefined()
  })

  it('reads back no row to count contacts without a filter, and each row once for several filters', () => {
    const store = new ContactStore(named)
    const reads: number[] = []
    const counted: RecordSource = {
      read(start) {
        reads.push(start)
        return values({ firstName: 'Ann', company: start === 0 ? 'Acme' : 'Globex' })
      },
    }
    const number = store.addSource(counted)
    store.addRecord(1, number, { start: 0, end: 10 }, counted.read(0, 10), 1000, 'm1')
    store.addRecord(2, number, { start: 10, end: 20 }, counted.read(10, 20), 1000, 'm1')
    reads.length = 0
    expect(store.list({}, undefined, 0, 0).total).toBe(2)
    expect(reads).toEqual([])
    const filtered = store.list({ firstName: 'ann', company: 'acme' }, undefined, 0, 0)
    expect(filtered.total).toBe(1)
    expect(reads).toEqual([0, 10])
  })
})

describe('ContactStore with pruning', () => {
  const start = values({ phoneNumbers: ['+14155550100', '+14155550101'], emailAddresses: ['ann@example.com'] })

  it('counts a row with the same phones and emails as no change', () => {
    const store = new ContactStore(named)
    const slot = store.add(1, start, 1000, 'm1')
    expect(store.update(slot, values({ ...start }), 2000, 'm2', true)).toBe(false)
    expect(store.get('a1')).toMatchObject({ updatedAt: 1000, updatedBy: 'm1' })
  })

  it.each([
    ['a phone more', ['+14155550100', '+14155550101', '+14155550102']],
    ['the second phone changed', ['+14155550100', '+14155550199']],
    ['the same phones in another order', ['+14155550101', '+14155550100']],
    ['a phone fewer', ['+14155550100']],
  ])('takes the row phones when it has %s', (_what, phoneNumbers) => {
    const store = new ContactStore(named)
    const slot = store.add(1, start, 1000, 'm1')
    expect(store.update(slot, values({ ...start, phoneNumbers }), 2000, 'm2', true)).toBe(true)
    expect(store.get('a1')).toMatchObject({ phoneNumbers, updatedAt: 2000 })
  })
})

describe('ContactStore at size', () => {
  it('holds more contacts than it first makes room for', () => {
    const store = new ContactStore(named)
    for (let position = 0; position < 1100; position++) {
      store.add(position, values({ firstName: `P${position}` }), 1000, 'm1')
    }
    expect(store.size).toBe(1100)
    expect(store.all()).toHaveLength(1100)
    expect(store.list({}, undefined, 1090, 100).items.map((contact) => contact.firstName)).toEqual(
      Array.from({ length: 10 }, (_, index) => `P${1090 + index}`),
    )
    expect(store.get('a1099')?.firstName).toBe('P1099')
  })

  it('keeps who created each contact past 65,536 writes by three members', () => {
    const store = new ContactStore(named)
    const members = ['m1', 'm2', 'm3']
    const count = 40_000
    for (let position = 0; position < count; position++) {
      store.add(position, values(), 1000, members[position % 3] as string)
    }
    for (const position of [0, 1, 2, count - 3, count - 2, count - 1]) {
      expect(store.get(`a${position}`)?.createdBy).toBe(members[position % 3])
    }
  })
})
