import { describe, expect, it } from 'vitest'
import { childElements, cloudspongeHarness } from './testing/harness.js'

describe('seeded books in the recorded shape', () => {
  it('writes phones as number, type, primary and owner emails as address, type, primary, in JSON and XML', async () => {
    const { seed, importOf } = cloudspongeHarness()
    const seeded = await seed({
      accounts: [
        {
          service: 'icloud',
          username: 'ann',
          password: 'pw',
          // Written in other orders on purpose: the simulator writes the recorded one.
          owner: {
            email: [
              { primary: true, type: 'account', address: 'owner@example.net' },
              { type: 'personal', address: null },
              { address: 'untyped@example.net' },
            ],
          },
          contacts: [
            {
              first_name: 'Ann',
              phone: [
                { primary: true, type: 'Mobile', number: '5555550100' },
                { type: 'Work', number: '5555550101' },
                { number: '5555550102' },
              ],
            },
          ],
        },
      ],
    })
    expect(seeded.status).toBe(201)
    const { json, xml } = await importOf({ service: 'icloud', username: 'ann' })
    expect(json).toContain(
      '"phone":[{"number":"5555550100","type":"Mobile","primary":true},{"number":"5555550101","type":"Work"},{"number":"5555550102"}]',
    )
    expect(json).toContain(
      '"email":[{"address":"owner@example.net","type":"account","primary":true},{"address":null,"type":"personal"},{"address":"untyped@example.net"}]',
    )
    expect(childElements(xml, 'phone', 4)).toEqual([['number', 'type', 'primary'], ['number', 'type'], ['number']])
    // Depth 3 is the owner's (contacts-owner > email array > email); a contact's emails are at 4.
    expect(childElements(xml, 'email', 3)).toEqual([['address', 'type', 'primary'], ['address', 'type'], ['address']])
  })
})

describe('the documented account', () => {
  // The documentation's example answer, with its "addresses" written "address" as its own XML
  // example and every recording have it (docs/decisions/cloudsponge-wire-format.md).
  const john = {
    first_name: 'John',
    last_name: 'Doe',
    phone: [
      { number: '555-1234', type: 'Home' },
      { number: '555-2468', type: 'Work' },
    ],
    email: [
      { address: 'johndoe@nowhere.com', type: 'Email 1' },
      { address: 'second@email.com', type: 'Email 2' },
    ],
  }
  const jane = {
    first_name: 'Jane',
    last_name: 'Smith',
    phone: [{ number: '555.5678', type: 'Home' }],
    email: [{ address: 'janesmith@nowhere.com', type: 'Email 1' }],
  }
  const janesAddress = {
    street: '3450 Sacramento St., #510',
    city: 'San Francisco',
    region: 'CA',
    country: 'US',
    postal_code: '94118',
    formatted: '3450 Sacramento St., #510 San Francisco, CA 94118',
  }

  it('answers include=mailing_address as the documented example: Jane with her address, John without an address key', async () => {
    const { json, body, xml } = await cloudspongeHarness().importOf({
      service: 'icloud',
      username: 'foo',
      password: 'bar',
      include: true,
    })
    expect(body.contacts).toEqual([john, { ...jane, address: [janesAddress] }])
    expect(body.contacts.map((contact: object) => Object.keys(contact))).toEqual([
      ['first_name', 'last_name', 'phone', 'email'],
      ['first_name', 'last_name', 'phone', 'email', 'address'],
    ])
    expect(json).not.toContain('"address":[]')
    expect(childElements(xml, 'contact', 2)).toEqual([
      ['first-name', 'last-name', 'phone', 'email'],
      ['first-name', 'last-name', 'phone', 'email', 'address'],
    ])
  })

  it('answers without include with no address key at all', async () => {
    const { body, xml } = await cloudspongeHarness().importOf({ service: 'icloud', username: 'foo', password: 'bar' })
    expect(body.contacts).toEqual([john, jane])
    expect(body.contacts.map((contact: object) => Object.keys(contact))).toEqual([
      ['first_name', 'last_name', 'phone', 'email'],
      ['first_name', 'last_name', 'phone', 'email'],
    ])
    expect(xml).not.toMatch(/<address type="array"/)
  })
})

describe('generated books', () => {
  /** Where `primary` is in a book's contacts: the positions of the marked phones and emails. */
  function primaries(contacts: { phone: { primary?: true }[]; email: { primary?: true }[] }[]) {
    const marked = (entries: { primary?: true }[]) => entries.flatMap((entry, index) => (entry.primary ? [index] : []))
    return {
      phone: [...new Set(contacts.flatMap((contact) => marked(contact.phone)))],
      email: [...new Set(contacts.flatMap((contact) => marked(contact.email)))],
      contactsWithPhones: contacts.filter((contact) => contact.phone.length > 0).length,
    }
  }

  it("mark primary as the service's recording does: AOL both, Windows Live the email only, Plaxo neither", async () => {
    const cases = [
      { service: 'aol', phone: [0], email: [0], xmlPrimaries: true },
      { service: 'windowslive', method: 'user_consent' as const, phone: [], email: [0], xmlPrimaries: true },
      { service: 'plaxo', phone: [], email: [], xmlPrimaries: false },
      // No recording: as AOL's.
      { service: 'icloud', phone: [0], email: [0], xmlPrimaries: true },
      { service: 'gmail', method: 'user_consent' as const, phone: [0], email: [0], xmlPrimaries: true },
    ]
    for (const { service, method, phone, email, xmlPrimaries } of cases) {
      const { body, xml } = await cloudspongeHarness().importOf({ service, method, username: 'contacts-40' })
      const found = primaries(body.contacts)
      expect(found.contactsWithPhones, service).toBeGreaterThan(0)
      expect({ phone: found.phone, email: found.email }, service).toEqual({ phone, email })
      expect(xml.includes('<primary type="boolean">true</primary>'), service).toBe(xmlPrimaries)
    }
  })

  it('keep the same people for contacts-<N> whatever the service, only the primary marks differ', async () => {
    const people = async (service: string) => {
      const { body } = await cloudspongeHarness().importOf({ service, username: 'contacts-40' })
      return JSON.stringify(body.contacts).replace(/,"primary":true/g, '')
    }
    expect(await people('plaxo')).toBe(await people('icloud'))
  })
})
