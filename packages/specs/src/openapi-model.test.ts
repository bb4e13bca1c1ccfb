import { describe, expect, it } from 'vitest'
import { cloudspongeDocument } from './cloudsponge.js'
import type { OpenApiDocument } from './openapi-document.js'
import { escapePointerToken, openApiModel, resolveRef, responseFor, unescapePointerToken } from './openapi-model.js'

/** A small document with what the vendor specs do not use: path-item parameters and references. */
const toy: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Toy', version: '1' },
  security: [{ basicAuth: [] }],
  paths: {
    '/items/{id}': {
      parameters: [
        { name: 'id', in: 'path', schema: { type: 'string' } },
        { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } },
        { $ref: '#/components/parameters/Verbose' },
      ],
      get: {
        operationId: 'getItem',
        tags: ['Items'],
        parameters: [
          { name: 'id', in: 'path', schema: { type: 'integer' } },
          { name: 'verbose', in: 'header', schema: { type: 'string' } },
        ],
        responses: {
          '200': { $ref: '#/components/responses/Item' },
          '4XX': { description: 'Refused' },
          default: { description: 'Anything else', content: { 'text/plain': {} } },
        },
      },
      delete: { operationId: 'deleteItem', security: [], responses: { '204': { description: 'Gone' } } },
    },
    '/items/{id}.{format}': { $ref: '#/components/pathItems/Formatted' },
    '/search': {
      post: {
        operationId: 'search',
        parameters: [{ name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } }],
        requestBody: { $ref: '#/components/requestBodies/Search' },
        responses: { '200': { description: 'Found' } },
      },
    },
  },
  components: {
    parameters: { Verbose: { name: 'verbose', in: 'query', schema: { type: 'boolean' } } },
    responses: { Item: { description: 'An item', content: { 'application/json': { schema: { type: 'object' } } } } },
    requestBodies: {
      Search: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Query' } }, 'multipart/*': {} },
      },
    },
    pathItems: {
      Formatted: { get: { operationId: 'getItemFormatted', responses: { '200': { description: 'An item' } } } },
    },
    schemas: { Query: { type: 'object' } },
    securitySchemes: { basicAuth: { type: 'http', scheme: 'Basic' } },
  },
}

describe('openApiModel', () => {
  const model = openApiModel(toy)

  it('lists every operation in document order, with its method, path, id and tags', () => {
    expect(
      model.operations.map((operation) => [operation.method, operation.pathTemplate, operation.operationId]),
    ).toEqual([
      ['GET', '/items/{id}', 'getItem'],
      ['DELETE', '/items/{id}', 'deleteItem'],
      ['GET', '/items/{id}.{format}', 'getItemFormatted'],
      ['POST', '/search', 'search'],
    ])
    expect(model.operation('getItem')?.tags).toEqual(['Items'])
    expect(model.operation('nope')).toBeUndefined()
    const cloudsponge = openApiModel(cloudspongeDocument)
    expect(cloudsponge.operations).toHaveLength(10)
    expect(cloudsponge.operation('getEvents')).toMatchObject({ method: 'GET', pathTemplate: '/events/{import_id}' })
  })

  it("merges the path item's parameters into each operation, the operation's own winning by name and location", () => {
    const get = model.operation('getItem')
    expect(get?.parameters.map((parameter) => [parameter.in, parameter.name, parameter.schema])).toEqual([
      ['header', 'X-Tenant', { type: 'string' }],
      ['query', 'verbose', { type: 'boolean' }],
      ['path', 'id', { type: 'integer' }],
      ['header', 'verbose', { type: 'string' }],
    ])
    // The path item's own, unchanged, where the operation declares none.
    expect(model.operation('deleteItem')?.parameters.map((parameter) => parameter.name)).toEqual([
      'id',
      'X-Tenant',
      'verbose',
    ])
  })

  it('points at where each schema lives, through references', () => {
    const get = model.operation('getItem')
    expect(get?.pointer).toBe('/paths/~1items~1{id}/get')
    expect(get?.parameters.find((parameter) => parameter.in === 'query')?.schemaPointer).toBe(
      '/components/parameters/Verbose/schema',
    )
    expect(get?.parameters.find((parameter) => parameter.name === 'id')?.schemaPointer).toBe(
      '/paths/~1items~1{id}/get/parameters/0/schema',
    )
    // A referenced path item lives where the reference leads.
    expect(model.operation('getItemFormatted')?.pointer).toBe('/components/pathItems/Formatted/get')
  })

  it('requires path parameters, and reads a schema from a parameter given as content', () => {
    expect(
      model
        .operation('getItem')
        ?.parameters.filter((parameter) => parameter.required)
        .map((p) => p.name),
    ).toEqual(['X-Tenant', 'id'])
    expect(model.operation('search')?.parameters[0]).toEqual({
      name: 'filter',
      in: 'query',
      required: false,
      schema: { type: 'object' },
      schemaPointer: '/paths/~1search/post/parameters/0/content/application~1json/schema',
    })
  })

  it('reads request bodies by media type', () => {
    expect(model.operation('search')?.requestBody).toEqual({
      required: true,
      pointer: '/components/requestBodies/Search',
      media: [
        {
          type: 'application/json',
          schema: { $ref: '#/components/schemas/Query' },
          schemaPointer: '/components/requestBodies/Search/content/application~1json/schema',
        },
        {
          type: 'multipart/*',
          schema: {},
          schemaPointer: '/components/requestBodies/Search/content/multipart~1*/schema',
        },
      ],
    })
    expect(model.operation('getItem')?.requestBody).toBeUndefined()
  })

  it('reads responses, and picks one by status: exact, then range, then default', () => {
    const get = model.operation('getItem')
    if (!get) {
      throw new Error('getItem is missing')
    }
    expect(responseFor(get, 200)).toMatchObject({ key: '200', pointer: '/components/responses/Item' })
    expect(responseFor(get, 200)?.media?.map((media) => media.type)).toEqual(['application/json'])
    expect(responseFor(get, 404)).toMatchObject({ key: '4XX', media: undefined })
    expect(responseFor(get, 503)?.key).toBe('default')
    const deleteItem = model.operation('deleteItem')
    expect(deleteItem && responseFor(deleteItem, 500)).toBeUndefined()
  })

  it("takes the operation's security, else the document's", () => {
    expect(model.operation('getItem')?.security).toEqual([
      [{ name: 'basicAuth', type: 'http', scheme: 'basic', in: undefined, parameterName: undefined }],
    ])
    expect(model.operation('deleteItem')?.security).toEqual([])
  })

  it('matches a request to the most specific template, its parameters decoded', () => {
    expect(model.matchOperation('get', '/items/a%20b.xml')).toEqual({
      operationId: 'getItemFormatted',
      pathTemplate: '/items/{id}.{format}',
      pathParams: { id: 'a b', format: 'xml' },
    })
    expect(model.matchOperation('GET', '/items/%ZZ')?.pathParams).toEqual({ id: '%ZZ' })
    expect(model.matchOperation('PUT', '/items/1')).toBeUndefined()
    expect(model.matchOperation('GET', '/items/1/more')).toBeUndefined()
  })

  it('reads a document once', () => {
    expect(openApiModel(toy)).toBe(model)
    expect(openApiModel(structuredClone(toy))).not.toBe(model)
  })
})

describe('resolveRef', () => {
  it('follows a chain of references and says where it ended', () => {
    const document: OpenApiDocument = {
      ...toy,
      components: { parameters: { A: { $ref: '#/components/parameters/B' }, B: { name: 'b', in: 'query' } } },
    }
    expect(resolveRef(document, { $ref: '#/components/parameters/A' }, '/here')).toEqual({
      value: { name: 'b', in: 'query' },
      pointer: '/components/parameters/B',
    })
    expect(resolveRef(document, { name: 'inline' }, '/here')).toEqual({ value: { name: 'inline' }, pointer: '/here' })
    expect(resolveRef(document, { $ref: '#/components/parameters/Missing' }).value).toEqual({})
  })

  it('refuses a loop and a reference to another file, saying what to fix', () => {
    const document: OpenApiDocument = { ...toy, components: { schemas: { A: { $ref: '#/components/schemas/A' } } } }
    expect(() => resolveRef(document, { $ref: '#/components/schemas/A' })).toThrow(
      'The reference #/components/schemas/A loops; fix the $ref chain in the document.',
    )
    expect(() => resolveRef(document, { $ref: 'other.yaml#/A' })).toThrow(/bundle the document first/)
  })

  it('escapes and unescapes pointer tokens', () => {
    expect(escapePointerToken('/a~b')).toBe('~1a~0b')
    expect(unescapePointerToken('~1a~0b')).toBe('/a~b')
  })
})
