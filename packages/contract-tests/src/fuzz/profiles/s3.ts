import { manualClock } from '@contactkit/mocks'
import { createS3Simulator, defaultBucket, type S3Simulator, sandboxCredentials } from '@contactkit/mocks/s3'
import type { OpenApiDocument } from '@contactkit/specs'
import { s3Document } from '@contactkit/specs/s3'
import fc from 'fast-check'
import { readS3Xml } from '../../s3/decode.js'
import { signV2 } from '../../s3/forms.js'
import { excludeAdmin, forbiddenXmlChar, mediaTypeProblem, servedSpecRoute } from '../core-routes.js'
import type { FuzzExchange, FuzzProfile } from '../fuzz-profile.js'

/** Form fields every valid case carries, each with a `starts-with ""` condition of the policy below. */
const coveredFields = [
  'acl',
  'Content-Type',
  'success_action_status',
  'success_action_redirect',
  'Cache-Control',
  'Content-Disposition',
  'Content-Encoding',
  'Expires',
  'x-amz-server-side-encryption',
]
/** Fields of the spec a Signature V2 form of this policy never sends (a V4 form's, the older redirect). */
const unsentFields = [
  'bucket',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
  'redirect',
]
/** The signature fields of the Signature V2 form the fuzz sends. */
const signatureFields = ['AWSAccessKeyId', 'policy', 'signature']
const keyPrefix = 'uploads/'

// One form for every case, signed with the sandbox key: the fuzz varies the values the policy lets
// vary (a key under uploads/, any acl, Content-Type, status and redirect, a file up to 1 MiB).
const signed = signV2(
  { ...sandboxCredentials, region: 'us-east-1' },
  {
    expiration: '2099-01-01T00:00:00Z',
    conditions: [
      { bucket: defaultBucket },
      ['starts-with', '$key', keyPrefix],
      ...coveredFields.map((name) => ['starts-with', `$${name}`, '']),
      ['content-length-range', 0, 1024 * 1024],
    ],
  },
  {},
)

/**
 * The document as the fuzz reads it, with two changes from the spec; every request valid here is
 * valid under the spec itself:
 *
 * - The form requires the Signature V2 fields and the fields its policy covers, and lacks the
 *   fields it never sends. The spec requires only `key` and `file`, but a form without a signature
 *   is refused (403) and a policy condition on a field the form lacks fails, so "valid" forms must
 *   carry them all. A field the form lacks that the fuzz breaks would be added after `file`, where
 *   S3 ignores it, so a "certainly invalid" form would rightly be accepted.
 * - The CORS preflights are left out: the spec leaves `Origin` optional, but S3 answers a
 *   preflight without one 400 ("Origin request header needed"), which a valid request must never
 *   get, and the harness's own check of valid requests reads no headers, so it cannot be required
 *   here. OPTIONS still reaches both paths as a method the document lacks.
 */
function fuzzDocument(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document) as OpenApiDocument & {
    paths: Record<string, { options?: { parameters?: unknown[] } }>
    components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> }
  }
  const form = copy.components.schemas.PostForm
  if (!form?.required) {
    throw new Error('The S3 fuzz profile expected a PostForm schema with required fields in the spec.')
  }
  form.required = [...form.required, ...signatureFields, ...coveredFields]
  for (const name of unsentFields) {
    delete form.properties?.[name]
  }
  for (const path of ['/{bucket}', '/']) {
    if (!copy.paths[path]?.options) {
      throw new Error(`The S3 fuzz profile expected OPTIONS ${path} in the spec.`)
    }
    delete copy.paths[path].options
  }
  return copy
}

/**
 * S3's presigned POST for the fuzz: the simulator on a manual clock, one Signature V2 form signed
 * with the sandbox key whose policy lets the key, acl, Content-Type, success status and redirect
 * vary, and S3's XML error document as the error format: `application/xml`, `<Error>` with a
 * `Code` and `Message` first and `RequestId` (the `x-amz-request-id` header) and `HostId` last.
 * A 303 to the form's `success_action_redirect` is a success, not an error. The forms carry their
 * own authorization, so there are no credentials to spoil. `/__admin` is not fuzzed.
 *
 * @example
 * const arbitraries = fuzzRequests(s3FuzzProfile)
 */
export const s3FuzzProfile: FuzzProfile<S3Simulator> = {
  vendor: 's3',
  document: fuzzDocument(s3Document),
  createTarget: () => createS3Simulator({ clock: manualClock('2026-01-01T00:00:00Z') }),
  credentials: {},

  validValues({ location, name }, schemaValue) {
    if (location === 'path' && name === 'bucket') {
      // The simulator's bucket mostly; a well-formed name of no bucket is a declared 404.
      return fc.oneof({ arbitrary: fc.constant(defaultBucket), weight: 4 }, { arbitrary: schemaValue, weight: 1 })
    }
    if (location !== 'body') {
      return undefined
    }
    if (name in signed) {
      return fc.constant(signed[name])
    }
    switch (name) {
      case 'key':
        // S3 counts a key's length in bytes: 300 characters stay under its 1,024.
        return (
          fc
            // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent as written.
            .oneof(fc.string({ maxLength: 300 }), fc.constantFrom('${filename}', 'a/b/c.csv', ''))
            .map((rest) => `${keyPrefix}${rest}`)
        )
      case 'success_action_status':
        return fc.oneof(fc.constantFrom('200', '201', '204', '303'), schemaValue)
      case 'success_action_redirect':
        return fc.oneof(fc.constantFrom('https://app.example.org/done?upload=7', '', '/relative'), schemaValue)
      case 'x-amz-server-side-encryption':
        return fc.constantFrom('AES256', 'aws:kms', 'aws:kms:dsse')
      case 'file':
        return fc.oneof(schemaValue, fc.constant(''))
      default:
        return undefined
    }
  },

  extraRoutes: [servedSpecRoute],

  excludePath: excludeAdmin,

  errorFormatProblem: s3ErrorProblem,

  // A form with success_action_redirect is answered with a redirect to it, carrying no body.
  isOtherAllowedResponse: (exchange) =>
    exchange.status === 303 &&
    exchange.request.method === 'POST' &&
    exchange.body === '' &&
    /^https?:\/\//.test(exchange.headers.get('location') ?? ''),
}

/**
 * Why an answer is not S3's error document, or undefined when it is: `application/xml` (UTF-8 if
 * a charset is named), the XML declaration and `<Error>` holding text elements only, `Code` and
 * `Message` first and non-empty, `RequestId` (equal to the `x-amz-request-id` header) and `HostId`
 * last, and no character XML 1.0 forbids. HEAD answers carry no body, so only their Content-Type
 * is checked.
 *
 * @example
 * s3ErrorProblem(exchange) // 'Content-Type is "application/json", not application/xml'
 */
export function s3ErrorProblem(exchange: FuzzExchange): string | undefined {
  const notXml = mediaTypeProblem(exchange, 'application/xml')
  if (notXml) {
    return notXml
  }
  if (exchange.request.method === 'HEAD') {
    return exchange.body === '' ? undefined : 'a HEAD answer has a body'
  }
  const forbidden = forbiddenXmlChar(exchange.body)
  if (forbidden) {
    return forbidden
  }
  let xml: ReturnType<typeof readS3Xml>
  try {
    xml = readS3Xml(exchange.body)
  } catch (error) {
    return `the body is not S3's XML: ${(error as Error).message}`
  }
  if (xml.root !== 'Error') {
    return `the root element is <${xml.root}>, not <Error>`
  }
  const names = xml.elements.map(([name]) => name)
  const value = (name: string) => xml.elements.find(([candidate]) => candidate === name)?.[1]
  if (names[0] !== 'Code' || names[1] !== 'Message' || names.at(-2) !== 'RequestId' || names.at(-1) !== 'HostId') {
    return `the elements are ${names.join(', ')}, not Code, Message, …, RequestId, HostId`
  }
  for (const name of ['Code', 'Message']) {
    if (!value(name)?.trim()) {
      return `<${name}> is empty`
    }
  }
  if (value('RequestId') !== exchange.headers.get('x-amz-request-id')) {
    return `<RequestId> ${JSON.stringify(value('RequestId'))} is not the x-amz-request-id header`
  }
  return undefined
}
