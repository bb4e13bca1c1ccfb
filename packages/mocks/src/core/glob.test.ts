import { describe, expect, it } from 'vitest'
import { globProblem, globToRegExp } from './glob.js'

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

describe('globs', () => {
  it('match one segment with * and any depth with **', () => {
    expect(globToRegExp('/events/*').test('/events/1126')).toBe(true)
    expect(globToRegExp('/events/*').test('/events/1126/x')).toBe(false)
    expect(globToRegExp('/events/*').test('/events')).toBe(false)
    expect(globToRegExp('/contacts/**').test('/contacts/1/2.json')).toBe(true)
    expect(globToRegExp('/a.json').test('/aXjson')).toBe(false)
    expect(globToRegExp('/items*').test('/other')).toBe(false)
    expect(globToRegExp('/items*').test('/items-2')).toBe(true)
  })

  it('explain what is wrong with a bad one', () => {
    expect(globProblem('/ok/*')).toBeUndefined()
    expect(globProblem(5)).toMatch(/must be a string starting with "\/"/)
    expect(globProblem(`/${'a'.repeat(1100)}`)).toMatch(/at most 1,024/)
  })
})

describe('refusals of bad configuration', () => {
  it('a glob that is not a string names what it got, or "nothing"', () => {
    expect(globProblem(undefined)).toBe(
      'must be a string starting with "/", such as "/events/*" or "/contacts/**", not nothing',
    )
    expect(globProblem(7)).toMatch(/, not 7$/)
    expect(globProblem('/x/*')).toBeUndefined()
  })

  it('a glob longer than 1,024 characters', () => {
    expect(globProblem(`/${'a'.repeat(1023)}`)).toBeUndefined()
    expect(globProblem(`/${'a'.repeat(1024)}`)).toBe('must be at most 1,024 characters long')
  })
})
