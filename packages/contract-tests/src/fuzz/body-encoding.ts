import { wireText } from './fuzz-request.js'

/** A request body ready to send: its bytes or text and the Content-Type to label it with. */
export interface EncodedBody {
  /** Undefined sends no Content-Type header at all. */
  contentType?: string
  body?: string | Uint8Array<ArrayBuffer>
  /** Other headers the body needs (a Content-Encoding it claims). */
  headers?: [string, string][]
}

/** The media types the generator can write correctly; others fall back to JSON. */
export const supportedMediaTypes = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']

export const multipartBoundary = 'contactkit-fuzz-7MA4YWxkTrZu0gW'

/**
 * Writes body fields in a media type exactly as a correct client would.
 *
 * @example
 * encodeBody('application/x-www-form-urlencoded', { service: 'icloud', username: 'a b' })
 * // { contentType: 'application/x-www-form-urlencoded', body: 'service=icloud&username=a+b' }
 */
export function encodeBody(mediaType: string, fields: unknown): EncodedBody {
  const type = mediaType.toLowerCase()
  if (type === 'application/x-www-form-urlencoded') {
    return { contentType: mediaType, body: formText(fields) }
  }
  if (type === 'multipart/form-data') {
    return { contentType: `multipart/form-data; boundary=${multipartBoundary}`, body: multipartText(fields) }
  }
  if (type.startsWith('text/')) {
    return { contentType: mediaType, body: wireText(fields) }
  }
  return { contentType: type.includes('json') ? mediaType : 'application/json', body: JSON.stringify(fields ?? null) }
}

/** Field entries in order; arrays repeat their key, absent values are left out. */
export function formEntries(fields: unknown): [string, string][] {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return fields === undefined ? [] : [['value', wireText(fields)]]
  }
  const entries: [string, string][] = []
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) {
      continue
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      entries.push([name, wireText(item)])
    }
  }
  return entries
}

/**
 * `application/x-www-form-urlencoded` text.
 *
 * @example
 * formText({ a: 'x y', b: ['1', '2'] }) // 'a=x+y&b=1&b=2'
 */
export function formText(fields: unknown): string {
  return new URLSearchParams(formEntries(fields)).toString()
}

/**
 * `multipart/form-data` text with {@link multipartBoundary}, names escaped as browsers do.
 *
 * @example
 * multipartText({ a: '1' }) // '--contactkit-fuzz-…\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--contactkit-fuzz-…--\r\n'
 */
export function multipartText(fields: unknown, boundary = multipartBoundary): string {
  const escapeName = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const parts = formEntries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`,
  )
  return `${parts.join('')}--${boundary}--\r\n`
}
