import { describe, expect, it } from 'vitest'
import type { Mapping } from './mapping.js'
import { validateRow } from './row-outcome.js'

describe('validateRow slots', () => {
  it('keeps three different phones and emails, each in its slot whatever the column order', () => {
    const mapping: Mapping = [
      'email3-email-address',
      'phone3-phone-number',
      'email2-email-address',
      'phone2-phone-number',
      'email1-email-address',
      'phone1-phone-number',
    ]
    const cells = ['c@example.com', '+14155550103', 'B@example.com', '+14155550102', 'a@example.com', '+14155550101']
    const outcome = validateRow(cells, mapping)
    expect(outcome).toMatchObject({
      ok: true,
      contact: {
        phoneNumbers: ['+14155550101', '+14155550102', '+14155550103'],
        emailAddresses: ['a@example.com', 'b@example.com', 'c@example.com'],
      },
    })
  })

  it.each([
    ['phone2', ['phone2-phone-number'], ['+14155550102'], []],
    ['phone3', ['phone3-phone-number'], ['+14155550102'], []],
    ['email2', ['email2-email-address'], [], ['b@example.com']],
    ['email3', ['email3-email-address'], [], ['b@example.com']],
  ])('takes %s alone', (_slot, mapping, phoneNumbers, emailAddresses) => {
    const cell = phoneNumbers.length > 0 ? '+14155550102' : 'b@example.com'
    expect(validateRow([cell], mapping as Mapping)).toMatchObject({
      ok: true,
      contact: { phoneNumbers, emailAddresses },
    })
  })
})
