import { describe, expect, it } from 'vitest'
import type { ContactFields } from './contact-fields.js'
import { AddressBook, type StoredContact } from './contacts.js'

function countingBook(generated: number) {
  const made = { count: 0 }
  const book = new AddressBook({
    idPrefix: 'c1_',
    createdMs: 0,
    generated,
    generate: (index): ContactFields => {
      made.count++
      return { nickName: `n${index}` }
    },
  })
  return { book, made }
}

describe('AddressBook', () => {
  it('walks the change log for a delta, never the book: no generated contact is made', () => {
    const { book, made } = countingBook(1_000_000)
    const from = book.seq
    const a = book.create({ nickName: 'a' }, 1)
    const b = book.create({ nickName: 'b' }, 2)
    book.replace(a, { nickName: 'a2' }, 3)
    book.delete(b, 4)
    made.count = 0
    expect(book.updatedSince(from, book.seq, 100).contacts.map((contact) => contact.fields)).toEqual([
      { nickName: 'a2' },
    ])
    expect(book.deletedSince(from, book.seq, 100).deletions).toEqual([{ id: b.id, atMs: 4 }])
    expect(made.count).toBe(0)
    expect(book.size).toBe(1_000_001)
  })

  it('leaves a contact changed again after the delta’s end to the next delta', () => {
    const { book } = countingBook(0)
    const contact = book.create({ nickName: 'v1' }, 1)
    const end = book.seq
    book.replace(contact, { nickName: 'v2' }, 2)
    expect(book.updatedSince(0, end, 100).contacts).toEqual([])
    expect(book.updatedSince(end, book.seq, 100).contacts.map((found) => found.fields)).toEqual([{ nickName: 'v2' }])
  })

  it('stops a page at its limit and says where to go on', () => {
    const { book } = countingBook(0)
    for (let index = 0; index < 5; index++) {
      book.create({ nickName: String(index) }, index)
    }
    const page = book.updatedSince(0, book.seq, 2)
    expect(page).toMatchObject({ next: 2 })
    expect(book.scan(page.next, book.endOrdinal, 10).contacts).toHaveLength(3)
  })

  it('gives each state of a contact its own etag, and the same etag for the same generated contact', () => {
    const { book } = countingBook(3)
    const generated = book.at(1)
    expect(generated?.etag).toBe(book.etagOf(generated?.id ?? ''))
    expect(book.at(1)?.etag).toBe(generated?.etag)
    const etags = new Set([generated?.etag])
    let current = generated
    for (let change = 0; change < 50; change++) {
      current = book.replace(current as never, { nickName: `v${change}` }, change)
      etags.add(current.etag)
    }
    expect(etags.size).toBe(51)
  })

  it('writes every etag the same way: seven characters of hash, then the change number in base 36', () => {
    const { book } = countingBook(300)
    const generated = book.scan(0, book.endOrdinal, 300).contacts
    expect(generated.every((contact) => /^[0-9a-z]{7}0$/.test(contact.etag))).toBe(true)
    let current = generated[0] as StoredContact
    for (let change = 1; change <= 40; change++) {
      current = book.replace(current, { nickName: `v${change}` }, change)
      expect(current.etag).toMatch(new RegExp(`^[0-9a-z]{7}${change.toString(36)}$`))
    }
  })

  it('counts the same fields in another key order as no change, and a list in another order as one', () => {
    const { book } = countingBook(0)
    const contact = book.create({ name: { givenName: 'Sam', familyName: 'Black' }, keywords: ['a', 'b'] }, 1)
    const seq = book.seq
    const same = book.replace(contact, { keywords: ['a', 'b'], name: { familyName: 'Black', givenName: 'Sam' } }, 2)
    expect(same).toBe(contact)
    expect(book.seq).toBe(seq)
    for (const fields of [
      { name: { givenName: 'Sam', familyName: 'Black' }, keywords: ['b', 'a'] },
      { name: { givenName: 'Sam' }, keywords: ['a', 'b'] },
      { name: { givenName: 'Sam', familyName: 'Black', suffix: 'Jr' }, keywords: ['a', 'b'] },
      { name: { givenName: 'Sam', familyName: 'Black' }, keywords: ['a', 'b'], notes: '' },
    ]) {
      expect(book.replace(contact, fields, 3).etag).not.toBe(contact.etag)
    }
  })

  it('has no contact outside the ordinals it gave, and each one inside them', () => {
    const book = new AddressBook({
      idPrefix: 'c1_',
      createdMs: 0,
      initial: [{ nickName: 'first' }],
      generated: 2,
      generate: (index): ContactFields => ({ nickName: `generated ${index}` }),
    })
    // One past the generated ones: nothing until a contact is created there.
    expect(book.at(3)).toBeUndefined()
    const created = book.create({ nickName: 'created' }, 1)
    expect([-1, 0, 1, 2, 3, 4].map((ordinal) => book.at(ordinal)?.fields.nickName)).toEqual([
      undefined,
      'first',
      'generated 0',
      'generated 1',
      'created',
      undefined,
    ])
    expect(['c1_0', 'c1_1', 'c1_2', 'c1_3', 'c1_4'].map((id) => book.etagOf(id))).toEqual([
      book.at(0)?.etag,
      book.at(1)?.etag,
      book.at(2)?.etag,
      created.etag,
      undefined,
    ])
  })

  it('lists a contact changed twice once in a delta, a deleted one never, and deletions a page at a time', () => {
    const { book } = countingBook(0)
    const from = book.seq
    const a = book.create({ nickName: 'a' }, 1)
    book.replace(book.replace(a, { nickName: 'a2' }, 2), { nickName: 'a3' }, 3)
    const gone = [1, 2, 3].map((n) => book.create({ nickName: `gone ${n}` }, 4))
    for (const contact of gone) {
      book.delete(contact, 5)
    }
    const updated = book.updatedSince(from, book.seq, 100).contacts
    expect(updated.map((contact) => contact.fields.nickName)).toEqual(['a3'])
    const first = book.deletedSince(from, book.seq, 2)
    expect(first.deletions.map((deletion) => deletion.id)).toEqual([gone[0]?.id, gone[1]?.id])
    const rest = book.deletedSince(first.next, book.seq, 2)
    expect(rest).toEqual({ deletions: [{ id: gone[2]?.id, atMs: 5 }], next: book.seq })
  })

  it('knows only the ids it gave', () => {
    const { book } = countingBook(40)
    expect(book.find('c1_a')?.ordinal).toBe(10)
    for (const id of ['c1_0a', 'c1_A', 'c2_a', 'c1_14', 'c1_-1', 'c1_']) {
      expect(book.find(id)).toBeUndefined()
    }
  })
})
