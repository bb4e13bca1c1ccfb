import type { components } from '@contactkit/specs/cloudsponge'
import { BoundedMemo } from '../core/kit/memo.js'
import { type Person, peopleGenerator } from '../core/people.js'
import { seedFromString } from '../core/random.js'

export type Contact = components['schemas']['Contact']
export type ContactsOwner = Exclude<components['schemas']['ContactsOwner'], null>

/** An address book as the import gathers it. Contacts carry their mailing addresses unless asked not to. */
export interface AddressBook {
  /** The owner as the vendor writes it, with or without mailing addresses. */
  owner(addresses?: boolean): ContactsOwner | null
  size: number
  /**
   * One contact; without its mailing addresses when `addresses` is false (a generated book then
   * never makes them). Optional fields may be present as undefined, which no writer writes.
   */
  contactAt(index: number, addresses?: boolean): Contact
}

/** What signing in to a service with a username and password yields. */
export type SignIn = { kind: 'book'; book: AddressBook; slow: boolean } | { kind: 'rejected'; reason: string }

/** A user-seeded account: exactly these contacts behind this username and password. */
export interface SeededAccount {
  service: string
  username: string
  password: string
  owner: ContactsOwner | null
  contacts: Contact[]
}

export const maxGeneratedContacts = 1_000_000
const defaultGeneratedContacts = 25

/**
 * The address book of the vendor's documented example (owner Joe Smith; John Doe and Jane Smith),
 * written exactly as the documentation shows it: no arrays it does not show, no `owner: true`.
 * Jane's mailing address comes only with `include=mailing_address`; John has none, and no
 * `address` key either way, as in the example.
 */
export const documentedBook: AddressBook = documentedListBook(
  { first_name: 'Joe', last_name: 'Smith', email: [{ address: 'joe@example.com' }] },
  [
    {
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
    },
    {
      first_name: 'Jane',
      last_name: 'Smith',
      phone: [{ number: '555.5678', type: 'Home' }],
      email: [{ address: 'janesmith@nowhere.com', type: 'Email 1' }],
      address: [
        {
          street: '3450 Sacramento St., #510',
          city: 'San Francisco',
          region: 'CA',
          country: 'US',
          postal_code: '94118',
          formatted: '3450 Sacramento St., #510 San Francisco, CA 94118',
        },
      ],
    },
  ],
)

function documentedListBook(owner: ContactsOwner, contacts: Contact[]): AddressBook {
  return {
    // Stryker disable next-line BooleanLiteral: the documented owner has no mailing address, so there is none to drop
    owner: (addresses = true) => withoutAddresses(owner, addresses),
    size: contacts.length,
    contactAt: (index, addresses = true) => withoutAddresses(contacts[index] as Contact, addresses),
  }
}

/**
 * A book over a fixed list (seeded accounts), written in the recorded shape: every contact with
 * its arrays in the recorded order (see `recordedContact`), the owner with `owner: true` and the
 * arrays its service's recorded owner has (see `ownerShapeOf`). The contacts are reshaped once,
 * when the book is made, not per page.
 */
export function listBook(owner: ContactsOwner | null, contacts: Contact[], shape: OwnerShape = aolOwner): AddressBook {
  const withAddresses = contacts.map((contact) => recordedContact(contact, true))
  const withoutThem = contacts.map((contact) => recordedContact(contact, false))
  const owners = owner ? [recordedOwner(owner, false, shape), recordedOwner(owner, true, shape)] : null
  return {
    owner: (addresses = true) => (owners ? (owners[addresses ? 1 : 0] as ContactsOwner) : null),
    size: contacts.length,
    contactAt: (index, addresses = true) => (addresses ? withAddresses : withoutThem)[index] as Contact,
  }
}

/** One empty array for every empty field of generated contacts: nothing writes to it. */
const none: never[] = Object.freeze([]) as unknown as never[]

type Item<T> = T extends (infer U)[] ? U : never

/**
 * A contact in the order the vendor writes its keys, every array present (`[]` when the source
 * has none; `address` empty unless the import asked for mailing addresses), `dob`, `birthday`,
 * `job_title` and `title` only when known. Nulls inside arrays are kept as the recordings show
 * them (`"companies":[null]`). Keys the vendor never wrote follow, as given.
 */
export function recordedContact(contact: Contact, addresses: boolean): Contact {
  const {
    first_name,
    last_name,
    phone,
    email,
    address,
    groups,
    dob,
    birthday,
    companies,
    job_title,
    title,
    photos,
    locations,
    ...rest
  } = contact
  return {
    first_name,
    last_name,
    phone: phone ? phone.map(recordedPhone) : [],
    // Stryker disable next-line ArrayDeclaration: seeded contacts always have an email array (seededAccount), and an owner's is replaced (recordedOwner)
    email: email ? email.map((entry) => recordedEmail(entry, null)) : [],
    address: addresses && address ? address.map(recordedAddress) : [],
    groups: groups ?? [],
    dob,
    birthday,
    companies: companies ?? [],
    job_title,
    title,
    photos: photos ?? [],
    locations: locations ?? [],
    ...rest,
  }
}

/** The arrays a recorded owner may carry, in the order the vendor writes them. */
const ownerArrays = ['phone', 'email', 'address', 'groups', 'companies', 'photos', 'locations'] as const
type OwnerArray = (typeof ownerArrays)[number]

/** How a service's recorded owner looks: which arrays it always has, and where `owner: true` goes. */
export interface OwnerShape {
  /** Arrays written even when empty; others only when the account has them. */
  arrays: ReadonlySet<OwnerArray>
  /** `owner: true` first (Plaxo's recording) rather than last. */
  flagFirst: boolean
  /** Whether a generated owner has a name and an `external_id` (Plaxo's recorded owner has neither). */
  named: boolean
}

// As each service's recording shows its owner: AOL's (both recordings, with or without
// include=mailing_address) every array but `address`; Windows Live's every array; Plaxo's only
// `owner` and an email, `owner` first. Services without a recording follow AOL, as for `primary`.
const aolOwner: OwnerShape = {
  arrays: new Set(['phone', 'email', 'groups', 'companies', 'photos', 'locations']),
  flagFirst: false,
  named: true,
}
const recordedOwners: Record<string, OwnerShape> = {
  WINDOWSLIVE: { arrays: new Set(ownerArrays), flagFirst: false, named: true },
  PLAXO: { arrays: new Set(['email']), flagFirst: true, named: false },
}

/**
 * The shape of a service's owner, as its recording shows it; AOL's for services without one.
 *
 * @example
 * ownerShapeOf('WINDOWSLIVE').arrays.has('address') // true
 * ownerShapeOf('AOL').arrays.has('address') // false
 */
export function ownerShapeOf(service: string): OwnerShape {
  return recordedOwners[service] ?? aolOwner
}

/**
 * The owner in the recorded order: names, `external_id`, the same arrays as a contact, then
 * `owner: true` (first, for Plaxo). Arrays the service's recorded owner lacks (AOL's `address`)
 * are written only when the account has them, `address` only with `include=mailing_address`. Its
 * emails are in the contacts' key order, but one without a type keeps none: the recorded owners'
 * emails (AOL, Plaxo) have no `type` at all.
 *
 * @example
 * recordedOwner({ email: [{ address: 'o@example.com' }] }, false, ownerShapeOf('PLAXO'))
 * // { owner: true, email: [{ address: 'o@example.com' }] }
 */
export function recordedOwner(owner: ContactsOwner, addresses: boolean, shape: OwnerShape = aolOwner): ContactsOwner {
  const { first_name, last_name, external_id, owner: _owner, ...contact } = owner
  const { first_name: _first, last_name: _last, ...fields } = recordedContact(contact, addresses)
  const email = contact.email ? contact.email.map((entry) => recordedEmail(entry, undefined)) : []
  const written: ContactsOwner = { first_name, last_name, external_id, ...fields, email }
  for (const key of ownerArrays) {
    const given = key === 'address' ? addresses && contact.address !== undefined : contact[key] !== undefined
    if (!shape.arrays.has(key) && !given) {
      delete written[key]
    }
  }
  return shape.flagFirst ? { owner: true, ...written } : { ...written, owner: true }
}

/**
 * An email in the recorded key order `address, type, primary`. A contact's email without a type
 * gets `untyped` as its type: null (`<type nil="true"></type>` in XML, as the applet fixture shows);
 * an owner's gets none (undefined, which no writer writes).
 */
function recordedEmail(email: Item<Contact['email']>, untyped: null | undefined): Item<Contact['email']> {
  // Seeds are refused unless each entry is an object or null (state.ts).
  if (email === null) {
    return email
  }
  const { address, type = untyped, primary, ...rest } = email
  return { address, type, primary, ...rest }
}

/** A phone in the recorded key order `number, type, primary` (the AOL recording); a missing key stays missing. */
function recordedPhone(phone: Item<Contact['phone']>): Item<Contact['phone']> {
  // Seeds are refused unless each entry is an object or null (state.ts).
  if (phone === null) {
    return phone
  }
  const { number, type, primary, ...rest } = phone
  return { number, type, primary, ...rest }
}

/** A mailing address in the recorded key order: type, street, city, region, postal_code, country. */
function recordedAddress(address: Item<Contact['address']>): Item<Contact['address']> {
  // Seeds are refused unless each entry is an object or null (state.ts).
  if (address === null) {
    return address
  }
  const { type, street, city, region, postal_code, country, ...rest } = address
  return { type, street, city, region, postal_code, country, ...rest }
}

/** Which first entries of a generated contact are marked `primary: true`. */
export interface PrimaryMarks {
  phone: boolean
  email: boolean
}

// As each service's recording shows them: AOL marks the first phone and the first email, Windows
// Live only the first email, Plaxo neither. Services without a recording follow AOL's.
const aolPrimary: PrimaryMarks = { phone: true, email: true }
const recordedPrimary: Record<string, PrimaryMarks> = {
  WINDOWSLIVE: { phone: false, email: true },
  // Stryker disable next-line ObjectLiteral: marks left out read as false
  PLAXO: { phone: false, email: false },
}

/**
 * The `primary` marks of a service's generated contacts, as its recording shows them.
 *
 * @example
 * primaryMarksOf('PLAXO') // { phone: false, email: false }
 */
export function primaryMarksOf(service: string): PrimaryMarks {
  return recordedPrimary[service] ?? aolPrimary
}

/**
 * `size` generated contacts, the same for the same seed, produced only when read; `primary` on
 * the first phone and email as `marks` say (AOL's recording: both), the owner in `ownerShape`
 * (AOL's recording: names, an id, one email without a type, every array but `address`, empty).
 *
 * @example
 * generatedBook(7, 25, primaryMarksOf('PLAXO'), ownerShapeOf('PLAXO')).owner() // { owner: true, email: [{ address: '…' }] }
 */
export function generatedBook(
  seed: number,
  size: number,
  marks: PrimaryMarks = aolPrimary,
  ownerShape: OwnerShape = aolOwner,
): AddressBook {
  const people = peopleGenerator(seed)
  const ownerPerson = peopleGenerator(seed ^ 0x5bd1e995)(0)
  // Stryker disable next-line OptionalChaining,StringLiteral: every generated person has an email, so the fallback is never used
  const email = [{ address: ownerPerson.emails[0]?.address ?? 'owner@example.com' }]
  const owner = recordedOwner(
    ownerShape.named
      ? {
          first_name: ownerPerson.firstName,
          last_name: ownerPerson.lastName,
          external_id: ((seed ^ 0x2f6b3a1d) >>> 0).toString(16).padStart(8, '0').toUpperCase(),
          email,
        }
      : { email },
    false,
    ownerShape,
  )
  return {
    owner: () => owner,
    size,
    contactAt: (index, addresses = true) => contactFromPerson(people(index), addresses, marks),
  }
}

/**
 * Signs in as a user of a service. The documented account and the magic usernames:
 *
 * - `foo` with password `bar`: the documented address book (any other password is rejected);
 * - `wrong-password`: always rejected, as a mistyped password is;
 * - `slow`: 25 contacts, gathered over the slow duration;
 * - `contacts-<N>`: N generated contacts (0 to 1,000,000), the same people for every service;
 * - any other username: 25 generated contacts, the same for the same service and username.
 *
 * Generated contacts mark their first phone and email `primary` as the service's recording does
 * (see `primaryMarksOf`), and every owner has the shape of the service's recorded owner (see
 * `ownerShapeOf`).
 *
 * Seeded accounts come first and check their password.
 *
 * @example
 * signIn('ICLOUD', 'foo', 'bar', []) // { kind: 'book', book: documentedBook, slow: false }
 */
export function signIn(service: string, username: string, password: string | null, accounts: SeededAccount[]): SignIn {
  const rejected: SignIn = {
    kind: 'rejected',
    reason: `${service} did not accept the username or password of ${username}.`,
  }
  const seeded = accounts.find((account) => account.service === service && account.username === username)
  if (seeded) {
    return password === null || seeded.password === password
      ? { kind: 'book', book: seededBook(seeded), slow: false }
      : rejected
  }
  if (username === 'foo') {
    return password === null || password === 'bar' ? { kind: 'book', book: documentedBook, slow: false } : rejected
  }
  if (username === 'wrong-password') {
    return rejected
  }
  const sized = /^contacts-(\d{1,7})$/.exec(username)
  if (sized) {
    const size = Math.min(Number(sized[1]), maxGeneratedContacts)
    return { kind: 'book', book: rememberedBook(service, `contacts-${size}`, size), slow: false }
  }
  const book = rememberedBook(service, `${service}:${username}`, defaultGeneratedContacts)
  return { kind: 'book', book, slow: username === 'slow' }
}

// A book is a function of who signs in, and nothing in it changes once made: every import of the
// same user shares one instead of generating its owner and reshaping its contacts again.
const generatedBooks = new BoundedMemo<string, AddressBook>(1000)
const seededBooks = new WeakMap<SeededAccount, AddressBook>()

function rememberedBook(service: string, seedText: string, size: number): AddressBook {
  return generatedBooks.remember(`${service}\n${seedText}\n${size}`, () =>
    generatedBook(seedFromString(seedText), size, primaryMarksOf(service), ownerShapeOf(service)),
  )
}

// A seeded account is never changed once seeded (a new seed replaces it), nor is its service.
function seededBook(account: SeededAccount): AddressBook {
  let book = seededBooks.get(account)
  if (book === undefined) {
    book = listBook(account.owner, account.contacts, ownerShapeOf(account.service))
    seededBooks.set(account, book)
  }
  return book
}

/** The contact without its addresses unless they are wanted; the contact itself is never changed. */
export function withoutAddresses<T extends Contact>(contact: T, addresses: boolean): T {
  if (addresses || !('address' in contact)) {
    return contact
  }
  const { address: _dropped, ...rest } = contact
  return rest as T
}

// Hot path of every large book: each contact has the same fields in the same order (absent ones
// undefined, which JSON and the XML writer leave out, as if the field were not there), so the
// objects share one shape and serialize fast; nothing is copied that need not be. The order and
// the always-present arrays are the recorded ones (see `recordedContact`).
function contactFromPerson(person: Person, addresses: boolean, marks: PrimaryMarks): Contact {
  const { phones, emails, birthday } = person
  const phone: NonNullable<Contact['phone']> = []
  for (let index = 0; index < phones.length; index++) {
    const { number, type } = phones[index] as Person['phones'][number]
    phone.push(index === 0 && marks.phone ? { number, type, primary: true } : { number, type })
  }
  const email: NonNullable<Contact['email']> = []
  for (let index = 0; index < emails.length; index++) {
    const { address, type } = emails[index] as Person['emails'][number]
    email.push(index === 0 && marks.email ? { address, type, primary: true } : { address, type })
  }
  const monthDay = birthday ? `${pad(birthday.month)}-${pad(birthday.day)}` : undefined
  const place = person.address
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    phone,
    email,
    address: addresses
      ? [
          {
            type: 'Home',
            street: place.street,
            city: place.city,
            region: place.region,
            postal_code: place.postalCode,
            country: place.country,
          },
        ]
      : none,
    // The shared empty array, so an empty list costs nothing per contact.
    groups: person.groups.length === 0 ? none : person.groups,
    dob: birthday && birthday.year !== null ? `${birthday.year}-${monthDay}` : undefined,
    birthday: monthDay,
    companies: person.company ? [person.company] : none,
    job_title: person.jobTitle ? person.jobTitle : undefined,
    photos: none,
    locations: none,
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
