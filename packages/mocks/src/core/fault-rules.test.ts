import { describe, expect, it } from 'vitest'
import { FaultBook, type FaultRuleInput } from './faults.js'
import { seededRandom } from './random.js'

// The fault rules a user adds through `/__admin/faults`: where each boundary lies, the sentence of
// each refusal, and how rules are numbered, removed and drawn.

const book = () => new FaultBook(seededRandom(1))
const refusal = (rule: unknown) => {
  try {
    book().add(rule as FaultRuleInput)
  } catch (error) {
    return (error as Error).message
  }
  return 'accepted'
}

describe('fault rule boundaries', () => {
  it.each([
    ['status 200 and 599', [{ status: 200 }, { status: 599 }]],
    ['delayMs 0 and 60000', [{ delayMs: 0 }, { delayMs: 60_000 }]],
    [
      'probability 0 and 1',
      [
        { status: 500, probability: 0 },
        { status: 500, probability: 1 },
      ],
    ],
    ['times 1', [{ status: 500, times: 1 }]],
    ['a method in any case', [{ status: 500, method: 'patch' }]],
    ['empty headers', [{ status: 500, headers: {} }]],
  ])('takes %s', (_, rules) => {
    for (const rule of rules) {
      expect(refusal({ path: '/x', ...rule })).toBe('accepted')
    }
  })

  it.each([
    [{ status: 199 }, '"status" 199 must be a whole number from 200 to 599.'],
    [{ status: 600 }, '"status" 600 must be a whole number from 200 to 599.'],
    [{ status: 500.5 }, '"status" 500.5 must be a whole number from 200 to 599.'],
    [{ delayMs: -1 }, '"delayMs" must be a number from 0 to 60000.'],
    [{ delayMs: 60_001 }, '"delayMs" must be a number from 0 to 60000.'],
    [{ delayMs: Number.POSITIVE_INFINITY }, '"delayMs" must be a number from 0 to 60000.'],
    [{ delayMs: Number.NaN }, '"delayMs" must be a number from 0 to 60000.'],
    [{ status: 500, times: 1.5 }, '"times" must be a whole number >= 1; delete the rule to stop it.'],
    [{ status: 500, probability: -0.01 }, '"probability" must be a number from 0 to 1.'],
    [{ status: 500, probability: 1.01 }, '"probability" must be a number from 0 to 1.'],
    [{ status: 500, probability: '0.5' }, '"probability" must be a number from 0 to 1.'],
    [{ status: 500, method: 'GE T' }, '"method" must be an HTTP method such as "GET" or "POST".'],
    [{ status: 500, method: 7 }, '"method" must be an HTTP method such as "GET" or "POST".'],
    // A list would pass the letters-only test as the text "GET".
    [{ status: 500, method: ['GET'] }, '"method" must be an HTTP method such as "GET" or "POST".'],
    [{ status: 500, headers: null }, '"headers" must be an object of header names to string values.'],
    [{ status: 500, headers: ['a'] }, '"headers" must be an object of header names to string values.'],
    [{ status: 500, headers: 'a: b' }, '"headers" must be an object of header names to string values.'],
    [{ status: 500, headers: { a: 'b', c: 1 } }, '"headers" must be an object of header names to string values.'],
  ])('refuses %j with a sentence naming the field', (rule, why) => {
    expect(refusal({ path: '/x', ...rule })).toBe(`Failed to add the fault rule: ${why}`)
  })

  it('names every unknown field and lists the fields a rule takes', () => {
    expect(refusal({ path: '/x', status: 500, code: 1, after: 2 })).toBe(
      'Failed to add the fault rule: unknown field "code", "after"; a rule takes method, path, status, body, headers, delayMs, times, probability.',
    )
  })

  it('adds none of a list with one bad rule', () => {
    const faults = book()
    expect(() => faults.addAll([{ path: '/a', status: 500 }, { path: '/b' }])).toThrow(/give a "status"/)
    expect(faults.size).toBe(0)
  })
})

describe('fault rules in use', () => {
  it('numbers rules fault-1, fault-2… and hands back copies that do not change the book', () => {
    const faults = book()
    const first = faults.add({ path: '/a', status: 500 })
    const [second, third] = faults.addAll([
      { path: '/b', status: 501 },
      { path: '/c', status: 502 },
    ])
    expect([first.id, second?.id, third?.id]).toEqual(['fault-1', 'fault-2', 'fault-3'])
    first.status = 418
    expect(faults.list()[0]?.status).toBe(500)
  })

  it('removes only the rule named, and says whether there was one', () => {
    const faults = book()
    faults.addAll([
      { path: '/a', status: 500 },
      { path: '/b', status: 500 },
      { path: '/c', status: 500 },
    ])
    expect(faults.remove('fault-9')).toBe(false)
    expect(faults.list().map((rule) => rule.id)).toEqual(['fault-1', 'fault-2', 'fault-3'])
    expect(faults.remove('fault-2')).toBe(true)
    expect(faults.list().map((rule) => rule.id)).toEqual(['fault-1', 'fault-3'])
    faults.clear()
    expect(faults.size).toBe(0)
  })

  it('never fires a rule of probability 0, always one of probability 1, and about as often as asked between', () => {
    const faults = book()
    faults.addAll([
      { path: '/never', status: 500, probability: 0 },
      { path: '/always', status: 500, probability: 1 },
      { path: '/third', status: 500, probability: 0.3 },
    ])
    const count = (path: string) => Array.from({ length: 1000 }, () => faults.take('GET', path)).filter(Boolean).length
    expect(count('/never')).toBe(0)
    expect(count('/always')).toBe(1000)
    const third = count('/third')
    expect(third).toBeGreaterThan(250)
    expect(third).toBeLessThan(350)
  })

  it('draws from the random source only for rules with a probability, so other rules do not shift the draws', () => {
    const alone = book()
    alone.add({ path: '/x', status: 503, probability: 0.5 })
    const expected = Array.from({ length: 40 }, () => Boolean(alone.take('GET', '/x')))
    const mixed = book()
    mixed.addAll([
      { path: '/x', status: 500, times: 1 },
      { path: '/x', status: 503, probability: 0.5 },
    ])
    // The first request is the plain rule's; it must not use up a draw the next rule would have had.
    expect(mixed.take('GET', '/x')?.status).toBe(500)
    expect(Array.from({ length: 40 }, () => Boolean(mixed.take('GET', '/x')))).toEqual(expected)
  })
})
