import { describe, expect, it } from 'vitest'
import { cloudspongeDocument } from './cloudsponge.js'
import { createValidator } from './validator.js'

const validator = createValidator(cloudspongeDocument)

describe('matchOperation', () => {
  it('tells the suffixed path from the plain one', () => {
    expect(validator.matchOperation('GET', '/contacts/1126')).toEqual({
      operationId: 'getContacts',
      pathTemplate: '/contacts/{import_id}',
      pathParams: { import_id: '1126' },
    })
    expect(validator.matchOperation('GET', '/contacts/1126.xml')).toMatchObject({
      operationId: 'getContactsFormatted',
      pathParams: { import_id: '1126', format: 'xml' },
    })
  })

  it('finds nothing for a method or path the spec lacks', () => {
    expect(validator.matchOperation('DELETE', '/contacts/1126')).toBeUndefined()
    expect(validator.matchOperation('GET', '/nowhere')).toBeUndefined()
  })
})

describe('validateRequest', () => {
  it('coerces query strings before checking them', () => {
    const check = validator.validateRequest('getContacts', {
      path: { import_id: '7' },
      query: { start: '0', count: '10' },
    })
    expect(check.problems).toEqual([])
    expect(check.query).toEqual({ start: 0, count: 10 })
    expect(check.path).toEqual({ import_id: 7 })
  })

  it('names each bad parameter in a sentence', () => {
    const { problems } = validator.validateRequest('getContactsFormatted', {
      path: { import_id: 'abc', format: 'csv' },
      query: { start: '-1' },
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        { location: 'path.import_id', message: 'import_id must be integer' },
        { location: 'path.format', message: 'format must be one of: json, xml' },
        { location: 'query.start', message: 'start must be >= 0' },
      ]),
    )
  })

  it('reports required form fields by name', () => {
    const { problems } = validator.validateRequest('beginImport', { body: { service: 'icloud' } })
    expect(problems.map((problem) => problem.message)).toEqual(['username is required', 'password is required'])
  })

  it('requires the body the operation requires', () => {
    expect(validator.validateRequest('beginUserConsent', {}).problems).toEqual([
      { location: 'body', message: 'the request body is required' },
    ])
  })
})

describe('validateResponse', () => {
  it('accepts the documented contacts example', () => {
    const example = (cloudspongeDocument.components?.examples?.DocumentedContacts as { value: unknown } | undefined)
      ?.value
    expect(validator.validateResponse('getContacts', 200, 'application/json', example)).toEqual([])
  })

  it('rejects a field of the wrong type', () => {
    const problems = validator.validateResponse('getEvents', 200, 'application/json', { events: [{}], import_id: '1' })
    expect(problems.map((problem) => problem.location)).toEqual(
      expect.arrayContaining(['body.events.0.event_type', 'body.import_id']),
    )
  })

  it('rejects statuses and media types the operation does not declare', () => {
    expect(validator.validateResponse('getEvents', 410, 'application/json', {})[0]?.message).toBe(
      'getEvents does not declare the status 410',
    )
    expect(validator.validateResponse('getEvents', 200, 'application/xml', {})[0]?.message).toBe(
      'getEvents 200 does not declare application/xml',
    )
  })

  it('matches 5XX ranges', () => {
    expect(validator.validateResponse('getEvents', 503, 'application/json', { error: { message: 'down' } })).toEqual([])
  })
})
