import type { OpenApiDocument } from '@contactkit/specs'
import { createValidator, type Problem } from '@contactkit/specs/validator'
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
  return async (c, next) => {
    const description = options.describe ? await options.describe(c) : undefined
    const method = description?.method ?? c.req.method
    const path = description?.path ?? c.req.path
    const match = validator.matchOperation(method, path)
    if (!match) {
      return options.onInvalid(c, {
        status: 404,
        problems: [],
        message: `There is no ${c.req.method} ${c.req.path}; check the path against the API reference.`,
      })
    }
    const read = description && 'body' in description ? undefined : await readBody(c)
    if (read?.problem) {
      return options.onInvalid(c, invalid([{ location: 'body', message: read.problem }]))
    }
    const body = description && 'body' in description ? description.body : read?.value
    const files = fileParts(body)
    const check = validator.validateRequest(match.operationId, {
      path: match.pathParams,
      query: description?.query ?? c.req.query(),
      headers: description?.headers ?? c.req.header(),
      mediaType: description?.mediaType ?? read?.mediaType ?? c.req.header('content-type'),
      body: files ? withFileNames(body as Record<string, unknown>) : body,
    })
    if (check.problems.length > 0) {
      return options.onInvalid(c, invalid(check.problems))
    }
    c.set('request', {
      operationId: match.operationId,
      path: check.path,
      query: check.query,
      headers: check.headers,
      body: files ? { ...(check.body as object), ...files } : check.body,
      mediaType: description?.mediaType ?? read?.mediaType,
    })
    await next()
  }
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
