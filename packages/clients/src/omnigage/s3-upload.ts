import type { components } from '@contactkit/specs/omnigage'
import { ApiError, type VendorErrorDetails } from '../core/errors.js'
import { withRequestPolicy } from '../core/request-policy.js'
import { type RetryOptions, resilientFetch } from '../core/retry.js'
import { type ImportSource, type ResolvedFile, resolveFileSource, UnsupportedFileError } from './file-source.js'

/** An upload as `createUpload` answers it: the presigned S3 form to post the file with. */
export type Upload = components['schemas']['UploadDocument']['data']

export interface UploadToS3Options extends Omit<RetryOptions, 'timeoutMs'> {
  /** The fetch to use; looked up on `globalThis` at each call by default, so MSW can intercept it. */
  fetch?: ((request: Request) => Promise<Response>) | undefined
  signal?: AbortSignal | undefined
  /**
   * Whether a failed post (408, 429, 5xx, network error, timeout) may be sent again. Default
   * `true` for a File, a Blob or a path: S3 stores the same bytes under the same key again, which
   * is harmless. A stream can be read only once, so it is never retried, whatever this says.
   */
  idempotent?: boolean | undefined
  /**
   * The per-attempt timeout, covering the whole upload until S3 answers. Default 60 s plus one
   * second for every 256 KiB of file (the upload must go at 256 KiB/s or faster).
   */
  timeoutMs?: number | undefined
}

/** What S3 said to an accepted upload. */
export interface S3UploadResult {
  /** 204 by default; 200 or 201 when the form asks for them. */
  status: number
  /** Where S3 stored the file (`Location`), when it says. */
  location: string | null
  etag: string | null
  /** S3's `x-amz-request-id`. */
  requestId: string | null
}

/**
 * S3 refused the file (or failed): `code` and `message` are S3's `<Error>` document's, `status`
 * its HTTP status, `requestId` its `x-amz-request-id`; the error's message says what to do.
 */
export class S3UploadError extends ApiError {
  override name = 'S3UploadError'
  /** S3's own sentence, without the advice added to `message`. */
  readonly s3Message: string | undefined

  constructor(status: number, details: VendorErrorDetails, body: unknown, headers: Headers) {
    super(status, { ...details, message: describeS3Failure(status, details) }, body, headers)
    this.s3Message = details.message
  }
}

/** The longest timer a runtime takes (2^31 - 1 ms); a larger one fires at once. */
const maxTimerMs = 2_147_483_647

/**
 * Posts a file to an upload's presigned S3 form as Omnigage's official clients do: each
 * `request-headers` entry as an HTTP header; the `request-form-data` fields in order; a
 * `Content-Type` field with the file's media type; the `file` field last, with its file name.
 * Succeeds on any 2xx (S3 answers 204); anything else throws S3UploadError with S3's code and
 * message. A File, Blob or path is retried on 408, 429, 5xx and network errors (posting the same
 * key again only stores the same bytes again); a stream is posted as it is read and never retried.
 *
 * @example
 * const upload = await omnigage.createUpload({ name: file.name, type: 'text/csv', size: file.size })
 * await uploadToS3(upload, file, { signal })
 */
export async function uploadToS3(
  upload: Upload,
  file: ImportSource | ResolvedFile,
  options: UploadToS3Options = {},
): Promise<S3UploadResult> {
  const resolved = isResolvedFile(file) ? file : await resolveFileSource(file)
  const attributes = upload.attributes
  if (resolved.size > attributes['max-length-in-bytes']) {
    throw new UnsupportedFileError(
      `Cannot upload "${resolved.name}": it is ${resolved.size} bytes and the upload takes at most ${attributes['max-length-in-bytes']}; split the file and import each part.`,
    )
  }
  const headers = new Headers()
  for (const entry of attributes['request-headers']) {
    for (const [name, value] of Object.entries(entry)) {
      headers.set(name, value)
    }
  }
  const fields: Array<[string, string]> = attributes['request-form-data'].flatMap((entry) => Object.entries(entry))
  fields.push(['Content-Type', resolved.type])

  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const url = attributes['request-url']
  // Outside Node a fetch cannot post a stream with its length (browsers stream request bodies
  // only over HTTP/2, which S3 does not speak), so there a stream is read into a Blob first.
  const body = resolved.body instanceof Blob || isNode() ? resolved.body : await new Response(resolved.body).blob()
  const rereadable = body instanceof Blob
  const form = rereadable ? blobForm(fields, { ...resolved, body }) : streamedForm(fields, resolved)
  const retrying = resilientFetch(
    // Each attempt builds its body afresh: a Request holding the file would be cloned for every
    // attempt, and a clone keeps every byte it reads in memory until the other copy is read.
    (attempt) => send(new Request(attempt, { body: form.body(), duplex: 'half' } as RequestInit)),
    {
      maxRetries: options.maxRetries,
      initialDelayMs: options.initialDelayMs,
      maxDelayMs: options.maxDelayMs,
      sleep: options.sleep,
      onRetry: options.onRetry,
    },
  )
  const timeoutMs = Math.min(maxTimerMs, options.timeoutMs ?? 60_000 + Math.ceil(resolved.size / 262_144) * 1000)
  const carrier = withRequestPolicy(
    new Request(url, { method: 'POST', headers: mergeHeaders(headers, form.headers), signal: options.signal ?? null }),
    { idempotent: rereadable ? (options.idempotent ?? true) : false, timeoutMs },
  )
  let response: Response
  try {
    response = await retrying(carrier)
  } catch (error) {
    throw form.failure() ?? error
  }
  if (response.ok) {
    await response.body?.cancel()
    return {
      status: response.status,
      location: response.headers.get('location'),
      etag: response.headers.get('etag'),
      requestId: response.headers.get('x-amz-request-id'),
    }
  }
  const text = await response.text().catch(() => '')
  const details = readS3Error(text)
  details.requestId ??= response.headers.get('x-amz-request-id') ?? undefined
  throw new S3UploadError(response.status, details, text, response.headers)
}

/**
 * Reads S3's XML error document, `<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId></Error>`.
 *
 * @example
 * readS3Error('<Error><Code>AccessDenied</Code><Message>Policy expired.</Message></Error>')
 * // { code: 'AccessDenied', message: 'Policy expired.' }
 */
export function readS3Error(xml: string): VendorErrorDetails {
  const details: VendorErrorDetails = {}
  const element = (name: string) => {
    const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)
    return match?.[1] === undefined ? undefined : decodeXmlText(match[1]).trim()
  }
  const code = element('Code')
  const message = element('Message')
  const requestId = element('RequestId')
  if (code) {
    details.code = code
  }
  if (message) {
    details.message = message
  }
  if (requestId) {
    details.requestId = requestId
  }
  return details
}

/** What went wrong, in S3's words, and what to do about it. */
function describeS3Failure(status: number, { code, message }: VendorErrorDetails): string {
  const said = code ? `${status} ${code}${message ? `: ${message.replace(/[.\s]+$/, '')}` : ''}` : `${status}`
  return `S3 refused the file upload with ${said}. ${adviceFor(status, code, message)}`
}

function adviceFor(status: number, code: string | undefined, message: string | undefined): string {
  // A missing message reads as "undefined", which says nothing of an expiry either.
  if (code === 'AccessDenied' && /expired/i.test(String(message))) {
    return 'The upload form lasts one hour: create a new upload and post the file again.'
  }
  switch (code) {
    case 'AccessDenied':
    case 'SignatureDoesNotMatch':
    case 'InvalidArgument':
    case 'InvalidPolicyDocument':
      return 'The form was changed or sent out of order: post request-form-data exactly as createUpload gave it, in order, then Content-Type, then the file last; if it still fails, create a new upload.'
    case 'EntityTooLarge':
      return 'The file is larger than the upload takes (max-length-in-bytes): split it and import each part.'
    case 'EntityTooSmall':
      return 'The file is smaller than the upload takes: check that the file is not empty.'
    case 'PreconditionFailed':
      return 'S3 takes only a multipart/form-data POST: send the form as uploadToS3 builds it.'
    case 'NoSuchBucket':
      return "The upload's request-url names a bucket that does not exist: create a new upload, and tell Omnigage support if it persists."
    case 'ExpiredToken':
    case 'RequestTimeout':
      return 'Create a new upload and post the file again.'
    default:
      return status >= 500 || status === 429
        ? 'S3 failed or is busy: wait a moment and post the file again (uploadToS3 retries this itself unless told idempotent: false).'
        : 'Create a new upload and post the file again; if it keeps failing, quote the request id to Omnigage support.'
  }
}

/** The named entities of XML besides `&amp;` (decoded last, so `&amp;lt;` stays `&lt;`). */
const namedEntities = { lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(lt|gt|quot|apos);/g, (_, name: keyof typeof namedEntities) => namedEntities[name])
    .replace(/&amp;/g, '&')
}

function isResolvedFile(file: ImportSource | ResolvedFile): file is ResolvedFile {
  // Neither a Blob nor a stream source has a `body`.
  return typeof file === 'object' && file !== null && 'body' in file
}

/** How one attempt's body is built. */
interface FormBuilder {
  /** The headers the body needs (its type and length), when the runtime does not write them. */
  headers: Headers
  body(): FormData | ReadableStream<Uint8Array>
  /** Why the body failed, when it was the body's fault. */
  failure(): Error | undefined
}

/** A FormData over the Blob: the runtime writes the multipart body and its length, reading the file as it goes. */
function blobForm(fields: Array<[string, string]>, file: ResolvedFile): FormBuilder {
  // The file part carries the media type given, whatever the Blob says (Windows browsers call a CSV
  // application/vnd.ms-excel); a slice shares the bytes.
  const blob = (file.body as Blob).slice(0, file.size, file.type)
  return {
    headers: new Headers(),
    body() {
      const form = new FormData()
      for (const [name, value] of fields) {
        form.append(name, value)
      }
      form.append('file', blob, file.name)
      return form
    },
    failure: () => undefined,
  }
}

/**
 * The multipart body written by hand around a stream of known size, with its `Content-Length`
 * (S3 takes no chunked POST): the stream is posted as it is read, never held in memory.
 */
function streamedForm(fields: Array<[string, string]>, file: ResolvedFile): FormBuilder {
  const headers = new Headers()
  const boundary = `----contactkit${crypto.randomUUID().replace(/-/g, '')}`
  const encoder = new TextEncoder()
  const head = encoder.encode(
    fields
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escapeName(file.name)}"\r\n` +
      `Content-Type: ${file.type}\r\n\r\n`,
  )
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`)
  headers.set('Content-Type', `multipart/form-data; boundary=${boundary}`)
  headers.set('Content-Length', String(head.byteLength + file.size + tail.byteLength))
  let lengthError: Error | undefined
  return {
    headers,
    // Called once: a stream's post is never retried (and a second reader of it would be refused).
    body() {
      const reader = (file.body as ReadableStream<Uint8Array>).getReader()
      let sent = 0
      let headSent = false
      return new ReadableStream<Uint8Array>({
        // Not called again once the stream is closed or errored.
        async pull(controller) {
          if (!headSent) {
            headSent = true
            controller.enqueue(head)
            return
          }
          const { done, value } = await reader.read()
          if (!done) {
            sent += value.byteLength
            if (sent <= file.size) {
              controller.enqueue(value)
              return
            }
          }
          if (sent !== file.size) {
            lengthError = new UnsupportedFileError(
              `Cannot post "${file.name}": the stream gave ${sent}${done ? '' : ' or more'} bytes, not the ${file.size} its size says; give the right size, or none to have it counted.`,
            )
            await reader.cancel(lengthError).catch(() => {})
            controller.error(lengthError)
            return
          }
          controller.enqueue(tail)
          controller.close()
        },
        cancel: (reason) => reader.cancel(reason),
      })
    },
    failure: () => lengthError,
  }
}

function mergeHeaders(...sources: Headers[]): Headers {
  const merged = new Headers()
  for (const source of sources) {
    source.forEach((value, name) => {
      merged.set(name, value)
    })
  }
  return merged
}

function isNode(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string'
}

/** A form field's name or file name inside its quotes, escaped as browsers do. */
function escapeName(name: string): string {
  return name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')
}
