import type { ErrorBodyReader, VendorErrorDetails } from '../core/errors.js'

/** Omnigage's error body: `{ "errors": [{ "detail": "…", "code": 100 }] }`. */
interface OmnigageErrorBody {
  errors?: unknown
}

/**
 * Reads Omnigage's error body, `{ "errors": [{ "detail": "…", "code": 100 }] }`: the message is every
 * `detail` in order, the code the first entry's (100 for a request that is not valid, otherwise the
 * HTTP status), as a string. A body that is not JSON (`invalid_client` from the token check) is the
 * message itself.
 *
 * @example
 * readOmnigageError({ errors: [{ detail: 'Upload "x" was not found.', code: 404 }] }, response)
 * // { code: '404', message: 'Upload "x" was not found.' }
 */
export const readOmnigageError: ErrorBodyReader = (body) => {
  if (typeof body === 'string') {
    return body.trim() === '' ? {} : { message: body.trim() }
  }
  const { errors } = (typeof body === 'object' && body !== null ? body : {}) as OmnigageErrorBody
  if (!Array.isArray(errors)) {
    return {}
  }
  const details: VendorErrorDetails = {}
  const sentences: string[] = []
  for (const entry of errors) {
    const { detail, code } = (typeof entry === 'object' && entry !== null ? entry : {}) as {
      detail?: unknown
      code?: unknown
    }
    if (typeof detail === 'string' && detail.trim() !== '') {
      sentences.push(detail.trim())
    }
    if (details.code === undefined && (typeof code === 'number' || typeof code === 'string') && code !== '') {
      details.code = String(code)
    }
  }
  if (sentences.length > 0) {
    // Several details read as one paragraph: each ends with its own full stop.
    details.message =
      sentences.length === 1
        ? sentences[0]
        : sentences.map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' ')
  }
  return details
}
