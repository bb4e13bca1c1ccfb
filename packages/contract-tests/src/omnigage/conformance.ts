import { omnigageDocument } from '@contactkit/specs/omnigage'
import { s3Document } from '@contactkit/specs/s3'
import { type ConformanceOptions, conformanceRecorder, type Violation } from '../conformance.js'
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
  // Form posts go to whatever host the upload names: their paths are read from the root.
  const s3 = conformanceRecorder(s3Document, 'http://s3.invalid/', decodeS3, {
    ...options,
    specPath: (path) => path.replace(/(.)\/$/, '$1'),
  })
  const send = options.recording?.fetch ?? ((request: Request) => globalThis.fetch(request))
  const apiOrigin = new URL(baseUrl).origin
  return {
    fetch(request) {
      const url = new URL(request.url)
      if (url.origin === apiOrigin) {
        return api.fetch(request)
      }
      if (request.method === 'POST') {
        return s3.fetch(request)
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
