import { describe, expect, it } from 'vitest'
import { apiError, BadRequestError } from '../core/errors.js'
import { readOmnigageError } from './errors.js'

const answer = (status: number) => new Response(null, { status })

describe('readOmnigageError', () => {
  it('reads the detail as the message and the numeric code as a string', () => {
    const body = { errors: [{ detail: 'Voice activity "kSx" is missing a trigger.', code: 100 }] }
    expect(readOmnigageError(body, answer(400))).toEqual({
      code: '100',
      message: 'Voice activity "kSx" is missing a trigger.',
    })
  })

  it('joins several details into one paragraph, each ending with a full stop, and keeps the first code', () => {
    const body = {
      errors: [
        { detail: 'name is required', code: 100 },
        { detail: 'size must be a number.', code: 101 },
      ],
    }
    expect(readOmnigageError(body, answer(400))).toEqual({
      code: '100',
      message: 'name is required. size must be a number.',
    })
  })

  it('takes a text body as the message and ignores entries of the wrong shape', () => {
    expect(readOmnigageError('invalid_client', answer(401))).toEqual({ message: 'invalid_client' })
    expect(readOmnigageError({ errors: [null, { detail: 3, code: null }] }, answer(500))).toEqual({})
    expect(readOmnigageError({ error: 'nope' }, answer(500))).toEqual({})
    expect(readOmnigageError(undefined, answer(500))).toEqual({})
  })

  it('gives the typed error of the status its message and code', () => {
    const error = apiError(answer(400), { errors: [{ detail: 'Bad mapping.', code: 100 }] }, readOmnigageError)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error).toMatchObject({ status: 400, code: '100', message: 'Bad mapping.' })
  })
})
