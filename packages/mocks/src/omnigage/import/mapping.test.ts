import { describe, expect, it } from 'vitest'
import { autoMap, checkMapping } from './mapping.js'
import { documentedHeader, documentedMapping } from './testing/fixtures.js'
import { contactFields } from './vocabulary.js'

describe('autoMap', () => {
  it('maps the documented example header as the documentation shows', () => {
    expect(autoMap(documentedHeader)).toEqual(documentedMapping)
  })

  it('matches synonyms whatever their case, spaces and punctuation', () => {
    expect(
      autoMap(['firstname', 'SURNAME', 'Organisation', 'Job Title', 'Given_Name', 'family-name', 'E-mail', 'Cell']),
    ).toEqual([
      'first-name',
      'last-name',
      'company',
      'title',
      null, // a second first name: the field is taken
      null,
      'email1-email-address',
      'phone1-phone-number',
    ])
  })

  it('gives phone and email columns the next free slot, and nothing past the third', () => {
    expect(
      autoMap([
        'Mobile',
        'Work Phone',
        'Telephone',
        'Home Phone',
        'Email',
        'E-mail Address',
        'Personal Email',
        'Email 4',
      ]),
    ).toEqual([
      'phone1-phone-number',
      'phone2-phone-number',
      'phone3-phone-number',
      null,
      'email1-email-address',
      'email2-email-address',
      'email3-email-address',
      null,
    ])
  })

  it('keeps a column named after a vocabulary word on that word, before synonyms take slots', () => {
    expect(autoMap(['Phone', 'phone1-phone-number', 'Email 2', 'email1-email-address'])).toEqual([
      'phone2-phone-number',
      'phone1-phone-number',
      'email2-email-address',
      'email1-email-address',
    ])
    expect(autoMap([...contactFields])).toEqual([...contactFields])
  })

  it('names phones and emails it has no synonym for by their last word', () => {
    expect(autoMap(['Assistant Phone', 'Billing E-mail', 'Phone 2'])).toEqual([
      'phone1-phone-number',
      'email1-email-address',
      'phone2-phone-number',
    ])
  })

  it('leaves unknown and empty columns unmapped', () => {
    expect(autoMap(['Name', 'Notes', '', 'Birthday', 'Telephone Extension'])).toEqual([null, null, null, null, null])
  })
})

describe('checkMapping', () => {
  const header = ['First Name', 'Cell', 'Mail']

  it('accepts one vocabulary word or null per column, an empty string as null', () => {
    expect(checkMapping(['first-name', 'phone1-phone-number', ''], header)).toEqual({
      ok: true,
      mapping: ['first-name', 'phone1-phone-number', null],
    })
  })

  it('says how many entries there are and which columns the file has', () => {
    expect(checkMapping(['first-name', 'phone1-phone-number'], header)).toEqual({
      ok: false,
      reason:
        'The mapping has 2 entries but the file has 3 columns ("First Name", "Cell", "Mail"): give one entry per ' +
        'column, and null for a column to skip.',
    })
  })

  it('names the column and the word it does not know, and lists the vocabulary', () => {
    const check = checkMapping(['first-name', 'mobile', null], header)
    expect(check).toEqual({
      ok: false,
      reason:
        'Column 2 ("Cell") is mapped to "mobile", which is not a contact field; use one of first-name, last-name, ' +
        'company, title, phone1-phone-number, phone2-phone-number, phone3-phone-number, email1-email-address, ' +
        'email2-email-address, email3-email-address, or null to skip the column.',
    })
    expect(checkMapping(['first-name', 7, null], header)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Column 2 \("Cell"\) is mapped to 7, which is not a contact field/),
    })
  })

  it('names both columns of a field used twice', () => {
    expect(checkMapping(['email1-email-address', 'phone1-phone-number', 'email1-email-address'], header)).toMatchObject(
      {
        ok: false,
        reason: expect.stringMatching(
          /^Columns 1 \("First Name"\) and 3 \("Mail"\) are both mapped to "email1-email-address"; map each contact field/,
        ),
      },
    )
  })

  it('refuses what is not a list, and a mapping that could import no row', () => {
    expect(checkMapping({ 0: 'first-name' }, header)).toMatchObject({
      ok: false,
      reason:
        'The mapping must be a list with one entry per column of the file, which has 3 columns ("First Name", "Cell", "Mail").',
    })
    expect(checkMapping(['first-name', 'title', null], header)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The mapping has no phone or email column, so no row could be imported/),
    })
  })
})
