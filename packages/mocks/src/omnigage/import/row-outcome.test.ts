import { describe, expect, it } from 'vitest'
import type { Mapping } from './mapping.js'
import { validateRow } from './row-outcome.js'
import { documentedMapping, documentedSample } from './testing/fixtures.js'

describe('validateRow', () => {
  it('imports the documented sample with its phone in E.164', () => {
    expect(validateRow(documentedSample, documentedMapping as Mapping)).toEqual({
      ok: true,
      contact: {
        firstName: 'Sampson',
        lastName: 'Victor',
        company: 'Omnigage',
        title: null,
        phoneNumbers: ['+14076341732'],
        emailAddresses: ['sampson.victor@mailinator.com'],
      },
    })
  })

  it('orders phones and emails by slot, lowercases emails, and drops empty and repeated values', () => {
    const mapping: Mapping = [
      'phone2-phone-number',
      'email2-email-address',
      'phone1-phone-number',
      'email1-email-address',
      'phone3-phone-number',
      'title',
      null,
    ]
    const cells = ['(201) 555-0123', 'Ada@Example.COM', '+44 20 7946 0958', '', '201.555.0123', 'Countess', 'ignored']
    expect(validateRow(cells, mapping)).toEqual({
      ok: true,
      contact: {
        firstName: null,
        lastName: null,
        company: null,
        title: 'Countess',
        phoneNumbers: ['+442079460958', '+12015550123'],
        emailAddresses: ['ada@example.com'],
      },
    })
  })

  it('errs a row with a phone that is not a number, in the vendor words, naming the value', () => {
    expect(validateRow(['Ada', '555-01'], ['first-name', 'phone1-phone-number'])).toEqual({
      ok: false,
      reason: 'Invalid phone number specified: "555-01"',
    })
  })

  it('errs a row whose email cell is not one valid address', () => {
    const mapping: Mapping = ['phone1-phone-number', 'email1-email-address']
    for (const email of [
      'ada@',
      'ada.example.com',
      'ada@example.com, grace@example.com',
      'ada @example.com',
      'ada@example',
    ]) {
      expect(validateRow(['2015550123', email], mapping)).toEqual({
        ok: false,
        reason: `Email Fields must only contain a single, valid email address: ${JSON.stringify(email)}`,
      })
    }
  })

  it('takes addresses with one-letter labels, subdomains and long or two-part endings', () => {
    const mapping: Mapping = ['email1-email-address']
    for (const email of [
      'a@x.io',
      'ann@mail.example.com',
      'ann@mail.x.example.com',
      'ann@example.co.uk',
      'ann@example.museum',
    ]) {
      expect(validateRow([email], mapping), email).toMatchObject({ ok: true, contact: { emailAddresses: [email] } })
    }
  })

  it('errs a row with neither a phone nor an email', () => {
    expect(validateRow(['Ada', '', ''], ['first-name', 'phone1-phone-number', 'email1-email-address'])).toEqual({
      ok: false,
      reason: 'The row has no phone number or email address; a contact needs at least one of them to be imported.',
    })
  })
})
