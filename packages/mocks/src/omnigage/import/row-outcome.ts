import type { Mapping } from './mapping.js'
import { toE164 } from './phone-number.js'

/** A contact read from one row, as Omnigage stores it. */
export interface ImportedContact {
  firstName: string | null
  lastName: string | null
  company: string | null
  title: string | null
  /** E.164, phone1 first, without empty or repeated numbers. */
  phoneNumbers: string[]
  /** Lowercased, email1 first, without empty or repeated addresses. */
  emailAddresses: string[]
}

/** What became of one row: a contact, or the sentence saying why the row was not imported. */
export type RowOutcome = { ok: true; contact: ImportedContact } | { ok: false; reason: string }

/** Omnigage's own words for a phone it cannot read. */
export const invalidPhoneText = 'Invalid phone number specified'
/** Omnigage's own words for an email it cannot read. */
export const invalidEmailText = 'Email Fields must only contain a single, valid email address'
/** The reason for a row with nothing to reach the contact by. */
export const noPhoneOrEmailText =
  'The row has no phone number or email address; a contact needs at least one of them to be imported.'

// One address: no spaces, commas or semicolons (two addresses in one cell), one @, and a domain of
// dot-separated labels (the HTML form rule, plus the dot a deliverable address needs).
const emailAddress =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/

/**
 * Validates one data row under a mapping and builds its contact. A row is erred, with the first
 * problem found left to right, when a phone is not a valid number (`Invalid phone number specified:
 * "555-01"`), when an email cell is not one valid address (`Email Fields must only contain a
 * single, valid email address: "ada@"`), or when it has neither a phone nor an email. Empty cells
 * are not values. Cells past the mapping, and columns mapped to `null`, are ignored.
 *
 * @example
 * validateRow(['Sampson', '14076341732'], ['first-name', 'phone1-phone-number'])
 * // { ok: true, contact: { firstName: 'Sampson', …, phoneNumbers: ['+14076341732'], emailAddresses: [] } }
 */
export function validateRow(cells: readonly string[], mapping: Mapping): RowOutcome {
  let firstName: string | null = null
  let lastName: string | null = null
  let company: string | null = null
  let title: string | null = null
  // Slots, not columns: a phone mapped to phone1 comes first wherever its column is.
  let phone1: string | undefined
  let phone2: string | undefined
  let phone3: string | undefined
  let email1: string | undefined
  let email2: string | undefined
  let email3: string | undefined
  for (let column = 0; column !== mapping.length; column++) {
    const field = mapping[column]
    const value = cells[column]
    if (!field || !value) {
      continue
    }
    switch (field) {
      case 'first-name':
        firstName = value
        break
      case 'last-name':
        lastName = value
        break
      case 'company':
        company = value
        break
      case 'title':
        title = value
        break
      case 'phone1-phone-number':
      case 'phone2-phone-number':
      case 'phone3-phone-number': {
        const number = toE164(value)
        if (number === null) {
          return { ok: false, reason: `${invalidPhoneText}: ${JSON.stringify(value)}` }
        }
        if (field === 'phone1-phone-number') {
          phone1 = number
        } else if (field === 'phone2-phone-number') {
          phone2 = number
        } else {
          phone3 = number
        }
        break
      }
      default: {
        if (!emailAddress.test(value)) {
          return { ok: false, reason: `${invalidEmailText}: ${JSON.stringify(value)}` }
        }
        const address = value.toLowerCase()
        if (field === 'email1-email-address') {
          email1 = address
        } else if (field === 'email2-email-address') {
          email2 = address
        } else {
          email3 = address
        }
      }
    }
  }
  const phoneNumbers = distinct(phone1, phone2, phone3)
  const emailAddresses = distinct(email1, email2, email3)
  if (phoneNumbers.length === 0 && emailAddresses.length === 0) {
    return { ok: false, reason: noPhoneOrEmailText }
  }
  return { ok: true, contact: { firstName, lastName, company, title, phoneNumbers, emailAddresses } }
}

function distinct(first: string | undefined, second: string | undefined, third: string | undefined): string[] {
  const values: string[] = []
  for (const value of [first, second, third]) {
    if (value !== undefined && !values.includes(value)) {
      values.push(value)
    }
  }
  return values
}
