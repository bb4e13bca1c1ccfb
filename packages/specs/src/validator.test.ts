import { describe, expect, it } from 'vitest'
import { cloudspongeDocument } from './cloudsponge.js'
import { omnigageDocument } from './omnigage.js'
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

describe('headers and media types', () => {
  const toy = createValidator({
    openapi: '3.1.0',
    info: { title: 'toy', version: '1' },
    paths: {
      '/items/{id}': {
        patch: {
          operationId: 'updateItem',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'If-Match', in: 'header', required: true, schema: { type: 'string', minLength: 3 } },
            { name: 'X-Count', in: 'header', schema: { type: 'integer' } },
            { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
              },
              'multipart/*': { schema: { type: 'object', required: ['file'] } },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
        get: { operationId: 'getItem', responses: { '200': { description: 'ok' } } },
      },
    },
  })

  it('checks declared headers in any case, coerced, and ignores Authorization as OpenAPI says', () => {
    const check = toy.validateRequest('updateItem', {
      path: { id: 'a' },
      headers: { 'IF-MATCH': '"abc"', 'x-count': '7' },
      mediaType: 'application/json',
      body: { name: 'n' },
    })
    expect(check.problems).toEqual([])
    expect(check.headers).toEqual({ 'if-match': '"abc"', 'x-count': 7 })
  })

  it('names a missing or malformed header', () => {
    const { problems } = toy.validateRequest('updateItem', {
      path: { id: 'a' },
      headers: { 'X-Count': 'many' },
      mediaType: 'application/json',
      body: { name: 'n' },
    })
    expect(problems.map((problem) => problem.location).sort()).toEqual(['header.if-match', 'header.x-count'])
    expect(problems.every((problem) => problem.kind === undefined)).toBe(true)
  })

  it('checks the body with the schema of its own media type, ranges and +json included', () => {
    const input = { path: { id: 'a' }, headers: { 'if-match': 'abc' } }
    expect(
      toy.validateRequest('updateItem', { ...input, mediaType: 'multipart/form-data', body: {} }).problems,
    ).toEqual([{ location: 'body.file', message: 'file is required' }])
    expect(
      toy.validateRequest('updateItem', { ...input, mediaType: 'application/merge-patch+json', body: {} }).problems,
    ).toEqual([{ location: 'body.name', message: 'name is required' }])
  })

  it('marks a media type the operation does not take, or a body where it takes none, as unsupported', () => {
    const wrongType = toy.validateRequest('updateItem', {
      path: { id: 'a' },
      headers: { 'if-match': 'abc' },
      mediaType: 'text/plain; charset=utf-8',
      body: 'name=n',
    })
    expect(wrongType.problems).toEqual([
      expect.objectContaining({ location: 'content-type', kind: 'unsupported-media-type' }),
    ])
    expect(wrongType.problems[0]?.message).toContain('application/json or multipart/*, not text/plain')
    const bodyOnGet = toy.validateRequest('getItem', { mediaType: 'application/json', body: { a: 1 } })
    expect(bodyOnGet.problems[0]?.kind).toBe('unsupported-media-type')
    expect(toy.validateRequest('getItem', { mediaType: 'application/json', body: {} }).problems).toEqual([])
  })
})

describe('malformed percent-encoding', () => {
  it('keeps a segment that cannot be decoded as sent, so validation refuses it instead of throwing', () => {
    const match = validator.matchOperation('GET', '/contacts/%ZZ.json')
    expect(match?.pathParams.import_id).toBe('%ZZ')
    const { problems } = validator.validateRequest('getContactsFormatted', { path: match?.pathParams })
    expect(problems.map((problem) => problem.location)).toEqual(['path.import_id'])
  })
})

describe('deeply nested bodies', () => {
  it('refuses a body nested past the limit instead of overflowing the stack', () => {
    let body: unknown = 'leaf'
    for (let level = 0; level < 20_000; level++) {
      body = [body]
    }
    const { problems } = validator.validateRequest('beginImport', { body, mediaType: 'application/json' })
    expect(problems).toEqual([{ location: 'body', message: 'the body is nested more than 64 levels deep' }])
  })
})

describe('parameters whose schema is a reference', () => {
  it('resolves the reference against the document, coercing and checking as for an inline schema', () => {
    const omnigage = createValidator(omnigageDocument)
    const path = { id: 'rgpAPfNsdJf2Rkcwv2gVEM' }
    const good = omnigage.validateRequest('listImportContactResults', {
      path,
      query: { 'filter[status]': 'erred', 'page[limit]': '5' },
    })
    expect(good.problems).toEqual([])
    expect(good.query).toEqual({ 'filter[status]': 'erred', 'page[limit]': 5 })
    const bad = omnigage.validateRequest('listImportContactResults', { path, query: { 'filter[status]': 'lost' } })
    expect(bad.problems.map((problem) => problem.location)).toEqual(['query.filter[status]'])
  })

  it('names null among the allowed values of an enum that has it', () => {
    const omnigage = createValidator(omnigageDocument)
    const { problems } = omnigage.validateRequest('createImportContact', {
      body: {
        data: {
          type: 'import-contacts',
          attributes: { mapping: ['fax-number'] },
          relationships: { upload: { data: { type: 'uploads', id: 'x' } } },
        },
      },
      mediaType: 'application/json',
    })
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^0 must be one of: first-name, .*, email3-email-address, null$/),
    ])
  })
})

describe('parameters of the path item', () => {
  const shared = createValidator({
    openapi: '3.1.0',
    info: { title: 'toy', version: '1' },
    paths: {
      '/accounts/{account}/items': {
        parameters: [
          { name: 'account', in: 'path', schema: { type: 'integer' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10 } },
          { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } },
        ],
        get: {
          operationId: 'listItems',
          // The operation's own `limit` replaces the path item's.
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } }],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  })

  it("checks them with the operation's, the operation's own winning where both name one", () => {
    const path = shared.matchOperation('GET', '/accounts/7/items')?.pathParams
    const good = shared.validateRequest('listItems', { path, query: { limit: '50' }, headers: { 'x-tenant': 'a' } })
    expect(good.problems).toEqual([])
    expect(good.path).toEqual({ account: 7 })
    const bad = shared.validateRequest('listItems', { path: { account: 'x' }, query: { limit: '500' } })
    expect(bad.problems.map((problem) => problem.location).sort()).toEqual([
      'header.x-tenant',
      'path.account',
      'query.limit',
    ])
    expect(bad.problems.find((problem) => problem.location === 'query.limit')?.message).toBe('limit must be <= 100')
  })
})
