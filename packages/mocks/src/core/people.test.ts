import { describe, expect, it } from 'vitest'
import { type Person, peopleGenerator } from './people.js'

// The made-up address books every vendor serves: the same people for the same seed, in the shapes
// and proportions the vendor fixtures and the documentation's examples rely on.

const book = (seed: number, size: number): Person[] =>
  Array.from({ length: size }, (_, index) => peopleGenerator(seed)(index))
const share = (people: Person[], has: (person: Person) => boolean) => people.filter(has).length / people.length

describe('peopleGenerator', () => {
  it('gives person 0 of seed 42 the same fields every run and in every version', () => {
    expect(peopleGenerator(42)(0)).toEqual({
      firstName: 'Farid',
      lastName: 'Castro',
      emails: [{ address: 'farid.castro0@example.org', type: 'Home' }],
      phones: [{ number: '555-4003', type: 'Mobile' }],
      address: { street: '1917 Main St.', city: 'San Francisco', region: 'CA', postalCode: '53203', country: 'US' },
      company: null,
      jobTitle: null,
      birthday: { year: 1988, month: 2, day: 24 },
      groups: [],
    })
  })

  it('gives the same person for the same seed and index, and others elsewhere', () => {
    expect(peopleGenerator(7)(123)).toEqual(peopleGenerator(7)(123))
    expect(peopleGenerator(7)(123)).not.toEqual(peopleGenerator(8)(123))
    expect(book(7, 50).map((person) => person.emails[0]?.address)).toHaveLength(50)
    expect(new Set(book(7, 50).map((person) => person.emails[0]?.address)).size).toBe(50)
  })

  const people = book(2026, 4000)

  it('writes handles as plain first.last plus the index, accents and apostrophes dropped', () => {
    people.forEach((person, index) => {
      const handle = `${plain(person.firstName)}.${plain(person.lastName)}${index}`
      expect(person.emails[0]?.address).toMatch(new RegExp(`^${handle.replace('.', '\\.')}@example\\.(com|org|net)$`))
      expect(person.emails[0]?.type).toBe('Home')
      if (person.emails[1]) {
        expect(person.emails[1]).toEqual({ address: `${handle}@work.example.com`, type: 'Work' })
      }
    })
    const zoe = people.findIndex((person) => person.firstName === 'Zoë' || person.lastName === "O'Brien")
    expect(zoe).toBeGreaterThanOrEqual(0)
    expect(people[zoe]?.emails[0]?.address).toMatch(/^[a-z]+\.[a-z]+\d+@/)
  })

  it('fills phones, addresses and birthdays in their formats and ranges', () => {
    for (const person of people) {
      expect(person.phones[0]?.type).toBe('Mobile')
      expect(person.phones[1]?.type ?? 'Home').toBe('Home')
      for (const phone of person.phones) {
        expect(phone.number).toMatch(/^555-\d{4}$/)
      }
      expect(person.address.street).toMatch(/^[1-9]\d{0,3} \S/)
      expect(person.address.postalCode).toMatch(/^[1-9]\d{4}$/)
      if (person.birthday) {
        expect(person.birthday.month).toBeGreaterThanOrEqual(1)
        expect(person.birthday.month).toBeLessThanOrEqual(12)
        expect(person.birthday.day).toBeGreaterThanOrEqual(1)
        expect(person.birthday.day).toBeLessThanOrEqual(28)
        if (person.birthday.year !== null) {
          expect(person.birthday.year).toBeGreaterThanOrEqual(1950)
          expect(person.birthday.year).toBeLessThanOrEqual(2005)
        }
      }
    }
  })

  it.each([
    ['a work email', 0.3, (person: Person) => person.emails.length === 2],
    ['a home phone', 0.4, (person: Person) => person.phones.length === 2],
    ['a company', 0.5, (person: Person) => person.company !== null],
    ['a job title', 0.4, (person: Person) => person.jobTitle !== null],
    ['a birthday', 0.5, (person: Person) => person.birthday !== null],
    ['a group', 0.3, (person: Person) => person.groups.length === 1],
  ])('gives %s to about %d of people', (_, expected, has) => {
    expect(Math.abs(share(people, has) - expected)).toBeLessThan(0.04)
  })

  it('gives a birth year to about 70% of birthdays', () => {
    const birthdays = people.filter((person) => person.birthday !== null)
    expect(Math.abs(share(birthdays, (person) => person.birthday?.year !== null) - 0.7)).toBeLessThan(0.05)
  })
})

function plain(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()
}
