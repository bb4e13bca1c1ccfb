import type { OpenApiDocument } from '@contactkit/specs'
import { createValidator, type Problem } from '@contactkit/specs/validator'
import { noteOperation } from './parity/operations-seen.js'
import type { SuiteRecording } from './recording.js'

/** A response that broke the spec. */
export interface Violation {
  request: string
  status: number
  problems: Problem[]
}

/** A fetch that checks every response it receives against a spec, and what it found. */
export interface ConformanceRecorder {
  fetch: (request: Request) => Promise<Response>
  /** Responses checked so far. */
  checked: number
  violations: Violation[]
}

/** Turns a response body into what the spec's schema describes; each vendor has its own (Rails XML, S3 XML…). */
export type BodyDecoder = (mediaType: string, text: string) => unknown

/** Options of a conformance recorder. */
export interface ConformanceOptions {
  /** Where every exchange is also recorded (`CONTACTKIT_RECORD`); undefined records nothing. */
  recording?: SuiteRecording
  /**
   * The spec's path for a request's path below the base URL, when the two differ: S3 form URLs
   * end with `/` (the bucket itself), which the s3 spec names `/{bucket}`. Default: as it is.
   */
  specPath?: (path: string) => string
}

/** JSON as JSON, anything else as text: the default for vendors that speak JSON only. */
export const decodeJson: BodyDecoder = (mediaType, text) =>
  mediaType.endsWith('json') && text !== '' ? JSON.parse(text) : text

// Answers from injected faults are the test's own making, not the vendor's.
const faultHeader = 'x-contactkit-fault'

/**
 * Wraps fetch so that every response any test receives is validated against the vendor's spec:
 * the status must be declared, the media type declared for it, and the body, read by the vendor's
 * decoder, must match the schema.
 *
 * @example
 * const conformance = conformanceRecorder(cloudspongeDocument, baseUrl, decodeCloudSponge)
 * const client = createCloudSpongeClient({ ..., fetch: conformance.fetch })
 * afterEach(() => expect(conformance.violations).toEqual([]))
 */
export function conformanceRecorder(
  document: OpenApiDocument,
  baseUrl: string,
  decode: BodyDecoder = decodeJson,
  options: ConformanceOptions = {},
): ConformanceRecorder {
  const send = options.recording?.fetch ?? ((request: Request) => globalThis.fetch(request))
  const validator = createValidator(document)
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '')
  const recorder: ConformanceRecorder = {
    checked: 0,
    violations: [],
    async fetch(request) {
      const response = await send(request)
      if (response.headers.has(faultHeader)) {
        return response
      }
      const below = new URL(request.url).pathname.slice(basePath.length)
      const path = options.specPath ? options.specPath(below) : below
      const label = `${request.method} ${path}`
      const match = validator.matchOperation(request.method, path)
      if (!match) {
        recorder.violations.push({
          request: label,
          status: response.status,
          problems: [{ location: 'path', message: 'no operation in the spec' }],
        })
        return response
      }
      noteOperation(document, match.operationId)
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
      const text = await response.clone().text()
      let body: unknown = text
      try {
        body = decode(mediaType, text)
      } catch (error) {
        recorder.violations.push({
          request: label,
          status: response.status,
          problems: [{ location: 'body', message: `unreadable ${mediaType}: ${(error as Error).message}` }],
        })
        return response
      }
      const problems = validator.validateResponse(match.operationId, response.status, mediaType, body)
      recorder.checked++
      if (problems.length > 0) {
        recorder.violations.push({ request: label, status: response.status, problems })
      }
      return response
    },
  }
  return recorder
}
