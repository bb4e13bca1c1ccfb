import type { OpenApiDocument } from '@contactkit/specs'
import { openApiModel } from '@contactkit/specs/openapi-model'
import type { components } from '@contactkit/specs/s3'
import { createValidator, type Problem } from '@contactkit/specs/validator'
import { type Context, Hono } from 'hono'
import { bufferedBytes } from '../core/buffered-request.js'
import type { Clock } from '../core/clock.js'
import { BoundedMemo } from '../core/kit/memo.js'
import { publicOrigin } from '../core/public-origin.js'
import { mediaTypeOf } from '../core/request-body.js'
import { respondWith } from '../core/simulator.js'
import { httpDate } from '../core/time-format.js'
import { type BucketConfig, type BucketStore, type ExpirationRule, md5ETag, type StoredObject } from './buckets.js'
import { preflightHeaders } from './cors.js'
import type { CredentialStore } from './credentials.js'
import { failures, type S3Failure, s3Error, s3Headers } from './errors.js'
import { PostForm } from './form.js'
import { type FilePart, readPostForm } from './multipart.js'
import { type AcceptedForm, checkFileSize, checkPostForm, type PostContext } from './post-checks.js'
import { xmlDocument } from './xml.js'

export interface S3RoutesOptions {
  document: OpenApiDocument
  clock: Clock
  buckets: BucketStore
  credentials: CredentialStore
  /** Where `POST /` goes when the host name names no bucket. */
  defaultBucket: string
  publicUrl?: string
}

/** How a request named its bucket: in the path, or in the host name (`<bucket>.s3.amazonaws.com`). */
type Addressing = { bucket: string; virtual: boolean }

/** S3's limit on the form's fields before the file: 20 KB. */
const maxFieldBytes = 20 * 1024
const methodsAllowed = new Set(['GET', 'HEAD', 'POST'])

/**
 * S3's browser-upload endpoint: `POST /{bucket}` (path-style) and `POST /` (the bucket in the host
 * name, else the default bucket), each with its CORS preflight. The path and headers are checked
 * against the spec; the form is read as a stream and checked by S3's own rules, in S3's order,
 * with S3's errors.
 *
 * @example
 * app.route('/', s3Routes({ document, clock, buckets, credentials, defaultBucket: 'contactkit-uploads' }))
 */
export function s3Routes(options: S3RoutesOptions): Hono {
  const routes = new Hono()
  const validator = createValidator(options.document)
  const { clock } = options

  // Each operation's declared headers: the only ones validation reads, so the only ones copied.
  const headerNames = new Map(
    openApiModel(options.document).operations.map((operation) => [
      operation.operationId,
      operation.parameters
        .filter((parameter) => parameter.in === 'header')
        .map((parameter) => parameter.name.toLowerCase()),
    ]),
  )
  // The spec's verdict is a function of the operation, the bucket's name and the declared headers:
  // remembered, so a client posting form after form is not validated again each time.
  const verdicts = new BoundedMemo<string, Problem | null>(1000)

  // The spec speaks for the path and the headers; the body is a stream that S3's own rules check.
  const requestFailure = (c: Context, operationId: string, addressing: Addressing): S3Failure | undefined => {
    // A header not sent stays undefined, which the validator leaves out.
    const headers: Record<string, string | undefined> = {}
    let key = `${operationId}\n${addressing.bucket}`
    // Every operation these routes name is in the spec.
    for (const name of headerNames.get(operationId) as string[]) {
      const value = c.req.header(name)
      headers[name] = value
      // JSON keeps a header not sent (undefined) apart from every value (a quoted string).
      key += `\n${JSON.stringify(value)}`
    }
    const problem = verdicts.remember(key, () => {
      const check = validator.validateRequest(operationId, {
        // A virtual-hosted operation has no path parameter: the validator leaves the bucket out.
        path: { bucket: addressing.bucket },
        query: {},
        headers,
      })
      return check.problems.find((candidate) => candidate.location !== 'body') ?? null
    })
    if (!problem) {
      return options.buckets.has(addressing.bucket) ? undefined : failures.noSuchBucket(addressing.bucket)
    }
    // The spec gives a request two things to get wrong: the bucket's name in the path (every
    // header it declares is any string) and the encryption asked for.
    return problem.location === 'path.bucket'
      ? failures.invalidBucketName(addressing.bucket)
      : failures.badEncryption(headers['x-amz-server-side-encryption'] as string)
  }

  const post = (operationId: string) => async (c: Context) => {
    const addressing = addressingOf(c, options.defaultBucket)
    const refused = requestFailure(c, operationId, addressing)
    if (refused) {
      return s3Error(c, clock, refused)
    }
    const contentType = c.req.header('content-type')
    if (mediaTypeOf(contentType) !== 'multipart/form-data') {
      return s3Error(c, clock, failures.notMultipart())
    }
    // A small body the core read whole is parsed from its bytes; a larger one as it streams in.
    const body = bufferedBytes(c.req.raw) ?? c.req.raw.body
    if (!body) {
      return s3Error(c, clock, failures.malformed())
    }
    const context: PostContext = {
      bucket: addressing.bucket,
      credentials: options.credentials,
      clock,
      encryptionHeader: c.req.header('x-amz-server-side-encryption'),
    }
    let checked: AcceptedForm | S3Failure | undefined
    const contentLength = Number(c.req.header('content-length'))
    const reading = await readPostForm(body, {
      contentType: contentType as string, // multipart/form-data, so sent
      // Absent or unreadable: NaN. One of 0 or less only sets nothing aside.
      ...(Number.isSafeInteger(contentLength) ? { contentLength } : {}),
      maxFieldBytes,
      // Checked as the file begins: a form S3 refuses is not read further, an accepted one up to its maximum.
      fileLimit: async (fields, file) => {
        checked = await checkPostForm(new PostForm(fields), file, context)
        return 'status' in checked ? 0 : checked.maxFileBytes
      },
    })
    switch (reading.kind) {
      case 'malformed':
        return s3Error(c, clock, failures.malformed())
      case 'fields-too-large':
        return s3Error(c, clock, failures.preDataTooLarge())
      case 'no-file': {
        const accepted = await checkPostForm(new PostForm(reading.fields), undefined, context)
        return s3Error(c, clock, 'status' in accepted ? accepted : failures.noFile())
      }
      case 'file-too-large': {
        const accepted = checked as AcceptedForm | S3Failure
        if ('status' in accepted) {
          return s3Error(c, clock, accepted)
        }
        // Past the least maximum of the policy and S3: a range, in the policy's order, or S3's limit fails.
        return s3Error(c, clock, checkFileSize(accepted, reading.proposedSize) as S3Failure)
      }
      case 'complete': {
        const accepted = checked ?? (await checkPostForm(new PostForm(reading.fields), reading.file, context))
        const failure = 'status' in accepted ? accepted : checkFileSize(accepted, reading.file.size)
        if (failure) {
          return s3Error(c, clock, failure)
        }
        const stored = store(options.buckets, addressing.bucket, accepted as AcceptedForm, reading.file)
        return answerStored(c, options, addressing, accepted as AcceptedForm, stored, context.encryptionHeader)
      }
    }
  }

  const preflight = (operationId: string) => (c: Context) => {
    const addressing = addressingOf(c, options.defaultBucket)
    const refused = requestFailure(c, operationId, addressing)
    if (refused) {
      return s3Error(c, clock, refused)
    }
    const origin = c.req.header('origin')
    if (!origin) {
      return s3Error(c, clock, failures.originMissing())
    }
    const method = c.req.header('access-control-request-method') ?? ''
    if (!methodsAllowed.has(method)) {
      return s3Error(c, clock, failures.corsRefused(method))
    }
    const headers = {
      ...s3Headers(c, clock),
      ...preflightHeaders(origin, c.req.header('access-control-request-headers')),
    }
    return respondWith(c, null, 200, headers)
  }

  routes.post('/', post('postObjectVirtualHosted'))
  routes.post('/:bucket', post('postObject'))
  routes.options('/', preflight('preflightPostObjectVirtualHosted'))
  routes.options('/:bucket', preflight('preflightPostObject'))
  return routes
}

// A bucket in the host name: <bucket>.s3.amazonaws.com, <bucket>.s3.<region>.amazonaws.com,
// <bucket>.s3-<region>.amazonaws.com, or <bucket>.localhost for a simulator on this machine.
const virtualHost = /^(.+?)\.(?:s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com|localhost)$/

function addressingOf(c: Context, defaultBucket: string): Addressing {
  const bucket = c.req.param('bucket')
  if (bucket !== undefined) {
    return { bucket, virtual: false }
  }
  const named = virtualHost.exec(new URL(c.req.url).hostname)?.[1]
  return named ? { bucket: named, virtual: true } : { bucket: defaultBucket, virtual: false }
}

function store(buckets: BucketStore, bucket: string, accepted: AcceptedForm, file: FilePart): StoredObject {
  const { bytes } = file
  const { form } = accepted
  const metadata: Record<string, string> = {}
  const headers: Record<string, string> = {}
  for (const name of form.names()) {
    const value = form.get(name) as string
    if (name.startsWith('x-amz-meta-')) {
      metadata[name.slice('x-amz-meta-'.length)] = value
    } else if (storedHeaders.has(name)) {
      headers[name] = value
    }
  }
  return buckets.put({
    bucket,
    key: accepted.key,
    bytes,
    contentType: form.get('content-type') || 'binary/octet-stream',
    etag: md5ETag(bytes),
    metadata,
    headers,
    filename: file.filename,
  })
}

const storedHeaders = new Set(['acl', 'cache-control', 'content-disposition', 'content-encoding', 'expires'])

type PostResponse = components['schemas']['PostResponse']

/** The success S3 answers: a redirect, 200, 201 with a `PostResponse`, or 204, as the form asks. */
function answerStored(
  c: Context,
  options: S3RoutesOptions,
  addressing: Addressing,
  accepted: AcceptedForm,
  object: StoredObject,
  encryptionHeader: string | undefined,
): Response {
  const origin = publicOrigin(c, options.publicUrl)
  const location = addressing.virtual
    ? `${origin}/${encodeKey(object.key)}`
    : `${origin}/${addressing.bucket}/${encodeKey(object.key)}`
  // The object was stored in this bucket a moment ago, with an expiry when the bucket has a rule.
  const rule = (options.buckets.bucket(addressing.bucket) as BucketConfig).lifecycle as ExpirationRule
  const headers: Record<string, string> = {
    ...s3Headers(c, options.clock),
    ETag: object.etag,
    Location: location,
    'x-amz-server-side-encryption': encryptionHeader ?? accepted.form.get('x-amz-server-side-encryption') ?? 'AES256',
    ...(object.expiresAt !== undefined
      ? { 'x-amz-expiration': `expiry-date="${httpDate(object.expiresAt)}", rule-id="${rule.ruleId}"` }
      : {}),
  }
  const redirect = redirectUrl(accepted.form.get('success_action_redirect') ?? accepted.form.get('redirect'))
  if (redirect) {
    redirect.searchParams.append('bucket', addressing.bucket)
    redirect.searchParams.append('key', object.key)
    redirect.searchParams.append('etag', object.etag)
    return respondWith(c, null, 303, { ...headers, Location: redirect.href })
  }
  const status = accepted.form.get('success_action_status')
  if (status === '200') {
    return respondWith(c, null, 200, headers)
  }
  if (status === '201') {
    const document: PostResponse = { Location: location, Bucket: addressing.bucket, Key: object.key, ETag: object.etag }
    const body = xmlDocument('PostResponse', [
      ['Location', document.Location],
      ['Bucket', document.Bucket],
      ['Key', document.Key],
      ['ETag', document.ETag],
    ])
    return respondWith(c, body, 201, { ...headers, 'Content-Type': 'application/xml' })
  }
  return respondWith(c, null, 204, headers)
}

/** An absolute http(s) URL; S3 ignores a redirect it cannot read (a relative path) and answers 204. */
function redirectUrl(value: string | undefined): URL | undefined {
  let url: URL
  try {
    url = new URL(String(value)) // none ("undefined") or a relative path: not a URL
  } catch {
    return undefined
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
}

/**
 * A key as S3 writes it in `Location`: every character but letters, digits and `-_.~`
 * percent-encoded, `/` included.
 *
 * @example
 * encodeKey('uploads/a b.csv') // 'uploads%2Fa%20b.csv'
 */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}
