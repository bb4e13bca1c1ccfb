import { describe, expect, it } from 'vitest'
import { FaultBook } from './faults.js'
import { seededRandom } from './random.js'

describe('FaultBook', () => {
  it('matches method and glob path; * stays within a segment, ** crosses them', () => {
    const faults = new FaultBook(seededRandom(1))
    faults.add({ method: 'get', path: '/events/*', status: 503 })
    faults.add({ path: '/contacts/**', status: 500 })
    expect(faults.take('GET', '/events/1126')?.status).toBe(503)
    expect(faults.take('POST', '/events/1126')).toBeUndefined()
    expect(faults.take('GET', '/events/1126/more')).toBeUndefined()
    expect(faults.take('DELETE', '/contacts/1/a/b')?.status).toBe(500)
  })

  it('stops after `times` hits and counts them', () => {
    const faults = new FaultBook(seededRandom(1))
    faults.add({ path: '/x', status: 500, times: 2 })
    expect([faults.take('GET', '/x'), faults.take('GET', '/x'), faults.take('GET', '/x')].map(Boolean)).toEqual([
      true,
      true,
      false,
    ])
    expect(faults.list()[0]?.hits).toBe(2)
  })

  it('repeats the same probabilistic choices for the same seed', () => {
    const run = () => {
      const faults = new FaultBook(seededRandom(7))
      faults.add({ path: '/x', status: 500, probability: 0.3 })
      return Array.from({ length: 20 }, () => Boolean(faults.take('GET', '/x')))
    }
    expect(run()).toEqual(run())
  })

  it.each([
    [{ path: 'x', status: 500 }, '"path" must be a string starting with "/"'],
    [{ path: '/x', status: 99 }, '"status" 99 must be a whole number from 200 to 599'],
    [{ path: '/x' }, 'give a "status" to answer with, a "delayMs" to wait, or both'],
    [{ path: '/x', delayMs: 10 ** 9 }, '"delayMs" must be a number from 0 to 60000'],
    [{ path: '/x', status: 500, probability: 2 }, '"probability" must be a number from 0 to 1'],
    [{ path: '/x', status: 500, times: 0 }, '"times" must be a whole number >= 1'],
  ])('refuses %j', (rule, message) => {
    expect(() => new FaultBook(seededRandom(1)).add(rule)).toThrow(message)
  })
})

describe('refusals of bad configuration', () => {
  it('a fault rule that is not an object', () => {
    const faults = new FaultBook(seededRandom(1))
    for (const input of [null, 'x', 3, [{ path: '/x' }]]) {
      expect(() => faults.add(input as never)).toThrow(
        new RangeError('Failed to add the fault rule: send an object such as {"path": "/events/*", "status": 503}.'),
      )
    }
  })
})
