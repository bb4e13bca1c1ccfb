import type { OpenApiDocument } from '@contactkit/specs'
import { openApiModel } from '@contactkit/specs/openapi-model'
import type { OperationMatch, Problem, Validator } from '@contactkit/specs/validator'
import type { Context, MiddlewareHandler } from 'hono'
import { BoundedMemo } from './kit/memo.js'
import { mediaTypeOf, readBody } from './request-body.js'

/**
 * A request as the vendor understands it: its canonical method and path, and its parameters. A
 * vendor that returns the very same object for the same request again (it remembers its calls)
 * lets validation remember the outcome on it; treat it as read-only once handed out.
 */
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

/**
 * A request that passed validation, its values coerced to the spec's types. Frozen: requests with
 * the same parameters share one.
 */
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
 * input as `c.get('request')`.
 *
 * @example
 * routes.use('*', specValidation(document, { onInvalid: (c, invalid) => vendorError(c, invalid.status, invalid.message) }))
 * routes.get('/events/:id', (c) => c.json(events(c.get('request').path.import_id)))
 */
export function specValidation<E extends SpecValidationEnv>(
  document: OpenApiDocument,
  options: SpecValidationOptions<E>,
): MiddlewareHandler<E> {
  const check = specCheck(document, options)
  return async (c, next) => {
    const refused = await check(c)
    if (refused) {
      return refused
    }
    await next()
  }
}

/**
 * The check `specValidation` runs, as a function rather than a middleware, for a vendor that runs
 * it inside its own middleware or handler (one layer less per request): the vendor's answer for a
 * refused request, or undefined with `c.get('request')` set.
 *
 * @example
 * const check = specCheck(document, { onInvalid })
 * routes.get('/events/:id', async (c) => (await check(c)) ?? events(c))
 */
export function specCheck<E extends SpecValidationEnv>(
  document: OpenApiDocument,
  options: SpecValidationOptions<E>,
): (c: Context<E>) => Promise<Response | undefined> {
  // Made on the first request that needs it, not when the simulator is: see `loadValidator`.
  let validator: Validator | undefined
  const headerNames = declaredHeaderNames(document)
  // Validation is a function of the operation, its parameters and the body: a request without a
  // body that was checked before gets the same answer from here, without ajv and without copying
  // the request's headers. Bodies are checked every time. By method and path: the operation, and
  // outcomes by query and whatever else the request sent.
  const routes = new BoundedMemo<string, Remembered>(rememberedPerValidator)
  // A vendor that hands out the same description for the same request (it remembers its calls)
  // finds the match and the outcomes on it, with no key to build: only what the description leaves
  // to the request itself (its Content-Type, declared headers) picks the outcome.
  const byDescription = new WeakMap<RequestDescription, Remembered>()
  const routeOf = (validator: Validator, method: string, path: string): Remembered => {
    const key = `${method} ${path}`
    let route = routes.get(key)
    if (route === undefined) {
      route = {
        match: validator.matchOperation(method, path) ?? null,
        outcomes: new BoundedMemo(rememberedPerValidator),
      }
      // Stryker disable next-line CallExpression: the memo only saves time: bypassing it recomputes the same answer
      routes.set(key, route)
    }
    return route
  }
  return async (c) => {
    validator ??= (await loadValidator()).createValidator(document)
    let description = options.describe?.(c)
    if (description instanceof Promise) {
      description = await description
    }
    let remembered = description ? byDescription.get(description) : undefined
    // Stryker disable next-line BooleanLiteral: a described request's query is its description's, the same for every request with that description
    let queryInKey = false
    if (!remembered) {
      const route = routeOf(validator, description?.method ?? c.req.method, description?.path ?? c.req.path)
      if (description) {
        remembered = { match: route.match, outcomes: new BoundedMemo(rememberedPerValidator) }
        // Stryker disable next-line CallExpression: the memo only saves time: bypassing it recomputes the same answer
        byDescription.set(description, remembered)
      } else {
        remembered = route
        queryInKey = true
      }
    }
    const match = remembered.match
    if (!match) {
      return options.onInvalid(c, { status: 404, problems: [], message: noSuchOperation(c.req.method, c.req.path) })
    }
    const contentType = c.req.header('content-type')
    let body: unknown
    let requestMediaType = description?.mediaType
    if (description !== undefined && 'body' in description) {
      body = description.body
    } else {
      // For a request that cannot have a body, what readBody answers, without the context bookkeeping.
      // Stryker disable next-line LogicalOperator,StringLiteral: a shortcut: readBody answers the same for a request that cannot have a body
      const read = c.req.method === 'GET' || c.req.method === 'HEAD' ? noBody(contentType) : await readBody(c)
      if (read.problem) {
        return options.onInvalid(c, invalid([{ location: 'body', message: read.problem }]))
      }
      body = read.value
      requestMediaType ??= read.mediaType
    }
    const query = description?.query ?? c.req.query()
    const mediaType = requestMediaType ?? contentType
    const names = headerNames.get(match.operationId) ?? noNames
    // What, besides the description, the outcome depends on: undefined when it is not remembered.
    let variant: string | undefined
    // Stryker disable next-line BooleanLiteral,ConditionalExpression,BlockStatement: only decides whether outcomes are remembered; the key still holds every header value
    if (!description?.headers) {
      variant = contentType === undefined ? '' : `=${contentType}`
      for (const name of names) {
        const value = c.req.header(name)
        variant += value === undefined ? '\n' : `\n=${value}`
      }
    }
    let outcomes: BoundedMemo<string, ValidatedRequest | Invalid> | undefined
    let key: string | undefined
    if (body === undefined && variant !== undefined) {
      outcomes = remembered.outcomes
      key = queryInKey ? `${JSON.stringify(query)}\n${variant}` : variant
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,OptionalChaining: the memo only saves time: outcomes is there whenever key is, and not reading it recomputes the same answer
    let outcome = key === undefined ? undefined : outcomes?.get(key)
    if (outcome === undefined) {
      let headers = description?.headers
      if (!headers) {
        // Only the headers the operation declares: the validator looks at no others.
        headers = {}
        for (const name of names) {
          headers[name] = c.req.header(name)
        }
      }
      outcome = validate(validator, match, query, headers, mediaType, body, requestMediaType)
      // Stryker disable next-line LogicalOperator,EqualityOperator,BlockStatement: outcomes and key are set together; not remembering only costs time
      if (outcomes && key !== undefined) {
        // Stryker disable next-line CallExpression: the memo only saves time: bypassing it recomputes the same answer
        outcomes.set(key, outcome)
      }
    }
    if ('status' in outcome) {
      return options.onInvalid(c, outcome)
    }
    c.set('request', outcome)
    return undefined
  }
}

// Stryker disable next-line ArrayDeclaration: read only for an operation without an operationId, which a valid spec has not
const noNames: readonly string[] = []

const noBody = (
  contentType: string | undefined,
): { mediaType: string | undefined; value: undefined; problem?: string } => ({
  mediaType: mediaTypeOf(contentType),
  value: undefined,
})

let validatorModule: Promise<typeof import('@contactkit/specs/validator')> | undefined

/**
 * The validator module (ajv and its formats, a hundred CommonJS files) takes longer to load than
 * the rest of a simulator, so it loads on the first request that is validated: a simulator starts
 * serving without it, and its admin API and pages never wait for it.
 */
function loadValidator(): Promise<typeof import('@contactkit/specs/validator')> {
  validatorModule ??= import('@contactkit/specs/validator')
  return validatorModule
}

interface Remembered {
  match: OperationMatch | null
  /** Outcomes by what the description (or, without one, the method and path) leaves open. */
  outcomes: BoundedMemo<string, ValidatedRequest | Invalid>
}

// A simulator sees few distinct requests: past this many, a memo starts again (see BoundedMemo).
const rememberedPerValidator = 1000

/**
 * Checks one request against the operation it matched, as `specValidation` does before a handler
 * runs (file parts of a multipart body checked as their names): the coerced request, or why it is
 * invalid. For a request seen outside a simulator (the recording proxy).
 *
 * @example
 * const match = validator.matchOperation('GET', '/contacts/1126.json')
 * const outcome = checkRequest(validator, match, { query: { start: '-1' }, headers: {} })
 * if ('status' in outcome) console.log(outcome.message) // "start must be >= 0."
 */
export function checkRequest(
  validator: Validator,
  match: OperationMatch,
  input: {
    query: Record<string, string | undefined>
    headers: Record<string, string | undefined>
    mediaType?: string
    body?: unknown
  },
): ValidatedRequest | Invalid {
  return validate(validator, match, input.query, input.headers, input.mediaType, input.body, input.mediaType)
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
  for (const operation of openApiModel(document).operations) {
    // Dropping the filter gives more names than the declared headers, which only add values to a
    // memo key, and dropping toLowerCase changes nothing as headers are looked up without regard to
    // case. The filter's `true` (a superset too) survives as an explained equivalent mutant.
    // Stryker disable MethodExpression
    const headers = operation.parameters
      .filter((parameter) => parameter.in === 'header')
      .map((parameter) => parameter.name.toLowerCase())
    names.set(operation.operationId, [...new Set(headers)])
    // Stryker restore MethodExpression
  }
  return names
}

/**
 * The sentence for a request that no operation of the API takes (a 404): its method and path, and
 * where to look. The one wording every vendor's 404 uses, whether the spec or the router found
 * nothing.
 *
 * @example
 * noSuchOperation('GET', '/nowhere') // 'There is no GET /nowhere; check the path against the API reference.'
 */
export function noSuchOperation(method: string, path: string): string {
  return `There is no ${method} ${path}; check the path against the API reference.`
}

function invalid(problems: Problem[]): Invalid {
  const unsupported = problems.find((problem) => problem.kind === 'unsupported-media-type')
  return unsupported
    ? { status: 415, problems: [unsupported], message: describeProblems([unsupported]) }
    : { status: 400, problems, message: describeProblems(problems) }
}

/**
 * The problems joined with "; ", each naming its field by where it is: `body.phoneNumbers.0.type
 * must be one of: …`, `query.page[limit] must be <= 100`. For a vendor whose errors say which field.
 *
 * @example
 * vendorError(c, 400, `The request is not valid: ${locatedProblems(invalid.problems)}. Fix it and send it again.`)
 */
export function locatedProblems(problems: Problem[]): string {
  return problems
    .map((problem) => {
      const name = problem.location.split('.').at(-1) ?? ''
      return problem.message.startsWith(`${name} `)
        ? `${problem.location}${problem.message.slice(name.length)}`
        : problem.message
    })
    .join('; ')
}

/**
 * The answer to a refused request for a vendor whose API takes JSON: a 404 naming the path (the
 * refusal's own sentence, see `noSuchOperation`), a 415 asking for JSON, or a 400 naming every
 * field by where it is, each in the vendor's error format.
 *
 * @example
 * const check = specCheck(document, { onInvalid: (c, invalid) => refuseJsonRequest(c, invalid, vendorError) })
 */
export function refuseJsonRequest(
  c: Context,
  invalid: Invalid,
  respond: (c: Context, status: number, message: string, details?: { code?: string }) => Response,
  badRequestCode?: string,
): Response {
  if (invalid.status === 404) {
    return respond(c, 404, invalid.message)
  }
  if (invalid.status === 415) {
    const message = invalid.message.charAt(0).toUpperCase() + invalid.message.slice(1)
    return respond(c, 415, `${message} Send the body as JSON.`)
  }
  return respond(
    c,
    400,
    `The request is not valid: ${locatedProblems(invalid.problems)}. Fix it and send it again.`,
    badRequestCode === undefined ? undefined : { code: badRequestCode },
  )
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
  // Stryker disable next-line StringLiteral: a file part without a name still validates as the string a binary field is; no spec here bounds its length
  const asName = (value: unknown) => (value instanceof File ? value.name || 'file' : value)
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, Array.isArray(value) ? value.map(asName) : asName(value)]),
  )
}
