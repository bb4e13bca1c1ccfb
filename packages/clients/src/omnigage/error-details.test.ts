import { describe, expect, it } from 'vitest'
import { readOmnigageError } from './errors.js'
import { resolveFileSource, UnsupportedFileError } from './file-source.js'

// Omnigage error bodies with blank or padded text and odd codes, and file sources at the edges:
// an empty stream, a type the stream names, an error's name.

const answer = (status: number) => new Response(null, { status })

describe('readOmnigageError, untidy bodies', () => {
  it('reads a blank text body as no details and trims a padded one', () => {
    expect(readOmnigageError(' \n', answer(502))).toEqual({})
    expect(readOmnigageError('  Bad gateway \n', answer(502))).toEqual({ message: 'Bad gateway' })
  })

  it('skips blank details, trims the others, and keeps a lone one as it is', () => {
    expect(readOmnigageError({ errors: [{ detail: '  ' }, { detail: ' Name is required ' }] }, answer(422))).toEqual({
      message: 'Name is required',
    })
  })

  it('ends each of several details with its own full stop, keeping one it already has', () => {
    expect(
      readOmnigageError({ errors: [{ detail: 'Name is required' }, { detail: 'Phone is invalid!' }] }, answer(422)),
    ).toEqual({ message: 'Name is required. Phone is invalid!' })
  })

  it('adds a full stop to a detail whose stop is inside it, not at its end', () => {
    expect(readOmnigageError({ errors: [{ detail: 'Row 2.5 is bad' }, { detail: 'Use v1.2' }] }, answer(422))).toEqual({
      message: 'Row 2.5 is bad. Use v1.2.',
    })
  })

  it('takes the first code that is a number or a non-empty string', () => {
    const body = { errors: [{ code: '' }, { code: { nested: true } }, { code: 422 }, { code: 'later' }] }
    expect(readOmnigageError(body, answer(422))).toEqual({ code: '422' })
    expect(readOmnigageError({ errors: [{ code: 'not_found' }] }, answer(404))).toEqual({ code: 'not_found' })
  })
})

describe('resolveFileSource at the edges', () => {
  it('takes an empty stream of size 0', async () => {
    const resolved = await resolveFileSource({ stream: new Blob([]).stream(), name: 'empty.csv', size: 0 })
    expect(resolved).toMatchObject({ name: 'empty.csv', type: 'text/csv', size: 0 })
  })

  it('takes the type a stream names when it is one Omnigage imports, whatever its name says', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    const resolved = await resolveFileSource({ stream: new Blob(['x']).stream(), name: 'export', type: xlsx, size: 1 })
    expect(resolved.type).toBe(xlsx)
  })

  it('names its refusals UnsupportedFileError', async () => {
    const error = await resolveFileSource({ stream: new Blob(['x']).stream(), name: 'a.txt', size: 1 }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect((error as Error).name).toBe('UnsupportedFileError')
  })
})
