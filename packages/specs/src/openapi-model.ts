import type { OpenApiDocument } from './openapi-document.js'

/** Where a parameter travels. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie'

/** A value of the document with the JSON pointer of where it really lives, `$ref`s followed. */
export interface Located {
  value: Record<string, unknown>
  pointer: string
}

/** One schema of a media type (a request body's or a response's), as written and where it lives. */
export interface ModelMediaType {
  /** The media type as the document names it: `application/json`, `multipart/*`. */
  type: string
  /** The schema as written, possibly a `$ref`; `{}` when the media type has none. */
  schema: unknown
  /** JSON pointer of the schema, for validators that compile by reference into the document. */
  schemaPointer: string
}

/**
 * One parameter of an operation, `$ref` resolved. The path item's parameters are merged into each
 * operation's; an operation's own parameter of the same name and location replaces the path item's.
 */
export interface ModelParameter {
  name: string
  in: ParameterLocation
  /** Always true for a path parameter, as OpenAPI says. */
  required: boolean
  /** The schema as written (possibly a `$ref`), from `schema` or the one media type of `content`; `{}` when none. */
  schema: unknown
  /** JSON pointer of `schema`, or undefined when the parameter has none (anything goes). */
  schemaPointer: string | undefined
}

/** The request body of an operation: whether it is required, and its schema per media type. */
export interface ModelRequestBody {
  required: boolean
  /** JSON pointer of the request body object itself. */
  pointer: string
  /** In document order. */
  media: ModelMediaType[]
}

/** One response an operation declares, under its key (`200`, `4XX`, `default`). */
export interface ModelResponse {
  key: string
  /** JSON pointer of the response object itself. */
  pointer: string
  /** Its schemas by media type; undefined when it declares no `content` (no body). */
  media: ModelMediaType[] | undefined
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

/** One operation of the document, everything a validator or a request generator reads. */
export interface ModelOperation {
  /** The operation's id, or `<METHOD> <path>` for one without (which lint does not let through). */
  operationId: string
  /** Upper case: `GET`, `POST`. */
  method: string
  pathTemplate: string
  tags: string[]
  /** JSON pointer of the operation object. */
  pointer: string
  /** Path-item parameters merged in; path-item ones first, then the operation's own. */
  parameters: ModelParameter[]
  requestBody: ModelRequestBody | undefined
  /**
   * Alternatives, any one of which authorizes the call; each lists the schemes it needs together
   * (operation-level, else document-level). An empty list means no security; an empty alternative
   * means credentials are optional.
   */
  security: SecurityScheme[][]
  /** In document order. */
  responses: ModelResponse[]
}

/** An operation found by method and path, with the path's parameters percent-decoded. */
export interface OperationMatch {
  operationId: string
  pathTemplate: string
  pathParams: Record<string, string>
}

/** An OpenAPI 3.1 document read once: its operations, how to find one, and its `$ref`s followed. */
export interface OpenApiModel {
  readonly document: OpenApiDocument
  /** Every operation, in document order. */
  readonly operations: readonly ModelOperation[]
  /** The operation with this id, or undefined. */
  operation(operationId: string): ModelOperation | undefined
  /**
   * The operation a request is for, or undefined when the document has none. Where two path
   * templates match, the one with more literal text wins: `/a/{id}.{format}` before `/a/{id}`.
   */
  matchOperation(method: string, pathname: string): OperationMatch | undefined
}

/** The methods a path item may hold, lower case as the document writes them. */
export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

const maxRefHops = 32

interface MatchableOperation {
  operation: ModelOperation
  pattern: RegExp
  pathNames: string[]
}

// Documents are module constants: each is read once, whoever asks (validator, simulator, fuzz).
const models = new WeakMap<OpenApiDocument, OpenApiModel>()

/**
 * Reads an OpenAPI 3.1 document into its operations: method, path template, id and tags; the
 * parameters with the path item's merged in; the request body and responses by media type; the
 * security alternatives. Every `$ref` is followed, and every schema keeps the JSON pointer of
 * where it lives. The same document always gives the same model.
 *
 * @example
 * const model = openApiModel(cloudspongeDocument)
 * model.operation('getEvents')?.pathTemplate // '/events/{import_id}'
 * model.matchOperation('GET', '/contacts/1126.xml')?.pathParams // { import_id: '1126', format: 'xml' }
 */
export function openApiModel(document: OpenApiDocument): OpenApiModel {
  let model = models.get(document)
  if (!model) {
    model = buildModel(document)
    models.set(document, model)
  }
  return model
}

function buildModel(document: OpenApiDocument): OpenApiModel {
  const operations = readOperations(document)
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]))
  // The template with more literal text is the more specific one; the sort is stable, so equals
  // keep document order.
  const literal = (template: string) => template.replace(/\{[^}]+\}/g, '').length
  const matchable: MatchableOperation[] = operations
    .map((operation) => ({ operation, ...pathPattern(operation.pathTemplate) }))
    .sort((a, b) => literal(b.operation.pathTemplate) - literal(a.operation.pathTemplate))
  return {
    document,
    operations,
    operation: (operationId) => byId.get(operationId),
    matchOperation(method, pathname) {
      const upper = method.toUpperCase()
      for (const { operation, pattern, pathNames } of matchable) {
        if (operation.method !== upper) {
          continue
        }
        const match = pattern.exec(pathname)
        if (match) {
          return {
            operationId: operation.operationId,
            pathTemplate: operation.pathTemplate,
            pathParams: Object.fromEntries(pathNames.map((name, index) => [name, safeDecode(match[index + 1] ?? '')])),
          }
        }
      }
      return undefined
    },
  }
}

/**
 * The response an operation declares for a status: the exact code, else its range (`4XX`), else
 * `default`; undefined when it declares none of them.
 *
 * @example
 * responseFor(model.operation('getEvents')!, 404)?.key // '404'
 */
export function responseFor(operation: ModelOperation, status: number): ModelResponse | undefined {
  const code = String(status)
  for (const key of [code, `${code[0]}XX`, 'default']) {
    const response = operation.responses.find((candidate) => candidate.key === key)
    if (response) {
      return response
    }
  }
  return undefined
}

/**
 * Follows a chain of local `$ref`s (`#/components/...`) to the value it names, keeping the JSON
 * pointer of where that value lives. A value that is not a reference is its own target, at
 * `pointer`; a reference to nothing gives `{}`.
 *
 * @example
 * resolveRef(document, { $ref: '#/components/parameters/Start' }, '/paths/~1contacts/get/parameters/0')
 * // { value: { name: 'start', in: 'query', … }, pointer: '/components/parameters/Start' }
 */
export function resolveRef(document: OpenApiDocument, value: unknown, pointer = ''): Located {
  let current = value
  let at = pointer
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string
    if (hops >= maxRefHops) {
      throw new Error(`The reference ${ref} loops; fix the $ref chain in the document.`)
    }
    if (!ref.startsWith('#/')) {
      throw new Error(`Only local references are supported, not ${ref}; bundle the document first.`)
    }
    at = ref.slice(1)
    current = at
      .slice(1)
      .split('/')
      .map(unescapePointerToken)
      .reduce<unknown>((node, token) => (isObject(node) ? node[token] : undefined), document)
  }
  return { value: isObject(current) ? current : {}, pointer: at }
}

/**
 * Escapes one token of a JSON pointer (`~` and `/`), as a path template or media type must be.
 *
 * @example
 * escapePointerToken('/events/{import_id}') // '~1events~1{import_id}'
 */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

/**
 * Undoes `escapePointerToken`.
 *
 * @example
 * unescapePointerToken('~1events') // '/events'
 */
export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

function readOperations(document: OpenApiDocument): ModelOperation[] {
  const operations: ModelOperation[] = []
  for (const [pathTemplate, rawPathItem] of Object.entries(document.paths ?? {})) {
    const pathItem = resolveRef(document, rawPathItem, `/paths/${escapePointerToken(pathTemplate)}`)
    const shared = readParameters(document, pathItem)
    for (const method of httpMethods) {
      const operation = pathItem.value[method]
      if (!isObject(operation)) {
        continue
      }
      const pointer = `${pathItem.pointer}/${method}`
      const own = readParameters(document, { value: operation, pointer })
      operations.push({
        operationId: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${pathTemplate}`,
        method: method.toUpperCase(),
        pathTemplate,
        tags: asArray(operation.tags).map(String),
        pointer,
        parameters: [
          ...shared.filter(
            (parameter) => !own.some((mine) => mine.name === parameter.name && mine.in === parameter.in),
          ),
          ...own,
        ],
        requestBody:
          operation.requestBody === undefined
            ? undefined
            : readRequestBody(resolveRef(document, operation.requestBody, `${pointer}/requestBody`)),
        security: readSecurity(document, operation.security ?? document.security),
        responses: Object.entries(isObject(operation.responses) ? operation.responses : {}).map(([key, raw]) => {
          const response = resolveRef(document, raw, `${pointer}/responses/${escapePointerToken(key)}`)
          return {
            key,
            pointer: response.pointer,
            media: isObject(response.value.content) ? readMedia(response) : undefined,
          }
        }),
      })
    }
  }
  return operations
}

function readParameters(document: OpenApiDocument, owner: Located): ModelParameter[] {
  return asArray(owner.value.parameters).map((raw, index) => {
    const { value: parameter, pointer } = resolveRef(document, raw, `${owner.pointer}/parameters/${index}`)
    const location = String(parameter.in) as ParameterLocation
    // A parameter carries `schema`, or `content` with one media type instead.
    const [contentType, media] = Object.entries(isObject(parameter.content) ? parameter.content : {})[0] ?? []
    const fromContent = contentType !== undefined && isObject(media) && media.schema !== undefined
    const schemaPointer =
      parameter.schema !== undefined
        ? `${pointer}/schema`
        : fromContent
          ? `${pointer}/content/${escapePointerToken(contentType)}/schema`
          : undefined
    return {
      name: String(parameter.name),
      in: location,
      required: location === 'path' || parameter.required === true,
      schema: parameter.schema ?? (fromContent ? media.schema : {}),
      schemaPointer,
    }
  })
}

function readRequestBody(body: Located): ModelRequestBody {
  return { required: body.value.required === true, pointer: body.pointer, media: readMedia(body) }
}

function readMedia(owner: Located): ModelMediaType[] {
  return Object.entries(isObject(owner.value.content) ? owner.value.content : {}).map(([type, media]) => ({
    type,
    schema: isObject(media) && media.schema !== undefined ? media.schema : {},
    schemaPointer: `${owner.pointer}/content/${escapePointerToken(type)}/schema`,
  }))
}

function readSecurity(document: OpenApiDocument, requirements: unknown): SecurityScheme[][] {
  const schemes = isObject(document.components?.securitySchemes) ? document.components.securitySchemes : {}
  return asArray(requirements).map((requirement) =>
    Object.keys(isObject(requirement) ? requirement : {}).map((name) => {
      const scheme = resolveRef(document, schemes[name]).value
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

/** A path template as a pattern: `{name}` matches one segment's worth (no `/`), the rest literally. */
function pathPattern(pathTemplate: string): { pattern: RegExp; pathNames: string[] } {
  const pathNames: string[] = []
  const source = pathTemplate
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part.startsWith('{')) {
        pathNames.push(part.slice(1, -1))
        return '([^/]+?)'
      }
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    })
    .join('')
  return { pattern: new RegExp(`^${source}$`), pathNames }
}

/** Percent-decodes a path segment; one that is malformed (`%ZZ`) stays as sent, for validation to refuse. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
