import type { Context } from 'hono'
import { bufferedBytes } from './buffered-request.js'

/** A request body read by its Content-Type. */
export interface ParsedBody {
  /** The media type sent, lower-cased, without parameters; undefined without a Content-Type. */
  mediaType: string | undefined
  /**
   * JSON as parsed; form and multipart fields as an object (a repeated name gives an array, a file
   * part a `File`); any other non-empty body as text; undefined when there is no body.
   */
  value: unknown
  /** Why the body could not be read as its Content-Type says (bad JSON, broken multipart). */
  problem?: string
}

// Stryker disable next-line StringLiteral: any key nothing else uses will do
const cacheKey = 'contactkit.parsedBody'

/**
 * Reads the body once by its Content-Type and caches the result on the context, so the vendor's
 * own middleware (credentials sent in a form) and spec validation share one read.
 *
 * @example
 * const { mediaType, value, problem } = await readBody(c)
 */
export async function readBody(c: Context): Promise<ParsedBody> {
  const cached = c.get(cacheKey as never) as ParsedBody | undefined
  if (cached) {
    return cached
  }
  const parsed = await parse(c)
  c.set(cacheKey as never, parsed as never)
  return parsed
}

/**
 * The media type of a Content-Type header: lower-cased, without parameters; undefined without one.
 *
 * @example
 * mediaTypeOf('Application/JSON; charset=utf-8') // 'application/json'
 */
export function mediaTypeOf(header: string | null | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined
}

function parse(c: Context): Promise<ParsedBody> {
  return parseRequestBody(c.req.raw)
}

/**
 * Reads a request's body by its Content-Type, as `readBody` does, for a request outside a Hono
 * context (the recording proxy checks what passed through it). Consumes the body.
 *
 * @example
 * const { mediaType, value, problem } = await parseRequestBody(new Request(url, { method: 'POST', headers, body }))
 */
export async function parseRequestBody(request: Request): Promise<ParsedBody> {
  const mediaType = mediaTypeOf(request.headers.get('content-type'))
  // GET and HEAD need no test of their own: a Request of either method cannot carry a body.
  // A body the core read already is looked at as bytes: asking for a stream would make one.
  const buffered = bufferedBytes(request)
  // Stryker disable next-line BlockStatement: reading a missing body gives '', answered the same way below
  if (buffered ? buffered.byteLength === 0 : !request.body) {
    return { mediaType, value: undefined }
  }
  if (mediaType === 'multipart/form-data') {
    try {
      return { mediaType, value: fields(await request.formData()) }
    } catch {
      // A body over its limit fails here too; the core answers 413 for it whatever this returns.
      return {
        mediaType,
        value: undefined,
        problem: 'the body is not valid multipart/form-data (check the boundary in the Content-Type)',
      }
    }
  }
  const text = await request.text()
  if (text === '') {
    return { mediaType, value: undefined }
  }
  if (mediaType === 'application/json' || mediaType?.endsWith('+json')) {
    try {
      return { mediaType, value: JSON.parse(text) }
    } catch (error) {
      return { mediaType, value: undefined, problem: `the body is not valid JSON (${(error as Error).message})` }
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    return { mediaType, value: fields(new URLSearchParams(text)) }
  }
  return { mediaType, value: text }
}

function fields(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, value] of entries) {
    const previous = result[name]
    result[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value]
  }
  return result
}
