import { describe, expect, it } from 'vitest'
import { finalAnswers } from './final-answers.js'

describe('finalAnswers', () => {
  it('writes an answer once per owner and key, as UTF-8 bytes', () => {
    const answers = finalAnswers<object>(2)
    const owner = {}
    let writes = 0
    const write = () => `café ${++writes}`
    const first = answers(owner, 'a', write)
    expect(new TextDecoder().decode(first)).toBe('café 1')
    expect(answers(owner, 'a', write)).toBe(first)
    expect(writes).toBe(1)
  })

  it('keeps owners and keys apart', () => {
    const answers = finalAnswers<object>(4)
    const [one, two] = [{}, {}]
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
    expect(text(answers(one, 'a', () => 'one a'))).toBe('one a')
    expect(text(answers(two, 'a', () => 'two a'))).toBe('two a')
    expect(text(answers(one, 'b', () => 'one b'))).toBe('one b')
    expect(text(answers(one, 'a', () => 'again'))).toBe('one a')
  })

  it('writes again once an owner has more keys than it keeps', () => {
    const answers = finalAnswers<object>(1)
    const owner = {}
    answers(owner, 'a', () => 'first')
    answers(owner, 'b', () => 'other')
    expect(new TextDecoder().decode(answers(owner, 'a', () => 'second'))).toBe('second')
  })
})
