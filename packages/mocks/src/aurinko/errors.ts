import type { Context } from 'hono'
import { jsonHeaders } from '../core/kit/json.js'
import { respondWith } from '../core/simulator.js'

/**
 * The `code`s the simulator writes. `unauthorized`, `token.dead`, `syncToken.expired` and
 * `badRequest` are the vendor's own; `token.notValid` is what its Java SDK looks for on a bad
 * token; `not_found` comes from its SDK's fixtures; the rest are ours where the vendor documents
 * only the status (see docs/decisions/aurinko-behaviour.md).
 */
export const errorCodes = {
  badRequest: 'badRequest',
  tokenNotValid: 'token.notValid',
  unauthorized: 'unauthorized',
  tokenDead: 'token.dead',
  notFound: 'not_found',
  tokenExpired: 'syncToken.expired',
  preconditionFailed: 'preconditionFailed',
  payloadTooLarge: 'payloadTooLarge',
  unsupportedMediaType: 'unsupportedMediaType',
  rateLimited: 'rateLimited',
  internalError: 'internalError',
} as const

// The code for a status when the caller names none (faults, 404s of unknown paths, HTTPExceptions).
const codeByStatus: Record<number, string> = {
  400: errorCodes.badRequest,
  401: errorCodes.unauthorized,
  403: 'forbidden',
  404: errorCodes.notFound,
  405: 'methodNotAllowed',
  408: 'requestTimeout',
  409: 'conflict',
  410: 'gone',
  412: errorCodes.preconditionFailed,
  413: errorCodes.payloadTooLarge,
  415: errorCodes.unsupportedMediaType,
  429: errorCodes.rateLimited,
}

const unauthorizedHeaders = Object.freeze({ ...jsonHeaders, 'WWW-Authenticate': 'Bearer realm="Aurinko"' })

/**
 * Answers with Aurinko's error body, `{code, message, requestId}`; `requestId` is the id the core
 * gave the request (also in `X-Request-Id`). The core uses it for 404s of unknown paths, 413s,
 * 415s, 500s, faults and validation failures.
 *
 * @example
 * return aurinkoError(c, 410, 'syncToken expired.', { code: errorCodes.tokenExpired })
 */
export function aurinkoError(c: Context, status: number, message: string, details?: { code?: string }): Response {
  const code = details?.code ?? codeByStatus[status] ?? (status >= 500 ? errorCodes.internalError : 'error')
  const requestId = c.get('requestId' as never) as string | undefined
  // JSON leaves out an undefined requestId.
  const body = JSON.stringify({ code, message, requestId })
  return respondWith(c, body, status, status === 401 ? unauthorizedHeaders : jsonHeaders)
}
