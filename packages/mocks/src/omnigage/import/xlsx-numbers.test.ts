import { describe, expect, it } from 'vitest'
import { cellText, StoredNumber } from './xlsx-records.js'

// A number cell is read back as the digits a person typed, never grouped or as the double's noise.
describe('cellText of stored numbers with an exponent', () => {
  it.each([
    ['an integer past 2^53, from its shortest decimal', '1.2345678901234567E+19', '12345678901234567000'],
    ['an integer of 23 digits', '1.5E+22', '15000000000000000000000'],
    ['a decimal over a thousand, without grouping', '1.2345E+3', '1234.5'],
    ['a decimal over a million, without grouping', '1.2345678E+6', '1234567.8'],
  ])('writes %s', (_what, stored, text) => {
    expect(cellText(new StoredNumber(stored))).toBe(text)
  })
})
