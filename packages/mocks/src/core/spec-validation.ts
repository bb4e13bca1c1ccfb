import type { OpenApiDocument } from '@contactkit/specs'
import { createValidator, type OperationMatch, type Problem, type Validator } from '@contactkit/specs/validator'
import type { Context, MiddlewareHandler } from 'hono'
import { readBody } from './request-body.js'

/** A request as the vendor understands it: its canonical method and path, and its parameters. */
export interface RequestDescription {
  method: string
  path: string
  query: Record<string, string | undefined>
  /** Defaults to the request's own headers. */
  headers?: Record<string, string | undefined>
  /** Defaults to the body as read by its Content-Type. */
  body?: unknown
  /** Defaults to the request's Content-Type. */
  mediaType?: string
}

/** A request that passed validation, its values coerced to the spec's types. */
export interface ValidatedRequest {
  operationId: string
  path: Record<string, unknown>
  query: Record<string, unknown>
  /** Declared headers, lower-cased names. */
  headers: Record<string, unknown>
  /** The body, coerced; file parts of a multipart body stay `File`s. */
  body: unknown
  mediaType: string | undefined
}

/** Why a request was refused: 404 (no such operation), 415 (media type) or 400 (anything else). */
export interface Invalid {
  status: 400 | 404 | 415
  problems: Problem[]
  /** The problems as one sentence that names every field: "start must be >= 0; service is required." */
  message: string
}

export interface SpecValidationOptions<E extends SpecValidationEnv = SpecValidationEnv> {
  /**
   * Reads the request as the spec describes it. Vendors that accept aliases (a trailing slash,
   * a suffix before the id, GET for POST, parameters in the query or the body) return the
   * canonical form here. Default: the request as it is.
   */
  describe?(c: Context<E>): RequestDescription | Promise<RequestDescription>
  /** The vendor's error answer for a refused request. */
  onInvalid(c: Context<E>, invalid: Invalid): Response | Promise<Response>
}

export type SpecValidationEnv = { Variables: { request: ValidatedRequest } }

/**
 * Validates every request against the vendor's spec before its handler runs: path, query,
 * declared headers (`If-Match`, `X-Account-Key`…) and the body, read by its Content-Type (JSON,
 * form, multipart) and checked with that media type's schema. A body the operation does not take
 * is a 415; anything else wrong is a 400 naming the field. Handlers get parsed, coerced, valid
 * input as `c.var.request`.
 *
 * @example
 * routes.use('*', specValidation(document, { onInvalid: (c, invalid) => vendorError(c, invalid.status, invalid.message) }))
 * routes.get('/events/:id', (c) => c.json(events(c.var.request.path.import_id)))
 */
export function specValidation<E extends SpecValidationEnv>(
  document: OpenApiDocument,
  options: SpecValidationOptions<E>,
): MiddlewareHandler<E> {
  const validator = createValidator(document)
  const headerNames = declaredHeaderNames(document)
  // Validation is a function of the operation, its parameters and the body: a request without a
  // body that was checked before gets the same answer from here, without ajv and without copying
  // the request's headers. Bodies are checked every time.
  const matches = new Map<string, OperationMatch | null>()
  const checked = new Map<string, ValidatedRequest | Invalid>()
  const keys = new WeakMap<object, string>()
  const keyOf = (value: object) => {
    let key = keys.get(value)
    if (key === undefined) {
      key = JSON.stringify(value)
      keys.set(value, key)
    }
    return key
  }
  return async (c, next) => {
    let description = options.describe?.(c)
    if (description instanceof Promise) {
      description = await description
    }
    const method = description?.method ?? c.req.method
    const path = description?.path ?? c.req.path
    const matchKey = `${method} ${path}`
    let match = matches.get(matchKey)
    if (match === undefined) {
      match = validator.matchOperation(method, path) ?? null
      remember(matches, matchKey, match)
    }
    if (!match) {
      return options.onInvalid(c, {
        status: 404,
        problems: [],
        message: `There is no ${c.req.method} ${c.req.path}; check the path against the API reference.`,
      })
    }
    const described = description !== undefined && 'body' in description
    const read = described ? undefined : await readBody(c)
    if (read?.problem) {
      return options.onInvalid(c, invalid([{ location: 'body', message: read.problem }]))
    }
    const body = described ? description?.body : read?.value
    const query = description?.query ?? c.req.query()
    const mediaType = description?.mediaType ?? read?.mediaType ?? c.req.header('content-type')
    const names = headerNames.get(match.operationId) ?? []
    let headers: Record<string, string | undefined>
    let headerValues = ''
    if (description?.headers) {
      headers = description.headers
    } else {
      // Only the headers the operation declares: the validator looks at no others.
      headers = {}
      for (const name of names) {
        const value = c.req.header(name)
        headers[name] = value
        headerValues += `\n${value ?? ''}`
      }
    }
    const cacheKey =
      body === undefined && !description?.headers
        ? `${match.operationId}\n${keyOf(match)}\n${keyOf(query)}\n${mediaType ?? ''}\n${description?.mediaType ?? read?.mediaType ?? ''}${headerValues}`
        : undefined
    let outcome = cacheKey === undefined ? undefined : checked.get(cacheKey)
    if (outcome === undefined) {
      outcome = validate(validator, match, query, headers, mediaType, body, description?.mediaType ?? read?.mediaType)
      if (cacheKey !== undefined) {
        remember(checked, cacheKey, outcome)
      }
    }
    if ('problems' in outcome && 'status' in outcome) {
      return options.onInvalid(c, outcome)
    }
    c.set('request', outcome as ValidatedRequest)
    await next()
  }
}

const rememberedPerValidator = 1000

// A bounded memo: a simulator sees few distinct requests; past the bound it starts again.
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= rememberedPerValidator) {
    map.clear()
  }
  map.set(key, value)
}

function validate(
  validator: Validator,
  match: OperationMatch,
  query: Record<string, string | undefined>,
  headers: Record<string, string | undefined>,
  mediaType: string | undefined,
  body: unknown,
  requestMediaType: string | undefined,
): ValidatedRequest | Invalid {
  const files = fileParts(body)
  const check = validator.validateRequest(match.operationId, {
    path: match.pathParams,
    query,
    headers,
    mediaType,
    body: files ? withFileNames(body as Record<string, unknown>) : body,
  })
  if (check.problems.length > 0) {
    return invalid(check.problems)
  }
  // Shared by every request with the same parameters: read-only.
  return Object.freeze({
    operationId: match.operationId,
    path: Object.freeze(check.path),
    query: Object.freeze(check.query),
    headers: Object.freeze(check.headers),
    body: files ? { ...(check.body as object), ...files } : check.body,
    mediaType: requestMediaType,
  })
}

/** Header parameters by operationId, lower-cased, as the validator reads them (a superset is harmless). */
function declaredHeaderNames(document: OpenApiDocument): Map<string, string[]> {
  const names = new Map<string, string[]>()
  const resolve = (value: unknown): Record<string, unknown> | undefined => {
    let current = value as Record<string, unknown> | undefined
    for (let hops = 0; typeof current?.$ref === 'string' && hops < 20; hops++) {
      current = String(current.$ref)
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>(
          (node, token) =>
            (node as Record<string, unknown> | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')],
          document,
        ) as Record<string, unknown> | undefined
    }
    return current
  }
  for (const item of Object.values(document.paths ?? {}) as Record<string, unknown>[]) {
    for (const operation of Object.values(item ?? {}) as Record<string, unknown>[]) {
      if (typeof operation !== 'object' || operation === null || typeof operation.operationId !== 'string') {
        continue
      }
      const parameters = [
        ...((item.parameters as unknown[] | undefined) ?? []),
        ...((operation.parameters as unknown[] | undefined) ?? []),
      ]
      const headers = parameters
        .map(resolve)
        .filter((parameter) => parameter?.in === 'header' && typeof parameter.name === 'string')
        .map((parameter) => String(parameter?.name).toLowerCase())
      names.set(operation.operationId, [...new Set(headers)])
    }
  }
  return names
}

function invalid(problems: Problem[]): Invalid {
  const unsupported = problems.find((problem) => problem.kind === 'unsupported-media-type')
  return unsupported
    ? { status: 415, problems: [unsupported], message: describeProblems([unsupported]) }
    : { status: 400, problems, message: describeProblems(problems) }
}

/** Joins problems into one sentence: "start must be >= 0; service is required." */
export function describeProblems(problems: Problem[]): string {
  return `${problems.map((problem) => problem.message).join('; ')}.`
}

// JSON Schema knows strings, not files: a file part is checked as its name, then handed over whole.
function fileParts(body: unknown): Record<string, File | File[]> | undefined {
  if (typeof body !== 'object' || body === null) {
    return undefined
  }
  const files = Object.entries(body).filter(
    ([, value]) => value instanceof File || (Array.isArray(value) && value.some((item) => item instanceof File)),
  )
  return files.length > 0 ? Object.fromEntries(files) : undefined
}

function withFileNames(body: Record<string, unknown>): Record<string, unknown> {
  const asName = (value: unknown) => (value instanceof File ? value.name || 'file' : value)
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, Array.isArray(value) ? value.map(asName) : asName(value)]),
  )
}
