import type { OpenApiDocument } from '@contactkit/specs'
import { createValidator, type Problem } from '@contactkit/specs/validator'
import type { Context, MiddlewareHandler } from 'hono'

/** A request as the vendor understands it: its canonical method and path, and its parameters. */
export interface RequestDescription {
  method: string
  path: string
  query: Record<string, string | undefined>
  body?: unknown
}

/** A request that passed validation, its values coerced to the spec's types. */
export interface ValidatedRequest {
  operationId: string
  path: Record<string, unknown>
  query: Record<string, unknown>
  body: unknown
}

export interface SpecValidationOptions<E extends SpecValidationEnv = SpecValidationEnv> {
  /**
   * Reads the request as the spec describes it. Vendors that accept aliases (a trailing slash,
   * a suffix before the id, GET for POST) return the canonical form here.
   */
  describe(c: Context<E>): RequestDescription | Promise<RequestDescription>
  /** The vendor's error answer; `problems` is empty when the spec has no such operation. */
  onInvalid(c: Context<E>, problems: Problem[]): Response | Promise<Response>
}

export type SpecValidationEnv = { Variables: { request: ValidatedRequest } }

/**
 * Validates every request against the vendor's spec before its handler runs, and hands the
 * handler the coerced values as `c.var.request`.
 *
 * @example
 * routes.use('*', specValidation(document, { describe, onInvalid: (c, problems) => badRequest(c, problems) }))
 * routes.get('/events/:id', (c) => c.json(events(c.var.request.path.import_id)))
 */
export function specValidation<E extends SpecValidationEnv>(
  document: OpenApiDocument,
  options: SpecValidationOptions<E>,
): MiddlewareHandler<E> {
  const validator = createValidator(document)
  return async (c, next) => {
    const description = await options.describe(c)
    const match = validator.matchOperation(description.method, description.path)
    if (!match) {
      return options.onInvalid(c, [])
    }
    const check = validator.validateRequest(match.operationId, {
      path: match.pathParams,
      query: description.query,
      body: description.body,
    })
    if (check.problems.length > 0) {
      return options.onInvalid(c, check.problems)
    }
    c.set('request', { operationId: match.operationId, path: check.path, query: check.query, body: check.body })
    await next()
  }
}

/** Joins problems into one sentence: "start must be >= 0; service is required." */
export function describeProblems(problems: Problem[]): string {
  return `${problems.map((problem) => problem.message).join('; ')}.`
}
