import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { type Person, peopleGenerator } from '../core/people.js'
import { seedFromString } from '../core/random.js'
import { documentedBook, generatedBook, listBook, ownerShapeOf, signIn, withoutAddresses } from './address-books.js'
import { createCloudSpongeSimulator } from './index.js'
import { documentedTenant } from './tenants.js'

const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever fields the answer has.
type Page = { contacts: any[]; contacts_owner: any; total: number }

/** Imports `username` at `service` and reads the whole book as JSON text and parsed. */
async function bookOf(username: string, options: { service?: string; password?: string; include?: boolean } = {}) {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
  return readBook(sim, username, options)
}

async function readBook(
  sim: ReturnType<typeof createCloudSpongeSimulator>,
  username: string,
  { service = 'icloud', password = 'pw', include = false }: { service?: string; password?: string; include?: boolean },
) {
  const fields: Record<string, string> = { service, username, password }
  if (include) {
    fields.include = 'mailing_address'
  }
  const begun = await sim.app.request('/begin_import/import.json', {
    method: 'POST',
    headers: auth,
    body: new URLSearchParams(fields),
  })
  const { import_id } = (await begun.json()) as { import_id: number }
  sim.clock.advance(120_000)
  const answer = await sim.app.request(`/contacts/${import_id}.json`, { headers: auth })
  const text = await answer.text()
  return { status: answer.status, text, page: (answer.ok ? JSON.parse(text) : undefined) as Page, sim, import_id }
}

/** A generated contact as the recordings show one, from the person it is made of. */
function expectedContact(person: Person, include: boolean, marks = { phone: true, email: true }) {
  const { birthday } = person
  const pad = (value: number) => String(value).padStart(2, '0')
  const monthDay = birthday ? `${pad(birthday.month)}-${pad(birthday.day)}` : undefined
  const contact: Record<string, unknown> = {
    first_name: person.firstName,
    last_name: person.lastName,
    phone: person.phones.map((phone, index) => (index === 0 && marks.phone ? { ...phone, primary: true } : phone)),
    email: person.emails.map((email, index) => (index === 0 && marks.email ? { ...email, primary: true } : email)),
    address: include
      ? [
          {
            type: 'Home',
            street: person.address.street,
            city: person.address.city,
            region: person.address.region,
            postal_code: person.address.postalCode,
            country: person.address.country,
          },
        ]
      : [],
    groups: person.groups,
    dob: birthday?.year ? `${birthday.year}-${monthDay}` : undefined,
    birthday: monthDay,
    companies: person.company ? [person.company] : [],
    job_title: person.jobTitle ?? undefined,
    photos: [],
    locations: [],
  }
  return JSON.parse(JSON.stringify(contact))
}

describe('generated books', () => {
  it('make each contact of contacts-<N> from its person: every field, in the recorded order', async () => {
    const people = peopleGenerator(seedFromString('contacts-40'))
    for (const include of [false, true]) {
      const { text, page } = await bookOf('contacts-40', { include })
      const expected = Array.from({ length: 40 }, (_, index) => expectedContact(people(index), include))
      expect(page.contacts).toEqual(expected)
      expect(page.contacts.map((contact) => Object.keys(contact))).toEqual(expected.map((one) => Object.keys(one)))
      // Fields left out are left out, not written as null or "".
      expect(text).not.toMatch(/"(dob|birthday|job_title)":(null|"")/)
    }
  })

  it('cover the optional fields both ways within forty people', () => {
    // So the test above sees each branch: with and without company, job title, groups, birthday and its year.
    const people = Array.from({ length: 40 }, (_, index) => peopleGenerator(seedFromString('contacts-40'))(index))
    const both = (has: (person: Person) => boolean) => [people.some(has), people.some((person) => !has(person))]
    expect(both((person) => person.company !== null)).toEqual([true, true])
    expect(both((person) => person.jobTitle !== null)).toEqual([true, true])
    expect(both((person) => person.groups.length > 0)).toEqual([true, true])
    expect(both((person) => person.birthday !== null)).toEqual([true, true])
    expect(both((person) => person.birthday?.year === null)).toEqual([true, true])
    expect(both((person) => person.phones.length > 1)).toEqual([true, true])
  })

  it('give the owner an id of eight upper-case hex digits, zero-padded', () => {
    // The seed chosen so that the id's number has only three hex digits.
    expect(generatedBook((0x2f6b3a1d ^ 0xabc) >>> 0, 1).owner()?.external_id).toBe('00000ABC')
    expect(generatedBook(seedFromString('contacts-3'), 1).owner()?.external_id).toMatch(/^[0-9A-F]{8}$/)
  })

  // As the AOL owners were recorded (icloud has no recording and follows AOL): every array but
  // address, even when the import asked for mailing addresses.
  it('give the owner a name, an id, one untyped email and the empty arrays of the AOL owners, with or without addresses', async () => {
    const seed = seedFromString('contacts-3')
    const ownerPerson = peopleGenerator(seed ^ 0x5bd1e995)(0)
    const owner = {
      first_name: ownerPerson.firstName,
      last_name: ownerPerson.lastName,
      external_id: ((seed ^ 0x2f6b3a1d) >>> 0).toString(16).padStart(8, '0').toUpperCase(),
      phone: [],
      email: [{ address: ownerPerson.emails[0]?.address }],
      groups: [],
      companies: [],
      photos: [],
      locations: [],
      owner: true,
    }
    for (const include of [false, true]) {
      const { page } = await bookOf('contacts-3', { include })
      expect(page.contacts_owner).toEqual(owner)
      expect(Object.keys(page.contacts_owner)).toEqual(Object.keys(owner))
    }
  })

  it('make 25 people for any other username, the same for the same service and username only', async () => {
    const people = peopleGenerator(seedFromString('ICLOUD:ann'))
    const { page } = await bookOf('ann')
    expect(page.total).toBe(25)
    expect(page.contacts).toEqual(Array.from({ length: 25 }, (_, index) => expectedContact(people(index), false)))
    const plaxo = peopleGenerator(seedFromString('PLAXO:ann'))
    const atPlaxo = await bookOf('ann', { service: 'plaxo' })
    expect(atPlaxo.page.contacts.map((contact) => contact.first_name)).toEqual(
      Array.from({ length: 25 }, (_, index) => plaxo(index).firstName),
    )
  })

  it('read contacts-<N> from 0 to 1,000,000 contacts, leading zeros and all; other forms are ordinary usernames', async () => {
    const totals: Record<string, number | null> = {}
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const usernames = [
      'contacts-0',
      'contacts-007',
      'contacts-1000000',
      'contacts-9999999',
      'contacts-12345678',
      'xcontacts-5',
      'contacts-5x',
      'contacts-',
    ]
    for (const username of usernames) {
      await sim.app.request('/begin_import/import.json', {
        method: 'POST',
        headers: auth,
        body: new URLSearchParams({ service: 'icloud', username, password: 'x' }),
      })
    }
    for (const [index, entry] of (sim.inspect() as { imports: { total: number | null }[] }).imports.entries()) {
      totals[usernames[index] as string] = entry.total
    }
    expect(totals).toEqual({
      'contacts-0': 0,
      'contacts-007': 7,
      'contacts-1000000': 1_000_000,
      'contacts-9999999': 1_000_000,
      'contacts-12345678': 25,
      'xcontacts-5': 25,
      'contacts-5x': 25,
      'contacts-': 25,
    })
    // contacts-007 is contacts-7: the same people.
    const seven = await bookOf('contacts-007')
    expect(seven.page.contacts[6].first_name).toBe(peopleGenerator(seedFromString('contacts-7'))(6).firstName)
  })
})

describe('signing in', () => {
  it('answers a seeded account before the magic usernames, only at its service and with its password', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    sim.seed({
      accounts: [{ service: 'icloud', username: 'foo', password: 'pw', contacts: [{ first_name: 'Seeded' }] }],
    })
    const seeded = await readBook(sim, 'foo', { password: 'pw' })
    expect(seeded.page.contacts.map((contact) => contact.first_name)).toEqual(['Seeded'])
    // With the documented password at icloud: the seeded account's password is wrong.
    const wrong = await readBook(sim, 'foo', { password: 'bar' })
    expect(wrong.status).toBe(404)
    const events = await (await sim.app.request(`/events/${wrong.import_id}`, { headers: auth })).json()
    expect(events.events.at(-1).description).toBe('ICLOUD did not accept the username or password of foo.')
    // At another service, foo is the documented account again.
    const plaxo = await readBook(sim, 'foo', { service: 'plaxo', password: 'bar' })
    expect(plaxo.page.contacts.map((contact) => contact.first_name)).toEqual(['John', 'Jane'])
  })

  it('gives a user seeded again the new contacts, and each service and username its own book', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const seed = (firstName: string) =>
      sim.seed({
        accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ first_name: firstName }] }],
      })
    seed('Before')
    const names = async () =>
      (await readBook(sim, 'ann', { password: 'pw' })).page.contacts.map((contact) => contact.first_name)
    expect(await names()).toEqual(['Before'])
    sim.reset()
    seed('After')
    expect(await names()).toEqual(['After'])
    const owners = [
      ['GMAIL', 'bo'],
      ['GMAIL', 'cy'],
      ['PLAXO', 'bo'],
      ['GMAIL', 'contacts-3'],
      ['PLAXO', 'contacts-3'],
      ['GMAIL', 'bo'],
    ].map(([service, username]) => {
      const signedIn = signIn(service as string, username as string, null, [])
      return JSON.stringify(signedIn.kind === 'book' ? signedIn.book.owner() : undefined)
    })
    expect(new Set(owners.slice(0, 5)).size).toBe(5)
    expect(owners[5]).toBe(owners[0])
  })

  it('signs a consent approval in without a password, seeded or documented', () => {
    const account = { service: 'GMAIL', username: 'ann', password: 'pw', owner: null, contacts: [] }
    expect(signIn('GMAIL', 'ann', null, [account])).toMatchObject({ kind: 'book', slow: false, book: { size: 0 } })
    expect(signIn('GMAIL', 'foo', null, [])).toEqual({ kind: 'book', book: documentedBook, slow: false })
    expect(signIn('GMAIL', 'slow', null, [])).toMatchObject({ kind: 'book', slow: true, book: { size: 25 } })
    expect(signIn('GMAIL', 'foo', 'baz', [])).toEqual({
      kind: 'rejected',
      reason: 'GMAIL did not accept the username or password of foo.',
    })
  })
})

describe('seeded books', () => {
  it('write a contact in the recorded order whatever order it was seeded in, unknown keys last', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    sim.seed({
      accounts: [
        {
          service: 'icloud',
          username: 'ann',
          password: 'pw',
          owner: null,
          contacts: [
            {
              nickname: 'Annie',
              title: 'Dr',
              job_title: 'Surgeon',
              companies: ['Acme'],
              birthday: '04-01',
              dob: '1980-04-01',
              groups: ['Family'],
              address: [{ country: 'US', city: 'Bend', type: 'Home' }],
              email: [{ primary: true, address: 'ann@example.com' }],
              phone: [{ type: 'Mobile', number: '1' }],
              last_name: 'Lee',
              first_name: 'Ann',
              photos: ['p'],
              locations: ['l'],
            },
          ],
        },
      ],
    })
    const { text } = await readBook(sim, 'ann', { include: true })
    expect(text).toBe(
      '{"contacts":[{"first_name":"Ann","last_name":"Lee","phone":[{"number":"1","type":"Mobile"}],' +
        '"email":[{"address":"ann@example.com","type":null,"primary":true}],' +
        '"address":[{"type":"Home","city":"Bend","country":"US"}],"groups":["Family"],"dob":"1980-04-01","birthday":"04-01",' +
        '"companies":["Acme"],"job_title":"Surgeon","title":"Dr","photos":["p"],"locations":["l"],"nickname":"Annie"}],' +
        '"contacts_owner":null,"start":0,"count":1,"total":1,"import_id":1126,"user_id":null,"id":1126,"echo":null}',
    )
  })

  it('keep null entries in every array as the recordings have them', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const contact = { first_name: 'N', phone: [null, { number: '1' }], email: [null], address: [null], groups: [null] }
    sim.seed({ accounts: [{ service: 'icloud', username: 'ann', password: 'pw', owner: null, contacts: [contact] }] })
    const { text } = await readBook(sim, 'ann', { include: true })
    expect(text).toContain(
      '{"first_name":"N","phone":[null,{"number":"1"}],"email":[null],"address":[null],"groups":[null],"companies":[],"photos":[],"locations":[]}',
    )
  })

  // icloud follows the AOL owners, which have no address array: the seed's addresses come only
  // with include=mailing_address, and no empty array stands in for them without it.
  it('write the owner with owner: true whatever the seed says, its addresses only with include=mailing_address', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const owner = {
      owner: false,
      email: [{ type: 'home', address: 'o@example.com' }, { address: 'untyped@example.com' }],
      external_id: 'X1',
      address: [{ city: 'Bend' }],
      last_name: 'Owner',
      first_name: 'Olga',
    }
    sim.seed({ accounts: [{ service: 'icloud', username: 'ann', password: 'pw', owner, contacts: [] }] })
    const withAddresses = await readBook(sim, 'ann', { include: true })
    expect(JSON.stringify(withAddresses.page.contacts_owner)).toBe(
      '{"first_name":"Olga","last_name":"Owner","external_id":"X1","phone":[],' +
        '"email":[{"address":"o@example.com","type":"home"},{"address":"untyped@example.com"}],' +
        '"address":[{"city":"Bend"}],"groups":[],"companies":[],"photos":[],"locations":[],"owner":true}',
    )
    const without = await readBook(sim, 'ann', {})
    expect(without.page.contacts_owner).not.toHaveProperty('address')
    expect(without.page.contacts).toEqual([])
  })

  it("write an owner seeded with a name alone with its service's recorded arrays empty", async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    sim.seed({
      accounts: [{ service: 'icloud', username: 'ann', password: 'pw', owner: { first_name: 'N' }, contacts: [] }],
    })
    const { page } = await readBook(sim, 'ann', { include: true })
    expect(JSON.stringify(page.contacts_owner)).toBe(
      '{"first_name":"N","phone":[],"email":[],"groups":[],"companies":[],"photos":[],"locations":[],"owner":true}',
    )
    // A Windows Live owner has an address array, empty unless asked for and seeded.
    sim.seed({
      accounts: [{ service: 'windowslive', username: 'ann', password: 'pw', owner: { first_name: 'N' }, contacts: [] }],
    })
    const begun = await sim.app.request('/begin_import/user_consent.json', {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ service: 'windowslive' }),
    })
    const { import_id } = (await begun.json()) as { import_id: number }
    sim.decide(import_id, 'approved', 'ann')
    sim.clock.advance(120_000)
    const live = (await (await sim.app.request(`/contacts/${import_id}.json`, { headers: auth })).json()) as Page
    expect(JSON.stringify(live.contacts_owner)).toBe(
      '{"first_name":"N","phone":[],"email":[],"address":[],"groups":[],"companies":[],"photos":[],"locations":[],"owner":true}',
    )
  })
})

describe('books as values', () => {
  it('give contacts and owners with their mailing addresses unless asked not to', () => {
    const address = [{ city: 'Bend' }]
    const book = listBook({ first_name: 'O', address }, [{ first_name: 'C', address }])
    expect(book.owner()?.address).toEqual(address)
    // The default shape is the AOL owners': no address array at all without addresses.
    expect(book.owner(false)).not.toHaveProperty('address')
    const live = listBook({ first_name: 'O', address }, [], ownerShapeOf('WINDOWSLIVE'))
    expect(live.owner(false)?.address).toEqual([])
    expect(book.contactAt(0).address).toEqual(address)
    expect(book.contactAt(0, false).address).toEqual([])
    expect(listBook(null, []).owner()).toBeNull()
    const generated = generatedBook(7, 1)
    expect(generated.contactAt(0).address).toHaveLength(1)
    expect(generated.contactAt(0, false).address).toEqual([])
  })

  it('gives its contacts with their mailing addresses unless asked not to, and changes none of them', () => {
    const jane = documentedBook.contactAt(1)
    expect(jane.address).toHaveLength(1)
    expect(documentedBook.contactAt(1, false)).not.toHaveProperty('address')
    expect(documentedBook.contactAt(1).address).toHaveLength(1)
    expect(documentedBook.contactAt(0)).not.toHaveProperty('address')
    expect(documentedBook.owner()).toEqual({
      first_name: 'Joe',
      last_name: 'Smith',
      email: [{ address: 'joe@example.com' }],
    })
    expect(documentedBook.owner(false)).toEqual(documentedBook.owner())
    expect(documentedBook.size).toBe(2)
  })

  it('withoutAddresses drops only the address key, and returns the very contact when there is nothing to drop', () => {
    const contact = { first_name: 'A', address: [] }
    expect(withoutAddresses(contact, false)).toEqual({ first_name: 'A' })
    expect(withoutAddresses(contact, true)).toBe(contact)
    const plain = { first_name: 'B' }
    expect(withoutAddresses(plain, false)).toBe(plain)
  })
})
