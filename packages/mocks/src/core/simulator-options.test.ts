import { describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { ownUrl, resolveOptions } from './simulator-options.js'

describe('resolveOptions', () => {
  it('fills in the system clock and seed 1, keeping everything else', () => {
    const resolved = resolveOptions({ adminToken: 't' })
    expect(resolved.clock.mode).toBe('system')
    expect(resolved.randomSeed).toBe(1)
    expect(resolved.adminToken).toBe('t')
  })

  it('keeps a clock and a seed that are given', () => {
    const clock = manualClock(0)
    expect(resolveOptions({ clock, randomSeed: 7 })).toMatchObject({ clock, randomSeed: 7 })
  })
})

describe('ownUrl', () => {
  const vendor = { name: 'toy', defaultPort: 4999 }

  it('prefers the public URL, without its trailing slash', () => {
    expect(ownUrl({ publicUrl: 'https://toy.example/' }, vendor)).toBe('https://toy.example')
  })

  it('asks the set where it is served, else takes the default port', () => {
    expect(ownUrl({ peers: { urlOf: () => 'http://127.0.0.1:5123' } }, vendor)).toBe('http://127.0.0.1:5123')
    expect(ownUrl({}, vendor)).toBe('http://127.0.0.1:4999')
    const unknown = () => {
      throw new RangeError('There is no vendor toy')
    }
    expect(ownUrl({ peers: { urlOf: unknown } }, vendor)).toBe('http://127.0.0.1:4999')
  })
})
