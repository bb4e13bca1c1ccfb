import { describe, expect, it } from 'vitest'
import { globToRegExp } from './glob.js'

describe('globToRegExp', () => {
  it('takes every other character literally', () => {
    expect(globToRegExp('/a.b').test('/a.b')).toBe(true)
    expect(globToRegExp('/a.b').test('/aXb')).toBe(false)
    for (const path of ['/a+b', '/(x)', '/a?b', '/$1', '/[x]', '/{x}', '/a|b', '/a^b', '/a\\b']) {
      expect(globToRegExp(path).test(path), path).toBe(true)
    }
    expect(globToRegExp('/a+b').test('/aab')).toBe(false)
    expect(globToRegExp('/a|b').test('/a')).toBe(false)
  })
})
