import { describe, expect, it } from 'vitest'
import { recordSource } from './record-source.js'
import { invalidPhoneText } from './row-outcome.js'
import { csvFile } from './testing/fixtures.js'

// Contacts are read back only from rows their import took; bytes that hold no such row are a
// caller's mistake, said plainly with where and why.
describe('recordSource read', () => {
  it('refuses bytes that hold no valid row, naming them, the file and the row error', () => {
    const file = csvFile('Name,Phone\nAnn,+14155550100\nBo,555\n')
    const source = recordSource(file, ['first-name', 'phone1-phone-number'])
    expect(source.read(11, 27)).toMatchObject({ firstName: 'Ann', phoneNumbers: ['+14155550100'] })
    expect(() => source.read(27, 34)).toThrow(
      new Error(`Failed to read back bytes 27-34 of "contacts.csv": ${invalidPhoneText}: "555"`),
    )
  })
})
