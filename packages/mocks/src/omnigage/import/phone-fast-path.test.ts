import { parsePhoneNumberFromString } from 'libphonenumber-js/core'
import { describe, expect, it, vi } from 'vitest'
import { nanpNationalNumber, toE164 } from './phone-number.js'

// The library as it is, watched: the fast path's point is that North American numbers never reach it.
vi.mock('libphonenumber-js/core', async (importOriginal) => {
  const library = await importOriginal<typeof import('libphonenumber-js/core')>()
  return { ...library, parsePhoneNumberFromString: vi.fn(library.parsePhoneNumberFromString) }
})

// The fast path must take what it was written for (else every import pays the library's price),
// and leave the rest to libphonenumber-js (else it answers for numbers it does not know).
describe('nanpNationalNumber', () => {
  it.each([
    ['ten digits', '2015550123'],
    ['eleven digits with the leading 1', '12015550123'],
    ['a leading +1', '+12015550123'],
    ['+1 with spaces, brackets, dots and dashes', '+1 (201) 555.01-23'],
    ['a leading 1 with spaces', '1 201 555 0123'],
    ['brackets and a dash, without the 1', '(201) 555-0123'],
  ])('takes %s', (_what, text) => {
    expect(nanpNationalNumber(text)).toBe('2015550123')
  })

  it.each([
    ['a + without the country code 1', '+2015550123'],
    ['a + after the first digit', '1+2015550123'],
    ['a second +', '++12015550123'],
    ['a letter', '201555012a3'],
    ['digits of another script', '２０１５５５０１２３'],
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
    // Fullwidth digits, as a Japanese spreadsheet may hold them: the library reads them.
    expect(toE164('２０１５５５０１２３')).toBe('+12015550123')
  })

  it('answers a North American number without calling the library, and any other through it', () => {
    const library = vi.mocked(parsePhoneNumberFromString)
    library.mockClear()
    expect([toE164('+1 (201) 555-0123'), toE164('2015550199')]).toEqual(['+12015550123', '+12015550199'])
    expect(library).not.toHaveBeenCalled()
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958')
    expect(library).toHaveBeenCalledOnce()
  })
})
