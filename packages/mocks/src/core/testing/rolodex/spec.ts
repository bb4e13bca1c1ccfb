import type { OpenApiDocument } from '@contactkit/specs'

/**
 * The Rolodex API: a made-up fifth vendor, small enough to read at once, built by following
 * docs/adding-a-vendor.md. A real vendor's spec is `packages/specs/openapi/<vendor>.yaml`; this
 * one is data in a test folder so that it never becomes part of the packages.
 */
export const rolodexDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Rolodex', version: '1' },
  components: {
    securitySchemes: { CardToken: { type: 'http', scheme: 'bearer' } },
    schemas: {
      NewCard: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' } },
      },
      Card: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['status', 'message', 'code'],
            properties: { status: { type: 'integer' }, message: { type: 'string' }, code: { type: 'string' } },
          },
        },
      },
    },
    responses: {
      Error: {
        description: 'refused',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  },
  security: [{ CardToken: [] }],
  paths: {
    '/v1/cards': {
      get: {
        operationId: 'listCards',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } }],
        responses: {
          '200': {
            description: 'the cards',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['cards'],
                  properties: { cards: { type: 'array', items: { $ref: '#/components/schemas/Card' } } },
                },
              },
            },
          },
          '400': { $ref: '#/components/responses/Error' },
          '401': { $ref: '#/components/responses/Error' },
        },
      },
      post: {
        operationId: 'createCard',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewCard' } } },
        },
        responses: {
          '201': {
            description: 'created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Card' } } },
          },
          '400': { $ref: '#/components/responses/Error' },
          '401': { $ref: '#/components/responses/Error' },
          '415': { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/cards/{id}': {
      get: {
        operationId: 'getCard',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^c[0-9]+$' } }],
        responses: {
          '200': {
            description: 'the card',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Card' } } },
          },
          '400': { $ref: '#/components/responses/Error' },
          '401': { $ref: '#/components/responses/Error' },
          '404': { $ref: '#/components/responses/Error' },
        },
      },
    },
  },
}
