import type { OpenApiDocument } from '@contactkit/specs'
import { createValidator } from '@contactkit/specs/validator'

/** An answer, its body parsed, and what the spec says is wrong with it (nothing, normally). */
export interface Answer {
  status: number
  /** The body parsed when it is JSON; `undefined` otherwise (read `text`). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever fields the answer has.
  body: any
  text: string
  headers: Headers
  /** Problems with the answer against the spec: each test expects none. */
  conformance: string[]
}

export interface CallOptions {
  /** The credential `authorize` turns into an Authorization header; `null` for none. Default: the caller's. */
  token?: string | null
  /** JSON-encoded (with its Content-Type) unless it is a string, which is sent as it is. */
  body?: unknown
  headers?: Record<string, string>
}

/** What a caller sends requests to and checks answers against. */
export interface SpecCallerOptions {
  /** Anything with Hono's `request`: a simulator's `app`. */
  app: { request(path: string, init: RequestInit): Response | Promise<Response> }
  document: OpenApiDocument
  /** The Authorization header for a credential, e.g. `(token) => \`Bearer ${token}\``. */
  authorize: (token: string) => string
  /** The credential sent when a call names none. */
  token: string
}

/** Sends one request to the app and checks its answer against the spec. */
export type Call = (method: string, path: string, options?: CallOptions) => Promise<Answer>

/**
 * A `call` for a vendor's tests: it sends a request in-process (with the vendor's credentials unless
 * told otherwise), reads the answer and checks it against the vendor's spec (status, media type,
 * body), so every test of the simulator also proves that what it received is what the spec says.
 *
 * @example
 * const call = specCaller({ app: sim.app, document: aurinkoDocument, authorize: (t) => `Bearer ${t}`, token })
 * const answer = await call('GET', '/v1/contacts')
 * expect(answer.conformance).toEqual([])
 */
export function specCaller(options: SpecCallerOptions): Call {
  const validator = createValidator(options.document)
  return async (method, path, call = {}) => {
    const token = call.token === undefined ? options.token : call.token
    const headers: Record<string, string> = token === null ? {} : { Authorization: options.authorize(token) }
    if (call.body !== undefined && typeof call.body !== 'string') {
      headers['Content-Type'] = 'application/json'
    }
    Object.assign(headers, call.headers)
    const body =
      call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
    const response = await options.app.request(path, { method, headers, body })
    const text = await response.text()
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
    const parsed = mediaType.endsWith('json') && text ? JSON.parse(text) : undefined
    const match = validator.matchOperation(method, new URL(path, 'http://x').pathname)
    const conformance = match
      ? validator
          .validateResponse(match.operationId, response.status, text ? mediaType : '', parsed ?? text)
          .map((problem) => `${problem.location}: ${problem.message}`)
      : []
    return { status: response.status, body: parsed, text, headers: response.headers, conformance }
  }
}
