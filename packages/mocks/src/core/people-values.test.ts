import { describe, expect, it } from 'vitest'
import { type Person, peopleGenerator } from './people.js'

// Every value a made-up person can get looks like one: no empty name, place or title, and every
// phone number written the same way, 555-0000 included.

const book = (seed: number, size: number): Person[] =>
  Array.from({ length: size }, (_, index) => peopleGenerator(seed)(index))

/** Every text a person carries, named by where it is, for a message that says which one is wrong. */
function textsOf(person: Person): Array<[string, string]> {
  return [
    ['firstName', person.firstName],
    ['lastName', person.lastName],
    ['street', person.address.street],
    ['city', person.address.city],
    ['region', person.address.region],
    ['country', person.address.country],
    ...person.emails.map((email): [string, string] => ['email', email.address]),
    ...(person.company === null ? [] : [['company', person.company] as [string, string]]),
    ...(person.jobTitle === null ? [] : [['jobTitle', person.jobTitle] as [string, string]]),
    ...person.groups.map((group): [string, string] => ['group', group]),
  ]
}

describe('made-up people', () => {
  it('never get an empty or padded name, place, company, title, email domain or group', () => {
    // Four thousand people draw every entry of every list many times over.
    const seen = new Map<string, Set<string>>()
    for (const person of book(2026, 4000)) {
      for (const [field, text] of textsOf(person)) {
        seen.set(field, (seen.get(field) ?? new Set()).add(text))
      }
    }
    const wrong = [...seen].flatMap(([field, texts]) =>
      [...texts].filter((text) => !/^\S(.*\S)?$/.test(text)).map((text) => `${field}: "${text}"`),
    )
    expect(wrong).toEqual([])
    const emails = [...(seen.get('email') ?? [])]
    expect(emails.filter((address) => !/^[a-z]+\.[a-z]+\d+@(work\.)?example\.(com|org|net)$/.test(address))).toEqual([])
    // Enough variety that each list was drawn from, not one entry repeated.
    for (const field of ['firstName', 'lastName', 'city', 'company', 'jobTitle', 'group']) {
      expect(seen.get(field)?.size, field).toBeGreaterThan(3)
    }
  })

  it('writes 555-0000 as every other number, four digits after 555-', () => {
    const numbers = new Set(book(2026, 20_000).flatMap((person) => person.phones.map((phone) => phone.number)))
    expect(numbers).toContain('555-0000')
    expect(numbers).toContain('555-9999')
    expect([...numbers].filter((number) => !/^555-\d{4}$/.test(number))).toEqual([])
  })
})
