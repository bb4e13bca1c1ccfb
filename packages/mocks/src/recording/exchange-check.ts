import type { OpenApiDocument } from '@contactkit/specs'
import { createValidator, type Problem } from '@contactkit/specs/validator'
import { mediaTypeOf, parseRequestBody } from '../core/request-body.js'
import { adminPrefix } from '../core/simulator.js'
import { checkRequest } from '../core/spec-validation.js'
import type { StreamedFormReading } from './streamed-form.js'
import type { Violation } from './violations.js'

/** Turns an answer's body into what the spec's schema describes; undefined when it cannot (the body is then not checked). */
export type ResponseDecoder = (mediaType: string, text: string) => unknown

/** Options of an exchange checker. */
export interface ExchangeCheckerOptions {
  /**
   * Reads answer bodies that are not JSON (CloudSponge's Rails XML, S3's XML). Without one, such a
   * body is not checked; its status and media type still are.
   */
  decode?: ResponseDecoder
}

/** A request as it passed through: the body is undefined when there was none or it was too large to check. */
export interface SeenRequest {
  method: string
  /** The path as the client sent it, without the query. */
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  body?: Uint8Array
  /** The body was larger than what was kept: it is not checked, unless `form` read it as it passed. */
  bodyTooLarge?: boolean
  /** A multipart body too large to keep, its fields read as it streamed past (`StreamedForm`): checked instead of `body`. */
  form?: StreamedFormReading
}

/** What checking a request found: the operation it is (when the spec knows it) and what broke the spec. */
export interface RequestFindings {
  operationId?: string
  violations: Violation[]
}

/** Checks requests and answers that passed through a proxy against one vendor's spec. */
export interface ExchangeChecker {
  /** The operation a request is for, when the spec has one. */
  operationOf(method: string, path: string): string | undefined
  request(request: SeenRequest): Promise<RequestFindings>
  /** The body is undefined when it was too large to check; its status and media type are checked. */
  response(
    operationId: string,
    status: number,
    contentType: string | undefined,
    body: Uint8Array | undefined,
  ): Violation[]
}

/**
 * Checks exchanges against a vendor's spec with the same validator and request reading the
 * simulators use: path, query, declared headers and the body by its Content-Type for a request;
 * status, media type and body for an answer. Never throws on what it is given.
 *
 * @example
 * const checker = createExchangeChecker(cloudspongeDocument)
 * const { operationId, violations } = await checker.request({ method: 'GET', path: '/events/1', query, headers })
 * violations.push(...checker.response(operationId, 200, 'application/json', bytes))
 */
export function createExchangeChecker(
  document: OpenApiDocument,
  options: ExchangeCheckerOptions = {},
): ExchangeChecker {
  const validator = createValidator(document)
  const match = (method: string, path: string) =>
    validator.matchOperation(method, path) ??
    // S3's form URL ends with a slash (the bucket itself); its spec names the path without it.
    (path.length > 1 && path.endsWith('/') ? validator.matchOperation(method, path.slice(0, -1)) : undefined)

  return {
    operationOf: (method, path) => match(method, path)?.operationId,

    async request(request) {
      const found = match(request.method, request.path)
      // A simulator's control plane (`/__admin/clock` when the upstream is a simulator) is no vendor
      // operation, and no vendor serves it: it passes, and is recorded, with nothing to check.
      if (!found && isAdminPath(request.path)) {
        return { violations: [] }
      }
      if (!found) {
        return {
          violations: [
            { in: 'request', where: 'path', what: `the spec has no operation for ${request.method} ${request.path}` },
          ],
        }
      }
      const contentType = request.headers['content-type']
      let body: unknown
      let bodyChecked = !request.bodyTooLarge
      const violations: Violation[] = []
      if (request.bodyTooLarge && request.form) {
        bodyChecked = request.form.problem === undefined
        if (request.form.problem) {
          violations.push({ in: 'request', where: 'body', what: request.form.problem })
        }
        body = request.form.value
      } else if (request.body && request.body.byteLength > 0 && bodyChecked) {
        const read = await parseRequestBody(
          new Request('http://proxy.invalid/', {
            method: 'POST',
            headers: contentType === undefined ? {} : { 'content-type': contentType },
            body: request.body as Uint8Array<ArrayBuffer>,
          }),
        )
        if (read.problem) {
          violations.push({ in: 'request', where: 'body', what: read.problem })
          bodyChecked = false
        }
        body = read.value
      }
      const outcome = checkRequest(validator, found, {
        query: Object.fromEntries(request.query),
        headers: request.headers,
        mediaType: mediaTypeOf(contentType),
        body,
      })
      if ('status' in outcome) {
        violations.push(...located('request', outcome.problems, bodyChecked))
      }
      return { operationId: found.operationId, violations }
    },

    response(operationId, status, contentType, bytes) {
      const mediaType = mediaTypeOf(contentType) ?? ''
      let body: unknown
      let bodyChecked = bytes !== undefined
      if (bytes !== undefined) {
        const text = new TextDecoder().decode(bytes)
        try {
          body = decodeBody(mediaType, text, options.decode)
        } catch (error) {
          return [{ in: 'response', where: 'body', what: `not readable as ${mediaType}: ${(error as Error).message}` }]
        }
        if (body === undefined && text !== '') {
          bodyChecked = false
        }
      }
      return located('response', validator.validateResponse(operationId, status, mediaType, body), bodyChecked)
    },
  }
}

function isAdminPath(path: string): boolean {
  return path === adminPrefix || path.startsWith(`${adminPrefix}/`)
}

function decodeBody(mediaType: string, text: string, decode: ResponseDecoder | undefined): unknown {
  if (text === '') {
    return undefined
  }
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    return JSON.parse(text)
  }
  const decoded = decode?.(mediaType, text)
  if (decoded !== undefined) {
    return decoded
  }
  return mediaType.endsWith('xml') ? undefined : text
}

function located(side: Violation['in'], problems: Problem[], bodyChecked: boolean): Violation[] {
  return problems
    .filter((problem) => bodyChecked || !problem.location.startsWith('body'))
    .map((problem) => ({ in: side, where: problem.location, what: problem.message }))
}
