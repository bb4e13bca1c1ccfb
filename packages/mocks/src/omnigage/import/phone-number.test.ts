import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { describe, expect, it } from 'vitest'
import { toE164 } from './phone-number.js'

// What libphonenumber-js itself answers, which the fast path must reproduce.
function reference(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text, 'US')
  return parsed?.isValid() ? parsed.number : null
}

// A small deterministic generator, so a failure names a number that fails again.
function numbers(seed: number, count: number): string[] {
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state
  }
  return Array.from({ length: count }, () => String(next() % 10_000_000_000).padStart(10, '0'))
}

describe('toE164', () => {
  it('stores the documented example, which has no +, as E.164', () => {
    expect(toE164('14076341732')).toBe('+14076341732')
  })

  it('reads the ways people write North American numbers', () => {
    for (const text of ['2015550123', '(201) 555-0123', '201.555.0123', '1 201 555 0123', '+1 (201) 555-0123']) {
      expect(toE164(text), text).toBe('+12015550123')
    }
  })

  it('reads numbers of other countries written with +', () => {
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958')
    expect(toE164('+33 1 23 45 67 89')).toBe('+33123456789')
  })

  it('rejects what is not a phone number', () => {
    for (const text of ['555-01', '1234', '0001112222', '12345678901234', 'call me', '+1 201 555 01234']) {
      expect(toE164(text), text).toBeNull()
    }
  })

  it('agrees with libphonenumber-js on every NANP area code, in every form the fast path takes', () => {
    const random = numbers(7, 3000)
    // Every area code from 000 to 999 three times, with exchanges from 200 (the usual) and random lines;
    // then as many numbers drawn at random.
    const samples = random.map((drawn, index) => {
      const area = String(index % 1000).padStart(3, '0')
      return `${area}${200 + (Number(drawn.slice(0, 3)) % 800)}${drawn.slice(6)}`
    })
    samples.push(...random)
    let valid = 0
    for (const national of samples) {
      for (const text of [
        national,
        `1${national}`,
        `+1${national}`,
        `(${national.slice(0, 3)}) ${national.slice(3)}`,
      ]) {
        const expected = reference(text)
        expect(toE164(text), text).toBe(expected)
        if (expected !== null) {
          valid++
        }
      }
    }
    // The comparison means something only if both answers occur often.
    expect(valid).toBeGreaterThan(3000)
    expect(valid).toBeLessThan(samples.length * 4 - 3000)
    // 24,000 comparisons: a few seconds alone, several times that on a loaded machine.
  }, 60_000)
})
