import { describe, expect, it } from 'vitest'
import { nanpNationalNumber, toE164 } from './phone-number.js'

// The fast path must take what it was written for (else every import pays the library's price),
// and leave the rest to libphonenumber-js (else it answers for numbers it does not know).
describe('nanpNationalNumber', () => {
  it.each([
    ['ten digits', '2015550123'],
    ['eleven digits with the leading 1', '12015550123'],
    ['a leading +1', '+12015550123'],
    ['+1 with spaces, brackets, dots and dashes', '+1 (201) 555.01-23'],
    ['a leading 1 with spaces', '1 201 555 0123'],
  ])('takes %s', (_what, text) => {
    expect(nanpNationalNumber(text)).toBe('2015550123')
  })

  it.each([
    ['a + without the country code 1', '+2015550123'],
    ['a + after the first digit', '1+2015550123'],
    ['a second +', '++12015550123'],
    ['a letter', '201555012a3'],
    ['an extension', '201-555-0123 x5'],
    ['a national number starting with 1', '1105550123'],
    ['eleven digits not starting with 1', '22015550123'],
    ['nine digits', '201555012'],
    ['no digits', '+'],
  ])('leaves %s to the library', (_what, text) => {
    expect(nanpNationalNumber(text)).toBeUndefined()
  })

  it('gives each number it leaves to the library the library answer', () => {
    expect(toE164('+2015550123')).toBe('+2015550123')
    expect(toE164('1+2015550123')).toBeNull()
  })
})
