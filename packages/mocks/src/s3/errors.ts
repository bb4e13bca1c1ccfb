import type { components } from '@contactkit/specs/s3'
import type { Context } from 'hono'
import type { Clock } from '../core/clock.js'
import { type ErrorResponder, respondWith } from '../core/simulator.js'
import { httpDate } from '../core/time-format.js'
import { corsHeaders } from './cors.js'
import { xmlDocument } from './xml.js'

/** S3's error document, as the spec describes it. */
export type S3ErrorBody = components['schemas']['Error']

/** Elements an error carries between `Message` and `RequestId`, in S3's order. */
export type ErrorElements = readonly (readonly [name: keyof S3ErrorBody, value: string | number])[]

/** One refusal: its status, S3's code and sentence, and the elements particular to it. */
export interface S3Failure {
  status: number
  code: string
  message: string
  elements?: ErrorElements
}

/**
 * The refusals of a POST upload, with the codes, sentences and statuses real S3 answers (recorded
 * against AWS where docs/decisions/s3-behaviour.md says so; the rest follow the same families).
 */
export const failures = {
  expired: (): S3Failure => denied('Invalid according to Policy: Policy expired.'),
  accessDenied: (): S3Failure => denied('Access Denied'),
  conditionFailed: (condition: string): S3Failure =>
    denied(`Invalid according to Policy: Policy Condition failed: ${condition}`),
  extraField: (name: string): S3Failure => denied(`Invalid according to Policy: Extra input fields: ${name}`),
  signatureMismatch: (input: { accessKeyId: string; policy: string; provided: string }): S3Failure => ({
    status: 403,
    code: 'SignatureDoesNotMatch',
    message:
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    elements: [
      ['AWSAccessKeyId', input.accessKeyId],
      ['StringToSign', input.policy],
      ['SignatureProvided', input.provided],
      ['StringToSignBytes', spacedHex(input.policy)],
    ],
  }),
  unknownAccessKey: (accessKeyId: string): S3Failure => ({
    status: 403,
    code: 'InvalidAccessKeyId',
    message: 'The AWS Access Key Id you provided does not exist in our records.',
    elements: [['AWSAccessKeyId', accessKeyId]],
  }),
  missingField: (name: string): S3Failure =>
    invalidArgument(
      `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`,
      name,
      '',
    ),
  noFile: (): S3Failure => invalidArgument('POST requires exactly one file upload per request.', 'file', ''),
  badAlgorithm: (value: string): S3Failure =>
    invalidArgument('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"', 'X-Amz-Algorithm', value),
  badCredential: (value: string): S3Failure =>
    invalidArgument(
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
      'X-Amz-Credential',
      value,
    ),
  badEncryption: (value: string): S3Failure =>
    invalidArgument('The encryption method specified is not supported', 'x-amz-server-side-encryption', value),
  invalidPolicy: (reason: string): S3Failure => ({
    status: 400,
    code: 'InvalidPolicyDocument',
    message: `Invalid Policy: ${reason}`,
  }),
  tooLarge: (proposed: number, max: number): S3Failure => ({
    status: 400,
    code: 'EntityTooLarge',
    message: 'Your proposed upload exceeds the maximum allowed size',
    elements: [
      ['ProposedSize', proposed],
      ['MaxSizeAllowed', max],
    ],
  }),
  tooSmall: (proposed: number, min: number): S3Failure => ({
    status: 400,
    code: 'EntityTooSmall',
    message: 'Your proposed upload is smaller than the minimum allowed size',
    elements: [
      ['ProposedSize', proposed],
      ['MinSizeAllowed', min],
    ],
  }),
  notMultipart: (): S3Failure => ({
    status: 412,
    code: 'PreconditionFailed',
    message: 'At least one of the pre-conditions you specified did not hold',
    elements: [['Condition', 'Bucket POST must be of the enclosure-type multipart/form-data']],
  }),
  malformed: (): S3Failure => ({
    status: 400,
    code: 'MalformedPOSTRequest',
    message: 'The body of your POST request is not well-formed multipart/form-data.',
  }),
  preDataTooLarge: (): S3Failure => ({
    status: 400,
    code: 'MaxPostPreDataLengthExceededError',
    message: 'Your POST request fields preceding the upload file were too large.',
  }),
  keyTooLong: (size: number): S3Failure => ({
    status: 400,
    code: 'KeyTooLongError',
    message: 'Your key is too long',
    elements: [
      ['MaxSizeAllowed', 1024],
      ['Size', size],
    ],
  }),
  noSuchBucket: (bucket: string): S3Failure => ({
    status: 404,
    code: 'NoSuchBucket',
    message: 'The specified bucket does not exist',
    elements: [['BucketName', bucket]],
  }),
  invalidBucketName: (bucket: string): S3Failure => ({
    status: 400,
    code: 'InvalidBucketName',
    message: 'The specified bucket is not valid.',
    elements: [['BucketName', bucket]],
  }),
  corsRefused: (method: string): S3Failure => ({
    status: 403,
    code: 'AccessForbidden',
    message:
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
    elements: [
      ['Method', method],
      ['ResourceType', 'BUCKET'],
    ],
  }),
  originMissing: (): S3Failure => ({
    status: 400,
    code: 'BadRequest',
    message: 'Insufficient information. Origin request header needed.',
  }),
} as const

function denied(message: string): S3Failure {
  return { status: 403, code: 'AccessDenied', message }
}

function invalidArgument(message: string, name: string, value: string): S3Failure {
  return {
    status: 400,
    code: 'InvalidArgument',
    message,
    elements: [
      ['ArgumentName', name],
      ['ArgumentValue', value],
    ],
  }
}

/**
 * A string's UTF-8 bytes as S3 writes them in `StringToSignBytes`: two lower-case hex digits each,
 * separated by spaces.
 *
 * @example
 * spacedHex('AWS4') // '41 57 53 34'
 */
export function spacedHex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join(' ')
}

/**
 * The `HostId` (and `x-amz-id-2`) of a request: opaque base64 in S3, here derived from the request
 * id so that a manual-clock run repeats exactly.
 *
 * @example
 * hostId('7f0c6a8e-51d2-4c3b-9a1e-2b6d0e4f8c17') // 'Y29udGFjdGtpdC83ZjBj…'
 */
export function hostId(requestId: string): string {
  return btoa(`contactkit/${requestId}`)
}

/**
 * The headers S3 puts on every answer: its request ids, `Server` and a `Date` from the simulator
 * clock, and the bucket's CORS headers when a browser sent `Origin`.
 *
 * @example
 * const headers = s3Headers(c, clock)
 */
export function s3Headers(c: Context, clock: Clock): Record<string, string> {
  // The core gives every request its id before any handler runs.
  const requestId = c.get('requestId' as never) as string
  return {
    'x-amz-request-id': requestId,
    'x-amz-id-2': hostId(requestId),
    Date: httpDate(clock.now()),
    Server: 'AmazonS3',
    ...corsHeaders(c.req.header('origin')),
  }
}

/**
 * Answers with S3's XML error document: `Code`, `Message`, the failure's own elements, then
 * `RequestId` (the core's request id, also in `x-amz-request-id` and `X-Request-Id`) and `HostId`.
 *
 * @example
 * return s3Error(c, clock, failures.expired())
 */
export function s3Error(c: Context, clock: Clock, failure: S3Failure): Response {
  const headers = s3Headers(c, clock)
  const requestId = headers['x-amz-request-id'] as string
  const body = xmlDocument('Error', [
    ['Code', failure.code],
    ['Message', failure.message],
    ...(failure.elements ?? []),
    ['RequestId', requestId],
    ['HostId', headers['x-amz-id-2'] as string],
  ])
  return respondWith(c, body, failure.status, { ...headers, 'Content-Type': 'application/xml' })
}

// S3's code for a status when the core answers on its own (unknown paths, faults, body limit, crashes);
// a status not here is an InternalError from 500 up (500 itself included), else an InvalidRequest.
const codeByStatus: Record<number, string> = {
  403: 'AccessDenied',
  404: 'NoSuchKey',
  405: 'MethodNotAllowed',
  408: 'RequestTimeout',
  409: 'OperationAborted',
  411: 'MissingContentLength',
  412: 'PreconditionFailed',
  413: 'EntityTooLarge',
  429: 'SlowDown',
  501: 'NotImplemented',
  503: 'ServiceUnavailable',
}

/**
 * The core's error responder for the S3 simulator: 404s of unknown paths, faults, the body limit
 * and crashes, in S3's XML format with the code S3 uses for that status.
 *
 * @example
 * createSimulator({ …, errorResponse: s3ErrorResponder(clock) })
 */
export function s3ErrorResponder(clock: Clock): ErrorResponder {
  return (c, status, message, details) =>
    s3Error(c, clock, {
      status,
      code: details?.code ?? codeByStatus[status] ?? (status >= 500 ? 'InternalError' : 'InvalidRequest'),
      message,
    })
}
