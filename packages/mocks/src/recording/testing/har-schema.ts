import { Ajv } from 'ajv'

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as a JSON Schema, written from the
// specification's field tables: every field it marks required, with its type; optional fields typed
// where they appear; custom fields (a leading underscore) and comments allowed everywhere, as the
// specification allows them.
const text = { type: 'string' }
const optionalText = { type: 'string' }
const integer = { type: 'integer' }
const number = { type: 'number' }
const nameValue = {
  type: 'object',
  required: ['name', 'value'],
  properties: { name: text, value: text, comment: optionalText },
}
const cookie = {
  type: 'object',
  required: ['name', 'value'],
  properties: {
    name: text,
    value: text,
    path: optionalText,
    domain: optionalText,
    expires: { type: ['string', 'null'] },
    httpOnly: { type: 'boolean' },
    secure: { type: 'boolean' },
    comment: optionalText,
  },
}
const creator = {
  type: 'object',
  required: ['name', 'version'],
  properties: { name: text, version: text, comment: optionalText },
}
const timing = { type: 'number', minimum: -1 }
const isoDate = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
}

/** A JSON Schema of a HAR 1.2 document. */
export const harSchema = {
  type: 'object',
  required: ['log'],
  properties: {
    log: {
      type: 'object',
      required: ['version', 'creator', 'entries'],
      properties: {
        version: text,
        creator,
        browser: creator,
        pages: { type: 'array' },
        comment: optionalText,
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'],
            properties: {
              pageref: optionalText,
              startedDateTime: isoDate,
              time: { type: 'number', minimum: 0 },
              request: {
                type: 'object',
                required: [
                  'method',
                  'url',
                  'httpVersion',
                  'cookies',
                  'headers',
                  'queryString',
                  'headersSize',
                  'bodySize',
                ],
                properties: {
                  method: text,
                  url: { type: 'string', format: 'uri' },
                  httpVersion: text,
                  cookies: { type: 'array', items: cookie },
                  headers: { type: 'array', items: nameValue },
                  queryString: { type: 'array', items: nameValue },
                  postData: {
                    type: 'object',
                    required: ['mimeType'],
                    properties: {
                      mimeType: text,
                      text,
                      params: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['name'],
                          properties: { name: text, value: text, fileName: text, contentType: text, comment: text },
                        },
                      },
                      comment: optionalText,
                    },
                  },
                  headersSize: integer,
                  bodySize: integer,
                  comment: optionalText,
                },
              },
              response: {
                type: 'object',
                required: [
                  'status',
                  'statusText',
                  'httpVersion',
                  'cookies',
                  'headers',
                  'content',
                  'redirectURL',
                  'headersSize',
                  'bodySize',
                ],
                properties: {
                  status: integer,
                  statusText: text,
                  httpVersion: text,
                  cookies: { type: 'array', items: cookie },
                  headers: { type: 'array', items: nameValue },
                  content: {
                    type: 'object',
                    required: ['size', 'mimeType'],
                    properties: {
                      size: integer,
                      compression: integer,
                      mimeType: text,
                      text,
                      encoding: text,
                      comment: optionalText,
                    },
                  },
                  redirectURL: text,
                  headersSize: integer,
                  bodySize: integer,
                  comment: optionalText,
                },
              },
              cache: { type: 'object' },
              timings: {
                type: 'object',
                required: ['send', 'wait', 'receive'],
                properties: {
                  blocked: timing,
                  dns: timing,
                  connect: timing,
                  send: number,
                  wait: number,
                  receive: number,
                  ssl: timing,
                  comment: optionalText,
                },
              },
              serverIPAddress: optionalText,
              connection: optionalText,
              comment: optionalText,
            },
          },
        },
      },
    },
  },
}

const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(harSchema)

/**
 * What makes a value something other than a HAR 1.2 document: an empty list when it is one.
 *
 * @example
 * expect(harProblems(JSON.parse(readFileSync(path, 'utf8')))).toEqual([])
 */
export function harProblems(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
}
