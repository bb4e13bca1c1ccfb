import { type Random, seededRandom } from './random.js'

/** A vendor-neutral person; each simulator maps it to its own contact shape. */
export interface Person {
  firstName: string
  lastName: string
  emails: { address: string; type: string }[]
  phones: { number: string; type: string }[]
  address: { street: string; city: string; region: string; postalCode: string; country: string }
  company: string | null
  jobTitle: string | null
  /** Year, month and day; the year is null when only the birthday is known. */
  birthday: { year: number | null; month: number; day: number } | null
  groups: string[]
}

const firstNames = [
  'Ada',
  'Ben',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Inès',
  'Jamal',
  'Katarzyna',
  'Liam',
  'Mei',
  'Noah',
  'Olivia',
  'Pedro',
  'Quinn',
  'Ravi',
  'Sofia',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zoë',
]
const lastNames = [
  'Abbott',
  'Bianchi',
  'Castro',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hughes',
  'Ivanova',
  'Jensen',
  "O'Brien",
  'Kowalski',
  'Larsen',
  'Müller',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Smith',
  'Tanaka',
  'Walsh',
]
const streets = ['Main St.', 'Oak Ave.', 'Elm Rd.', 'Harbour Way', 'Market St.', 'Sacramento St.', 'Rue de Rivoli']
const cities = [
  { city: 'San Francisco', region: 'CA', country: 'US' },
  { city: 'Austin', region: 'TX', country: 'US' },
  { city: 'Toronto', region: 'ON', country: 'CA' },
  { city: 'Paris', region: 'IDF', country: 'FR' },
  { city: 'München', region: 'BY', country: 'DE' },
]
const companies = ['Acme & Co.', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries']
const jobTitles = ['Engineer', 'Designer', 'Accountant', 'Nurse', 'Teacher', 'Product Manager']
const emailDomains = ['example.com', 'example.org', 'example.net']
const groupNames = ['Family', 'Friends', 'Work', 'Book club']

/**
 * A deterministic, unbounded address book: person `index` of seed `seed` is always the same, so
 * a book of a million people needs no memory until someone is read.
 *
 * @example
 * const people = peopleGenerator(42)
 * people(0).firstName // the same name every run
 */
export function peopleGenerator(seed: number): (index: number) => Person {
  return (index) => person(seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0), index)
}

function person(random: Random, index: number): Person {
  const firstName = random.pick(firstNames)
  const lastName = random.pick(lastNames)
  const handle = `${ascii(firstName)}.${ascii(lastName)}${index}`
  const place = random.pick(cities)
  const emails = [{ address: `${handle}@${random.pick(emailDomains)}`, type: 'Home' }]
  if (chance(random, 0.3)) {
    emails.push({ address: `${handle}@work.example.com`, type: 'Work' })
  }
  const phones = [{ number: phone(random), type: 'Mobile' }]
  if (chance(random, 0.4)) {
    phones.push({ number: phone(random), type: 'Home' })
  }
  const hasBirthday = chance(random, 0.5)
  return {
    firstName,
    lastName,
    emails,
    phones,
    address: {
      street: `${random.int(1, 9999)} ${random.pick(streets)}`,
      city: place.city,
      region: place.region,
      postalCode: String(random.int(10000, 99999)),
      country: place.country,
    },
    company: chance(random, 0.5) ? random.pick(companies) : null,
    jobTitle: chance(random, 0.4) ? random.pick(jobTitles) : null,
    birthday: hasBirthday
      ? { year: chance(random, 0.7) ? random.int(1950, 2005) : null, month: random.int(1, 12), day: random.int(1, 28) }
      : null,
    groups: chance(random, 0.3) ? [random.pick(groupNames)] : [],
  }
}

/**
 * True with probability `share`. `<` against `<=` differs only for a draw exactly equal to the
 * share, once in 2^32.
 */
function chance(random: Random, share: number): boolean {
  return random.next() < share
}

// Every number there can be, made once each: a large book asks for hundreds of thousands.
const phoneNumbers: string[] = []

function phone(random: Random): string {
  const digits = random.int(0, 9999)
  phoneNumbers[digits] ??= `555-${String(digits).padStart(4, '0')}`
  return phoneNumbers[digits]
}

// No prototype, so a name such as "constructor" is looked up as any other.
const asciiNames: Record<string, string> = Object.create(null)

/**
 * The name without accents or punctuation, lower-cased, for email handles ("Zoë O'Brien" →
 * "zoe.obrien").
 */
function ascii(name: string): string {
  asciiNames[name] ??= name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()
  return asciiNames[name]
}
