import type { Clock } from '../core/clock.js'
import type { CredentialStore, S3Credentials } from './credentials.js'
import { failures, type S3Failure } from './errors.js'
import type { PostForm } from './form.js'
import type { FileHead } from './multipart.js'
import { type ConditionFailure, checkConditions, extraField, type Policy, rangeMaxima } from './policy.js'
import { decodedPolicy, signatureHolds } from './policy-memo.js'
import { parseCredential, sameSignature, signPolicyV2, signPolicyV4, sigV4Algorithm } from './signatures.js'

/** The most S3 stores through one POST: 5 GiB. */
export const maxPostObjectBytes = 5 * 1024 * 1024 * 1024

/** What a form is checked against besides itself. */
export interface PostContext {
  /** The bucket the request is addressed to. */
  bucket: string
  credentials: CredentialStore
  clock: Clock
  /** The request's `x-amz-server-side-encryption` header, if any. */
  encryptionHeader?: string
}

/** A form that may upload: its fields with `${filename}` replaced, and what the file must satisfy. */
export interface AcceptedForm {
  form: PostForm
  key: string
  policy: Policy
  credentials: S3Credentials
  /** The largest file the policy (and S3) allow. */
  maxFileBytes: number
}

const v4Fields = ['X-Amz-Signature', 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date'] as const
const v2Fields = ['Signature', 'AWSAccessKeyId'] as const
const encryptions = new Set(['AES256', 'aws:kms', 'aws:kms:dsse'])

/**
 * Checks a POST form's fields in the order S3 does, everything but the file's size: `key`, the
 * signature fields (V4 when any `X-Amz-*` field is there, else V2), the access key, the signature
 * over the policy as sent, the policy's shape, its expiry on the simulator clock, the key's access
 * to the bucket, each condition in the policy's order, fields no condition covers, and the
 * encryption asked for. `${filename}` is replaced in every field first.
 *
 * @example
 * const accepted = await checkPostForm(new PostForm(fields), { filename: 'a.csv', name: 'file' }, context)
 * if ('status' in accepted) return s3Error(c, clock, accepted)
 */
export async function checkPostForm(
  sent: PostForm,
  file: FileHead | undefined,
  context: PostContext,
): Promise<AcceptedForm | S3Failure> {
  const form = sent.withFilename(file?.filename)
  const key = form.get('key')
  if (!key) {
    return failures.missingField('key')
  }
  const keyBytes = new TextEncoder().encode(key).byteLength
  if (keyBytes > 1024) {
    return failures.keyTooLong(keyBytes)
  }
  const signed = await checkSignature(form, context.credentials)
  if ('status' in signed) {
    return signed
  }
  const policy = decodedPolicy(signed.policy)
  if (typeof policy === 'string') {
    return failures.invalidPolicy(policy)
  }
  if (context.clock.now() > policy.expiresAt) {
    return failures.expired()
  }
  if (!context.credentials.allows(signed.credentials, context.bucket)) {
    return failures.accessDenied()
  }
  const failed = checkConditions(policy.document, form, { bucket: context.bucket })
  if (failed) {
    return conditionFailure(failed)
  }
  const extra = extraField(policy.document, form)
  if (extra !== undefined) {
    return failures.extraField(extra)
  }
  for (const encryption of [context.encryptionHeader, form.get('x-amz-server-side-encryption')]) {
    if (encryption !== undefined && !encryptions.has(encryption)) {
      return failures.badEncryption(encryption)
    }
  }
  const maxFileBytes = Math.min(maxPostObjectBytes, ...rangeMaxima(policy.document))
  return { form, key, policy, credentials: signed.credentials, maxFileBytes }
}

/**
 * Checks the file's size against every `content-length-range` of the policy, in order, and
 * against S3's 5 GiB limit for a POST.
 *
 * @example
 * const failure = checkFileSize(accepted, 12) // EntityTooLarge when the range ends at 10
 */
export function checkFileSize(accepted: AcceptedForm, size: number): S3Failure | undefined {
  const failed = checkConditions(accepted.policy.document, accepted.form, { fileSize: size, sizeOnly: true })
  if (failed) {
    return conditionFailure(failed)
  }
  return size > maxPostObjectBytes ? failures.tooLarge(size, maxPostObjectBytes) : undefined
}

function conditionFailure(failed: ConditionFailure): S3Failure {
  switch (failed.kind) {
    case 'too-large':
      return failures.tooLarge(failed.proposed, failed.max)
    case 'too-small':
      return failures.tooSmall(failed.proposed, failed.min)
    default:
      return failures.conditionFailed(failed.condition)
  }
}

/** The policy as sent and the key that signed it, or why the signature is refused. */
async function checkSignature(
  form: PostForm,
  store: CredentialStore,
): Promise<{ policy: string; credentials: S3Credentials } | S3Failure> {
  if (v4Fields.some((name) => form.has(name))) {
    const missing = v4Fields.find((name) => !form.has(name))
    if (missing) {
      return failures.missingField(missing)
    }
    const policy = form.get('policy')
    if (policy === undefined) {
      return failures.missingField('Policy')
    }
    const algorithm = form.get('x-amz-algorithm') as string
    if (algorithm !== sigV4Algorithm) {
      return failures.badAlgorithm(algorithm)
    }
    const credential = form.get('x-amz-credential') as string
    const scope = parseCredential(credential)
    if (!scope) {
      return failures.badCredential(credential)
    }
    const credentials = store.find(scope.accessKeyId)
    if (!credentials) {
      return failures.unknownAccessKey(scope.accessKeyId)
    }
    const provided = form.get('x-amz-signature') as string
    const { secretAccessKey } = credentials
    const signed = {
      version: 'v4',
      accessKeyId: scope.accessKeyId,
      secretAccessKey,
      scope: `${scope.date}/${scope.region}/${scope.service}`,
      policy,
    } as const
    const holds = await signatureHolds(
      signed,
      provided,
      () => signPolicyV4(policy, secretAccessKey, scope),
      sameSignature,
    )
    return holds
      ? { policy, credentials }
      : failures.signatureMismatch({ accessKeyId: scope.accessKeyId, policy, provided })
  }
  if (v2Fields.some((name) => form.has(name))) {
    const missing = v2Fields.find((name) => !form.has(name))
    if (missing) {
      return failures.missingField(missing)
    }
    const policy = form.get('policy')
    if (policy === undefined) {
      return failures.missingField('Policy')
    }
    const accessKeyId = form.get('awsaccesskeyid') as string
    const credentials = store.find(accessKeyId)
    if (!credentials) {
      return failures.unknownAccessKey(accessKeyId)
    }
    const provided = form.get('signature') as string
    const { secretAccessKey } = credentials
    const signed = { version: 'v2', accessKeyId, secretAccessKey, scope: '', policy } as const
    const holds = await signatureHolds(signed, provided, () => signPolicyV2(policy, secretAccessKey), sameSignature)
    return holds ? { policy, credentials } : failures.signatureMismatch({ accessKeyId, policy, provided })
  }
  // No signature at all: an anonymous upload, which a private bucket refuses.
  return failures.accessDenied()
}
