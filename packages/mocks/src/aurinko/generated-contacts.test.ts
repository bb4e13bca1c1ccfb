import { describe, expect, it } from 'vitest'
import { peopleGenerator } from '../core/people.js'
import { contactGenerator, documentedContact } from './fixtures.js'

// The generated contacts are the people of the core generator, written as Aurinko writes a contact.
const seed = 11
const count = 400
const people = peopleGenerator(seed)
const contacts = contactGenerator(seed)

describe('generated Aurinko contacts', () => {
  it('write each person with the vendor’s field names', () => {
    for (let index = 0; index < count; index++) {
      const person = people(index)
      const contact = contacts(index)
      expect(contact.name).toEqual({ givenName: person.firstName, familyName: person.lastName })
      expect(contact.emailAddresses).toEqual(
        person.emails.map((email) => ({ address: email.address, type: email.type.toLowerCase() })),
      )
      expect(contact.phoneNumbers).toEqual(
        person.phones.map((phone) => ({ number: phone.number, type: phone.type.toLowerCase() })),
      )
      expect(contact.addresses).toEqual([
        {
          street: person.address.street,
          city: person.address.city,
          state: person.address.region,
          postalCode: person.address.postalCode,
          country: person.address.country,
          type: 'home',
        },
      ])
      const company = {
        ...(person.company ? { name: person.company } : {}),
        ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
      }
      expect(contact.company).toEqual(Object.keys(company).length > 0 ? company : undefined)
      expect(contact.keywords).toEqual(person.groups.length > 0 ? person.groups : undefined)
      const birthday = person.birthday
      const monthDay = birthday && `${String(birthday.month).padStart(2, '0')}-${String(birthday.day).padStart(2, '0')}`
      expect(contact.birthday).toEqual(
        birthday ? (birthday.year === null ? `--${monthDay}` : `${birthday.year}-${monthDay}`) : undefined,
      )
    }
  })

  it('cover every shape: with and without company, job title, birthday year and keywords', () => {
    const all = Array.from({ length: count }, (_, index) => contacts(index))
    const shapes = new Set(
      all.map((contact) =>
        Object.keys(contact.company ?? {})
          .sort()
          .join('+'),
      ),
    )
    expect([...shapes].sort()).toEqual(['', 'jobTitle', 'jobTitle+name', 'name'])
    expect(all.some((contact) => /^--\d{2}-\d{2}$/.test(contact.birthday ?? ''))).toBe(true)
    expect(all.some((contact) => /^\d{4}-\d{2}-\d{2}$/.test(contact.birthday ?? ''))).toBe(true)
    expect(all.some((contact) => /^\d{4}-0\d-0\d$/.test(contact.birthday ?? ''))).toBe(true)
    expect(all.some((contact) => contact.birthday === undefined)).toBe(true)
    expect(all.some((contact) => contact.keywords === undefined)).toBe(true)
  })

  it('are the same for the same seed and index, and another person for another', () => {
    expect(contactGenerator(seed)(7)).toEqual(contacts(7))
    expect(contactGenerator(seed + 1)(7)).not.toEqual(contacts(7))
    expect(documentedContact.name).toEqual({ givenName: 'Sam', familyName: 'Black' })
  })
})
