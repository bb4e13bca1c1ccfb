import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'

/**
 * The decoder of a `Content-Encoding` (gzip, deflate, br), or undefined for identity and for an
 * encoding Node cannot read: a recording keeps such a body as sent.
 *
 * @example
 * const decode = contentDecoder(response.headers['content-encoding'])
 * const text = decode ? decode(bytes) : bytes
 */
export function contentDecoder(contentEncoding: string | undefined): ((bytes: Uint8Array) => Uint8Array) | undefined {
  switch (contentEncoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync
    case 'deflate':
      return inflateSync
    case 'br':
      return brotliDecompressSync
    default:
      return undefined
  }
}
