import { omnigageDocument } from '@contactkit/specs/omnigage'
import { s3Document } from '@contactkit/specs/s3'
import { createValidator } from '@contactkit/specs/validator'
import { type ConformanceOptions, conformanceRecorder, type Violation } from '../conformance.js'
import { noteOperation } from '../parity/operations-seen.js'
import { decodeS3 } from '../s3/decode.js'

/** A fetch for the Omnigage client that checks the API's answers and S3's, and what it found. */
export interface OmnigageConformance {
  fetch: (request: Request) => Promise<Response>
  /** Responses checked so far, API and S3 together. */
  readonly checked: number
  readonly violations: Violation[]
}

/**
 * The Omnigage client sends the API and the S3 form post through one fetch: this one checks each
 * answer against its own spec. Requests to the API's origin are read against the omnigage spec;
 * form posts elsewhere (the upload's `request-url`) against the s3 spec; anything else (a file
 * download from the vendor's storage) goes unchecked, as no spec describes it. A form URL ends
 * with `/` (`…/contactkit-uploads/`), which S3 treats as the bucket itself; the s3 spec names the
 * path `/{bucket}`, so the check reads it without the slash.
 *
 * @example
 * const conformance = omnigageConformance(baseUrl)
 * const client = createOmnigageClient({ ...tokens, baseUrl, fetch: conformance.fetch })
 * afterEach(() => expect(conformance.violations).toEqual([]))
 */
export function omnigageConformance(baseUrl: string, options: ConformanceOptions = {}): OmnigageConformance {
  const api = conformanceRecorder(omnigageDocument, baseUrl, undefined, options)
  const send = options.recording?.fetch ?? ((request: Request) => globalThis.fetch(request))
  const apiOrigin = new URL(baseUrl).origin
  const s3 = { checked: 0, violations: [] as Violation[] }
  return {
    fetch(request) {
      const url = new URL(request.url)
      if (url.origin === apiOrigin) {
        return api.fetch(request)
      }
      if (request.method === 'POST') {
        return checkS3(request, s3, send)
      }
      return send(request)
    },
    get checked() {
      return api.checked + s3.checked
    },
    get violations() {
      return [...api.violations, ...s3.violations]
    },
  }
}

const s3Validator = createValidator(s3Document)

async function checkS3(
  request: Request,
  found: { checked: number; violations: Violation[] },
  send: (request: Request) => Promise<Response>,
): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/(.)\/$/, '$1')
  const label = `${request.method} ${path}`
  const response = await send(request)
  if (response.headers.has('x-contactkit-fault')) {
    return response
  }
  const match = s3Validator.matchOperation(request.method, path)
  if (!match) {
    found.violations.push({
      request: label,
      status: response.status,
      problems: [{ location: 'path', message: 'no operation in the s3 spec' }],
    })
    return response
  }
  noteOperation(s3Document, match.operationId)
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
  const text = await response.clone().text()
  const problems = s3Validator.validateResponse(
    match.operationId,
    response.status,
    mediaType,
    decodeS3(mediaType, text),
  )
  found.checked++
  if (problems.length > 0) {
    found.violations.push({ request: label, status: response.status, problems })
  }
  return response
}
