import { type Person, peopleGenerator } from '../core/people.js'
import type { ContactFields } from './contact-fields.js'

/** Most generated contacts one account may be seeded with. */
export const maxGeneratedContacts = 1_000_000

/** How many generated contacts follow the documented one in the sandbox account. */
export const documentedBookGenerated = 24

/** The contact of the vendor's create example (Sam Black, support engineer at Aurinko). */
export const documentedContact: ContactFields = {
  name: { givenName: 'Sam', familyName: 'Black' },
  company: { name: 'Aurinko', jobTitle: 'Support engineer' },
  emailAddresses: [{ address: 'sam@aurinko.io', type: 'work' }],
  phoneNumbers: [{ number: '415 8399949', type: 'work' }],
}

/**
 * A generator of Aurinko contacts: contact `index` of seed `seed` is always the same person,
 * written with the vendor's field names (`familyName`, `company.jobTitle`, `keywords`).
 *
 * @example
 * const generate = contactGenerator(7)
 * generate(0).name?.familyName // the same every run
 */
export function contactGenerator(seed: number): (index: number) => ContactFields {
  const people = peopleGenerator(seed)
  return (index) => personToContact(people(index))
}

function personToContact(person: Person): ContactFields {
  const contact: ContactFields = {
    name: { givenName: person.firstName, familyName: person.lastName },
    emailAddresses: person.emails.map((email) => ({ address: email.address, type: email.type.toLowerCase() })),
    // People's phones are Mobile or Home, both Aurinko types once lowercased.
    phoneNumbers: person.phones.map((phone) => ({ number: phone.number, type: phone.type.toLowerCase() as PhoneType })),
    addresses: [
      {
        street: person.address.street,
        city: person.address.city,
        state: person.address.region,
        postalCode: person.address.postalCode,
        country: person.address.country,
        type: 'home',
      },
    ],
  }
  if (person.company || person.jobTitle) {
    contact.company = {
      ...(person.company ? { name: person.company } : {}),
      ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
    }
  }
  if (person.birthday) {
    const { year, month, day } = person.birthday
    const monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    contact.birthday = year === null ? `--${monthDay}` : `${year}-${monthDay}`
  }
  if (person.groups.length > 0) {
    contact.keywords = [...person.groups]
  }
  return contact
}

type PhoneType = NonNullable<NonNullable<ContactFields['phoneNumbers']>[number]['type']>
