import type { ErrorObject, ValidateFunction } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsPlugin from 'ajv-formats'
import type { OpenApiDocument } from './openapi-document.js'
import {
  type ModelOperation,
  type ModelParameter,
  type OperationMatch,
  openApiModel,
  type ParameterLocation,
  responseFor,
  unescapePointerToken,
} from './openapi-model.js'

export type { OperationMatch } from './openapi-model.js'

/** One thing wrong with a request or response, in words a person can act on. */
export interface Problem {
  /** Where: `query.start`, `body.service`, `path.import_id`, `header.if-match`, `body`, `content-type`. */
  location: string
  message: string
  /**
   * `unsupported-media-type` when the body's media type is one the operation does not take (a 415);
   * absent for every other problem (a 400).
   */
  kind?: 'unsupported-media-type'
}

/** What a request carried, already split by where it came from. Values are strings as on the wire. */
export interface RequestInput {
  path?: Record<string, string>
  query?: Record<string, string | undefined>
  /** Header names in any case. */
  headers?: Record<string, string | undefined>
  /** The body's media type (`application/json`, parameters dropped); picks the schema to check it with. */
  mediaType?: string
  body?: unknown
}

/** A checked request: its problems, and its values coerced to the spec's types ("10" became 10). */
export interface RequestCheck {
  problems: Problem[]
  path: Record<string, unknown>
  query: Record<string, unknown>
  /** The headers the operation declares, lower-cased names, coerced values. */
  headers: Record<string, unknown>
  body: unknown
}

export interface Validator {
  /** Finds the operation a request is for, or undefined when the spec has none. */
  matchOperation(method: string, pathname: string): OperationMatch | undefined
  /** Checks a request's parameters and body against the operation; `problems` is empty when valid. */
  validateRequest(operationId: string, input: RequestInput): RequestCheck
  /**
   * Checks a decoded response body against what the operation declares for the status and media
   * type. A status or media type the operation does not declare is itself a problem.
   */
  validateResponse(operationId: string, status: number, mediaType: string, body: unknown): Problem[]
}

interface CompiledOperation {
  operation: ModelOperation
  request?: {
    path: ValidateFunction
    query: ValidateFunction
    headers: ValidateFunction
    /** Declared header names, lower-cased. */
    headerNames: string[]
    /** One validator per media type the operation takes, compiled on first use. */
    bodies: Map<string, ValidateFunction>
    mediaTypes: string[]
    /** Where each media type's schema lives, by media type. */
    bodySchemas: Map<string, string>
    bodyRequired: boolean
  }
}

const documentId = 'openapi'
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020

/**
 * Compiles request and response validators from an OpenAPI 3.1 document. Schemas compile lazily,
 * once per operation, so creating a validator is cheap.
 *
 * @example
 * const validator = createValidator(cloudspongeDocument)
 * const match = validator.matchOperation('GET', '/contacts/1126.json')
 * const { problems } = validator.validateRequest(match.operationId, { query: { start: '-1' } })
 * // [{ location: 'query.start', message: 'start must be >= 0' }]
 */
export function createValidator(document: OpenApiDocument): Validator {
  // Parameters and form fields arrive as strings: coerce "10" to 10 before checking. JSON bodies
  // and responses are checked as sent.
  // Made on first use: a simulator that starts but is never asked anything pays nothing for ajv.
  let requestAjvInstance: Ajv2020 | undefined
  let responseAjvInstance: Ajv2020 | undefined
  const requestAjv = () => {
    requestAjvInstance ??= newAjv(document, true)
    return requestAjvInstance
  }
  const responseAjv = () => {
    responseAjvInstance ??= newAjv(document, false)
    return responseAjvInstance
  }
  const model = openApiModel(document)
  const byId = new Map<string, CompiledOperation>()
  const responseValidators = new Map<string, ValidateFunction>()

  function compiled(operationId: string): CompiledOperation {
    let operation = byId.get(operationId)
    if (!operation) {
      const found = model.operation(operationId)
      if (!found) {
        throw new Error(`The spec has no operation "${operationId}"; check the operationId against the document.`)
      }
      operation = { operation: found }
      byId.set(operationId, operation)
    }
    return operation
  }

  function requestValidators(operation: CompiledOperation): NonNullable<CompiledOperation['request']> {
    if (operation.request) {
      return operation.request
    }
    const { parameters, requestBody } = operation.operation
    // A parameter's schema is compiled by reference into the document, so a `$ref` inside it
    // (`schema: {$ref: '#/components/schemas/Status'}`) resolves against the document.
    const schemaOf = (parameter: ModelParameter) =>
      parameter.schemaPointer === undefined ? {} : { $ref: `${documentId}#${parameter.schemaPointer}` }
    // OpenAPI says Accept, Content-Type and Authorization header parameters are ignored.
    const ignoredHeaders = new Set(['accept', 'content-type', 'authorization'])
    const inHeaders = (parameter: ModelParameter) =>
      parameter.in === 'header' && !ignoredHeaders.has(parameter.name.toLowerCase())
    const objectSchema = (where: ParameterLocation) => {
      const list = parameters.filter(
        (parameter) => parameter.in === where && (where !== 'header' || inHeaders(parameter)),
      )
      const name = (parameter: ModelParameter) => (where === 'header' ? parameter.name.toLowerCase() : parameter.name)
      return {
        type: 'object',
        properties: Object.fromEntries(list.map((parameter) => [name(parameter), schemaOf(parameter)])),
        required: list.filter((parameter) => parameter.required).map(name),
      }
    }
    const media = requestBody?.media ?? []
    operation.request = {
      path: requestAjv().compile(objectSchema('path')),
      query: requestAjv().compile(objectSchema('query')),
      headers: requestAjv().compile(objectSchema('header')),
      headerNames: parameters.filter(inHeaders).map((parameter) => parameter.name.toLowerCase()),
      bodies: new Map(),
      mediaTypes: media.map((entry) => entry.type),
      bodySchemas: new Map(media.map((entry) => [entry.type, entry.schemaPointer])),
      bodyRequired: requestBody?.required === true,
    }
    return operation.request
  }

  return {
    matchOperation: (method, pathname) => model.matchOperation(method, pathname),

    validateRequest(operationId, input) {
      const validators = requestValidators(compiled(operationId))
      const problems: Problem[] = []
      const path: Record<string, unknown> = { ...input.path }
      const query: Record<string, unknown> = withoutUndefined(input.query ?? {})
      if (nestingDepth(input.body) > maxBodyDepth) {
        // Cloning and checking a body thousands of levels deep would overflow the stack.
        return {
          problems: [{ location: 'body', message: `the body is nested more than ${maxBodyDepth} levels deep` }],
          path: {},
          query: {},
          headers: {},
          body: undefined,
        }
      }
      const body = input.body === undefined || input.body === null ? input.body : structuredClone(input.body)
      const headers = declaredHeaders(validators.headerNames, input.headers ?? {})
      check(validators.path, path, 'path', problems)
      check(validators.query, query, 'query', problems)
      check(validators.headers, headers, 'header', problems)
      if (validators.mediaTypes.length > 0) {
        if (body === undefined || body === null) {
          if (validators.bodyRequired) {
            problems.push({ location: 'body', message: 'the request body is required' })
          }
        } else {
          const mediaType = pickMediaType(validators.mediaTypes, input.mediaType)
          if (mediaType === undefined) {
            problems.push({
              location: 'content-type',
              kind: 'unsupported-media-type',
              message: `the body must be sent as ${validators.mediaTypes.join(' or ')}, not ${input.mediaType || 'a body without a Content-Type'}`,
            })
          } else {
            let validate = validators.bodies.get(mediaType)
            if (!validate) {
              // JSON carries its own types: "5" for a string field is wrong there, unlike in a form.
              const ajv = /json/i.test(mediaType) ? responseAjv() : requestAjv()
              validate = ajv.compile({ $ref: `${documentId}#${validators.bodySchemas.get(mediaType)}` })
              validators.bodies.set(mediaType, validate)
            }
            check(validate, body, 'body', problems)
          }
        }
      } else if (body !== undefined && body !== null && input.mediaType) {
        // The operation takes no body: ignore one that is empty, refuse one that carries something.
        const empty =
          typeof body === 'string' ? body === '' : typeof body === 'object' && Object.keys(body).length === 0
        if (!empty) {
          problems.push({
            location: 'content-type',
            kind: 'unsupported-media-type',
            message: `${operationId} takes no request body, but one was sent as ${input.mediaType}`,
          })
        }
      }
      return { problems, path, query, headers, body }
    },

    validateResponse(operationId, status, mediaType, body) {
      const operation = compiled(operationId).operation
      const response = responseFor(operation, status)
      if (!response) {
        return [{ location: 'status', message: `${operationId} does not declare the status ${status}` }]
      }
      if (!response.media) {
        return []
      }
      const pointer = response.media.find((entry) => entry.type === mediaType)?.schemaPointer
      if (pointer === undefined) {
        return [{ location: 'content-type', message: `${operationId} ${response.key} does not declare ${mediaType}` }]
      }
      let validate = responseValidators.get(pointer)
      if (!validate) {
        validate = responseAjv().compile({ $ref: `${documentId}#${pointer}` })
        responseValidators.set(pointer, validate)
      }
      const problems: Problem[] = []
      check(validate, body, 'body', problems)
      return problems
    },
  }
}

function newAjv(document: OpenApiDocument, coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerce, validateSchema: false })
  addFormats(ajv)
  ajv.addSchema(document, documentId)
  return ajv
}

function check(validate: ValidateFunction, data: unknown, location: string, problems: Problem[]): void {
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      problems.push(describe(error, location))
    }
  }
}

function describe(error: ErrorObject, location: string): Problem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((token) => unescapePointerToken(token))
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty)
    return { location: [location, ...path, missing].join('.'), message: `${missing} is required` }
  }
  const name = path.at(-1) ?? location
  const where = [location, ...path].join('.')
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues
      .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
      .join(', ')
    return { location: where, message: `${name} must be one of: ${allowed}` }
  }
  return { location: where, message: `${name} ${error.message ?? 'is invalid'}` }
}

/**
 * The declared media type a request's type matches: exact first, then a declared range such as
 * `multipart/*` or `*\/*`, then any JSON (`application/merge-patch+json`) for a declared
 * `application/json`. With no Content-Type the first declared type is assumed.
 */
function pickMediaType(declared: string[], sent: string | undefined): string | undefined {
  if (!sent) {
    return declared[0]
  }
  const type = sent.split(';')[0]?.trim().toLowerCase() ?? ''
  return (
    declared.find((candidate) => candidate.toLowerCase() === type) ??
    declared.find((candidate) => candidate.endsWith('/*') && type.startsWith(candidate.slice(0, -1))) ??
    declared.find((candidate) => candidate === '*/*') ??
    (type.endsWith('+json') ? declared.find((candidate) => candidate === 'application/json') : undefined)
  )
}

function declaredHeaders(names: string[], sent: Record<string, string | undefined>): Record<string, string> {
  const lowered = new Map(Object.entries(sent).map(([name, value]) => [name.toLowerCase(), value]))
  const result: Record<string, string> = {}
  for (const name of names) {
    const value = lowered.get(name)
    if (value !== undefined) {
      result[name] = value
    }
  }
  return result
}

/** Deepest nesting of arrays and objects a request body may have; no API here needs more than a few. */
export const maxBodyDepth = 64

/** How deep a value nests, counted without recursion, stopping once past the limit. */
function nestingDepth(value: unknown): number {
  let deepest = 0
  const pending: [unknown, number][] = [[value, 0]]
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number]
    if (typeof current !== 'object' || current === null) {
      continue
    }
    deepest = Math.max(deepest, depth + 1)
    if (deepest > maxBodyDepth) {
      return deepest
    }
    for (const child of Object.values(current)) {
      pending.push([child, depth + 1])
    }
  }
  return deepest
}

function withoutUndefined(record: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) {
      result[key] = value
    }
  }
  return result
}
