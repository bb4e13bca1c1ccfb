import { isoMillis, isoSeconds } from '../core/time-format.js'
import { filenameVariable } from './form.js'
import { encodePolicy, type PolicyCondition, type PolicyDocument } from './policy.js'
import { amzDate, signPolicyV2, signPolicyV4, sigV4Algorithm } from './signatures.js'

/** What a presigned POST form is for, and who signs it. */
export interface PresignPostInput {
  bucket: string
  /** The object's key; a key ending in `${filename}` allows any file name after its prefix. */
  key: string
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  /** When the form stops working (epoch milliseconds). */
  expiresAt: number
  /**
   * `v2`: `AWSAccessKeyId`, `policy`, `signature` (HMAC-SHA1), as Omnigage and botocore's
   * `HmacV1PostAuth` write them. `v4`: `X-Amz-*` fields, `Policy` (HMAC-SHA256), as
   * `@aws-sdk/s3-presigned-post` writes them.
   */
  signatureVersion: 'v2' | 'v4'
  /**
   * Fields the form carries besides `key` and the signature fields (`acl`, `Content-Type`,
   * `success_action_status`…), first in the form; each is also an exact-match condition.
   */
  fields?: Record<string, string>
  /** More conditions, such as `["content-length-range", 0, 10485760]` or `["starts-with", "$Content-Type", ""]`. */
  conditions?: PolicyCondition[]
  /** V4: when the form is signed (`X-Amz-Date` and the credential's day). Required for V4. */
  signedAt?: number
  /** V4: the region of the credential scope. Default `us-east-1`. */
  region?: string
}

/** A form to hand a client: the fields in the order it must send them, the file after them. */
export interface PresignedPost {
  fields: Record<string, string>
  /** The policy the `policy` field carries, decoded. */
  policy: PolicyDocument
}

/**
 * Builds a presigned POST form: the policy with its conditions, and the fields signed with
 * Signature V2 or V4, in WebCrypto. Other simulators hand these out (Omnigage's upload form);
 * tests upload with them.
 *
 * @example
 * const { fields } = await presignPost({
 *   bucket: 'contactkit-uploads',
 *   key: 'uploads/2c0b7e5d/${filename}',
 *   credentials: sandboxCredentials,
 *   expiresAt: clock.now() + 3_600_000,
 *   signatureVersion: 'v2',
 *   fields: { acl: 'private' },
 *   conditions: [['starts-with', '$Content-Type', ''], ['content-length-range', 0, 5368724480]],
 * })
 */
export async function presignPost(input: PresignPostInput): Promise<PresignedPost> {
  const fields = input.fields ?? {}
  for (const name of Object.keys(fields)) {
    if (reserved.has(name.toLowerCase())) {
      throw new RangeError(
        `Failed to presign a POST: "${name}" is a field presignPost writes itself; give the key and credentials as options.`,
      )
    }
  }
  const exact = (entries: Record<string, string>) => Object.entries(entries).map(([name, value]) => ({ [name]: value }))
  const keyCondition: PolicyCondition = input.key.endsWith(filenameVariable)
    ? ['starts-with', '$key', input.key.slice(0, input.key.lastIndexOf(filenameVariable))]
    : { key: input.key }
  const token = input.credentials.sessionToken

  if (input.signatureVersion === 'v2') {
    const signatureFields = { AWSAccessKeyId: input.credentials.accessKeyId }
    const conditions = [
      ...exact(fields),
      { bucket: input.bucket },
      ...(token ? exact({ 'x-amz-security-token': token }) : []),
      keyCondition,
      ...(input.conditions ?? []),
    ]
    const policy: PolicyDocument = { expiration: isoMillis(input.expiresAt), conditions }
    const encoded = encodePolicy(policy, 'python')
    return {
      policy,
      fields: {
        ...fields,
        ...signatureFields,
        ...(token ? { 'x-amz-security-token': token } : {}),
        key: input.key,
        policy: encoded,
        signature: await signPolicyV2(encoded, input.credentials.secretAccessKey),
      },
    }
  }

  if (input.signedAt === undefined) {
    throw new RangeError('Failed to presign a POST: a Signature V4 form needs "signedAt", the time it is signed.')
  }
  const date = amzDate(input.signedAt)
  const scope = { date: date.slice(0, 8), region: input.region ?? 'us-east-1', service: 's3' }
  const signedFields: Record<string, string> = {
    ...fields,
    bucket: input.bucket,
    'X-Amz-Algorithm': sigV4Algorithm,
    'X-Amz-Credential': `${input.credentials.accessKeyId}/${scope.date}/${scope.region}/s3/aws4_request`,
    'X-Amz-Date': date,
    ...(token ? { 'X-Amz-Security-Token': token } : {}),
  }
  const conditions = [...(input.conditions ?? []), ...exact(signedFields), keyCondition]
  const policy: PolicyDocument = { expiration: isoSeconds(input.expiresAt), conditions }
  const encoded = encodePolicy(policy, 'compact')
  return {
    policy,
    fields: {
      ...signedFields,
      key: input.key,
      Policy: encoded,
      'X-Amz-Signature': await signPolicyV4(encoded, input.credentials.secretAccessKey, scope),
    },
  }
}

const reserved = new Set([
  'key',
  'policy',
  'signature',
  'awsaccesskeyid',
  'bucket',
  'file',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-signature',
  'x-amz-security-token',
])
