import type { OpenApiDocument } from '@contactkit/specs'

/** A JSON Schema as it sits in an OpenAPI 3.1 document; read loosely, keyword by keyword. */
export type JsonSchema = Record<string, unknown>

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie'

/** One parameter of an operation, its `$ref`s resolved and its schema flattened. */
export interface OperationParameter {
  name: string
  in: ParameterLocation
  required: boolean
  schema: JsonSchema
}

/** The request body of an operation: whether it is required, and its schema per media type. */
export interface OperationBody {
  required: boolean
  media: { type: string; schema: JsonSchema }[]
}

/** A security scheme from `components.securitySchemes`, with the name the document gives it. */
export interface SecurityScheme {
  name: string
  type: string
  /** For `http`: `basic`, `bearer`, … (lower case). */
  scheme?: string
  /** For `apiKey`: where the key goes and under which name. */
  in?: ParameterLocation
  parameterName?: string
}

/** One operation of the document, everything a request generator needs, `$ref`s resolved. */
export interface ApiOperation {
  operationId: string
  /** Upper case: `GET`, `POST`. */
  method: string
  pathTemplate: string
  parameters: OperationParameter[]
  body?: OperationBody
  /**
   * Alternatives, any one of which authorizes the call; each lists the schemes it needs together.
   * An empty list means no security; an empty alternative means credentials are optional.
   */
  security: SecurityScheme[][]
  /** The response keys the operation declares: `200`, `4XX`, `default`. */
  responses: string[]
}

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/**
 * Lists every operation of an OpenAPI 3.1 document: path-item and operation parameters merged,
 * request bodies by media type, security alternatives (operation-level, else document-level).
 *
 * @example
 * const operations = listOperations(cloudspongeDocument)
 * operations.find((operation) => operation.operationId === 'getEvents')?.pathTemplate // '/events/{import_id}'
 */
export function listOperations(document: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = []
  for (const [pathTemplate, rawPathItem] of Object.entries(document.paths)) {
    const pathItem = resolveRef(document, rawPathItem)
    const shared = asArray(pathItem.parameters).map((parameter) => readParameter(document, parameter))
    for (const method of httpMethods) {
      const rawOperation = pathItem[method]
      if (!rawOperation || typeof rawOperation !== 'object') {
        continue
      }
      const operation = rawOperation as JsonSchema
      const own = asArray(operation.parameters).map((parameter) => readParameter(document, parameter))
      // An operation's parameter overrides the path item's of the same name and location.
      const parameters = [
        ...shared.filter((parameter) => !own.some((mine) => mine.name === parameter.name && mine.in === parameter.in)),
        ...own,
      ]
      operations.push({
        operationId: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${pathTemplate}`,
        method: method.toUpperCase(),
        pathTemplate,
        parameters,
        body: operation.requestBody ? readBody(document, operation.requestBody) : undefined,
        security: readSecurity(document, (operation.security ?? document.security) as unknown),
        responses: Object.keys((operation.responses as JsonSchema | undefined) ?? {}),
      })
    }
  }
  return operations
}

/**
 * Follows a chain of local `$ref`s (`#/components/...`) to the value it names.
 *
 * @example
 * resolveRef(document, { $ref: '#/components/parameters/Start' }).name // 'start'
 */
export function resolveRef(document: OpenApiDocument, value: unknown): JsonSchema {
  let current = value
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) {
      throw new Error(`The reference ${String(current.$ref)} loops; fix the $ref chain in the document.`)
    }
    const ref = current.$ref as string
    if (!ref.startsWith('#/')) {
      throw new Error(`Only local references are supported, not ${ref}; bundle the document first.`)
    }
    current = ref
      .slice(2)
      .split('/')
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, token) => (isObject(node) ? node[token] : undefined), document)
  }
  return isObject(current) ? current : {}
}

/**
 * Resolves every `$ref` inside a schema and merges `allOf` into one schema, so generators see
 * plain `properties`, `required`, `enum` and ranges. Cycles stop at a depth limit (as `{}`).
 *
 * @example
 * flattenSchema(document, { $ref: '#/components/schemas/UsernamePasswordImportForm' }).required
 * // ['service', 'username', 'password']
 */
export function flattenSchema(document: OpenApiDocument, schema: unknown, depth = 0): JsonSchema {
  if (depth > 16) {
    return {}
  }
  const resolved = resolveRef(document, schema)
  const { allOf, ...rest } = resolved
  let result: JsonSchema = { ...rest }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    if (isObject(result[key])) {
      result[key] = flattenSchema(document, result[key], depth + 1)
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(result[key])) {
      result[key] = (result[key] as unknown[]).map((branch) => flattenSchema(document, branch, depth + 1))
    }
  }
  if (isObject(result.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(result.properties).map(([name, property]) => [name, flattenSchema(document, property, depth + 1)]),
    )
  }
  for (const part of asArray(allOf)) {
    result = mergeSchemas(result, flattenSchema(document, part, depth + 1))
  }
  return result
}

/** Both schemas at once: properties merged, required united, ranges narrowed; otherwise the first wins. */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...b, ...a }
  if (isObject(a.properties) || isObject(b.properties)) {
    const properties: Record<string, JsonSchema> = { ...(b.properties as Record<string, JsonSchema> | undefined) }
    for (const [name, schema] of Object.entries((a.properties as Record<string, JsonSchema> | undefined) ?? {})) {
      properties[name] = properties[name] ? mergeSchemas(schema, properties[name]) : schema
    }
    merged.properties = properties
  }
  const required = new Set([...asArray(a.required), ...asArray(b.required)].map(String))
  if (required.size > 0) {
    merged.required = [...required]
  }
  if (a.type === undefined && b.type === undefined && (isObject(a.properties) || isObject(b.properties))) {
    merged.type = 'object'
  }
  for (const [low, pick] of [
    ['minimum', Math.max],
    ['minLength', Math.max],
    ['minItems', Math.max],
    ['maximum', Math.min],
    ['maxLength', Math.min],
    ['maxItems', Math.min],
  ] as const) {
    if (typeof a[low] === 'number' && typeof b[low] === 'number') {
      merged[low] = pick(a[low] as number, b[low] as number)
    }
  }
  return merged
}

function readParameter(document: OpenApiDocument, raw: unknown): OperationParameter {
  const parameter = resolveRef(document, raw)
  const location = String(parameter.in) as ParameterLocation
  // A parameter may carry `content` (one media type) instead of `schema`.
  const content = isObject(parameter.content) ? Object.values(parameter.content)[0] : undefined
  const schema = parameter.schema ?? (isObject(content) ? content.schema : undefined) ?? {}
  return {
    name: String(parameter.name),
    in: location,
    required: location === 'path' || parameter.required === true,
    schema: flattenSchema(document, schema),
  }
}

function readBody(document: OpenApiDocument, raw: unknown): OperationBody {
  const body = resolveRef(document, raw)
  const content = isObject(body.content) ? body.content : {}
  return {
    required: body.required === true,
    media: Object.entries(content).map(([type, media]) => ({
      type,
      schema: flattenSchema(document, isObject(media) ? media.schema : {}),
    })),
  }
}

function readSecurity(document: OpenApiDocument, requirements: unknown): SecurityScheme[][] {
  const schemes = isObject(document.components?.securitySchemes) ? document.components.securitySchemes : {}
  return asArray(requirements).map((requirement) =>
    Object.keys(isObject(requirement) ? requirement : {}).map((name) => {
      const scheme = resolveRef(document, schemes[name])
      return {
        name,
        type: String(scheme.type),
        scheme: typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : undefined,
        in: typeof scheme.in === 'string' ? (scheme.in as ParameterLocation) : undefined,
        parameterName: typeof scheme.name === 'string' ? scheme.name : undefined,
      }
    }),
  )
}

/** Whether a value is a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
