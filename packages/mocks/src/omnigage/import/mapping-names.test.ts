import { describe, expect, it } from 'vitest'
import { autoMap, checkMapping } from './mapping.js'

// Every header name the simulator knows, one column at a time, as spreadsheets and CRMs write them.
const named = (field: string, names: string[]) => names.map((name): [string, string] => [name, field])
const known = [
  ...named('first-name', ['First Name', 'firstname', 'First', 'Given Name', 'Forename', 'FNAME']),
  ...named('last-name', ['Last Name', 'lastname', 'Last', 'Surname', 'Family Name', 'LName']),
  ...named('company', ['Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Org']),
  ...named('company', ['Business', 'Business Name', 'Employer', 'Account Name']),
  ...named('title', ['Title', 'Job Title', 'Position', 'Job Position']),
  ...named('phone1-phone-number', ['Phone', 'Phone Number', 'Phone No.', 'Telephone', 'Telephone Number', 'Tel']),
  ...named('phone1-phone-number', ['Mobile', 'Mobile Number', 'Mobile Phone', 'Cell', 'Cell Phone', 'Cell Number']),
  ...named('phone1-phone-number', ['Cellular', 'Work Phone', 'Home Phone', 'Office Phone', 'Business Phone']),
  ...named('phone1-phone-number', ['Direct Phone', 'Direct Line', 'Primary Phone', 'Other Phone', 'Main Phone']),
  ...named('email1-email-address', ['Email', 'E-mail', 'Email Address', 'E-mail Address', 'Mail', 'Email ID']),
  ...named('email1-email-address', ['Primary Email', 'Work Email', 'Home Email', 'Personal Email', 'Business Email']),
  ...named('email1-email-address', ['Other Email']),
]

describe('autoMap, every known name', () => {
  it.each(known)('maps a column named %s to %s', (name, field) => {
    expect(autoMap([name])).toEqual([field])
  })
})

describe('autoMap, numbered and look-alike names', () => {
  it('leaves a second column named after a vocabulary word unmapped, rather than giving it the next slot', () => {
    expect(autoMap(['phone1-phone-number', 'phone1-phone-number', 'Email'])).toEqual([
      'phone1-phone-number',
      null,
      'email1-email-address',
    ])
  })

  it('reads a number anywhere in a name as telling columns apart: Outlook export headers', () => {
    expect(
      autoMap(['First Name', 'E-mail Address', 'E-mail Type', 'E-mail 2 Address', 'E-mail 2 Type', 'E-mail 3 Address']),
    ).toEqual(['first-name', 'email1-email-address', null, 'email2-email-address', null, 'email3-email-address'])
  })

  it('reads synonyms with a number of more than one digit', () => {
    expect(autoMap(['Cell', 'Cell 2', 'Cell 10'])).toEqual([
      'phone1-phone-number',
      'phone2-phone-number',
      'phone3-phone-number',
    ])
  })

  it('takes a name for an email only when it ends with the word', () => {
    expect(autoMap(['Email', 'Email Opt Out', 'Emailed On'])).toEqual(['email1-email-address', null, null])
  })
})

describe('checkMapping, the sentences in full', () => {
  it('speaks of one column in the singular', () => {
    expect(checkMapping('phone1-phone-number', ['Phone'])).toEqual({
      ok: false,
      reason: 'The mapping must be a list with one entry per column of the file, which has 1 column ("Phone").',
    })
  })

  it('shows a word it does not know as written, quoted, and anything else as JSON', () => {
    const reasonFor = (entry: unknown) => {
      const check = checkMapping([entry], ['Phone'])
      return check.ok ? undefined : check.reason.slice(0, check.reason.indexOf(', which'))
    }
    expect(reasonFor('Mobile "cell"')).toBe('Column 1 ("Phone") is mapped to "Mobile \\"cell\\""')
    expect(reasonFor({ field: 'phone' })).toBe('Column 1 ("Phone") is mapped to {"field":"phone"}')
    expect(reasonFor(true)).toBe('Column 1 ("Phone") is mapped to true')
  })

  it('says where a second phone or email goes when a field is used twice', () => {
    expect(checkMapping(['phone1-phone-number', 'phone1-phone-number'], ['Phone', 'Cell'])).toEqual({
      ok: false,
      reason:
        'Columns 1 ("Phone") and 2 ("Cell") are both mapped to "phone1-phone-number"; map each contact field to one ' +
        'column at most (a second phone or email goes to phone2-phone-number or email2-email-address).',
    })
  })

  it('says which fields a mapping without a phone or email needs', () => {
    expect(checkMapping(['first-name', null], ['Name', 'Notes'])).toEqual({
      ok: false,
      reason:
        'The mapping has no phone or email column, so no row could be imported: map at least one column to ' +
        'a phoneN-phone-number or emailN-email-address field.',
    })
  })
})
