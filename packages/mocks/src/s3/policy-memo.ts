import { BoundedMemo } from '../core/kit/memo.js'
import { decodePolicy, type Policy } from './policy.js'

/**
 * What a form's policy costs to trust, remembered for the next form that carries it. A browser
 * uploader posts many files with one presigned policy (`starts-with $key`), and decoding the
 * policy and computing its signature were a fifth of such a POST's time. Only what is a function
 * of the text sent is remembered: a policy's decoding is a function of the policy field, and
 * whether a signature holds is a function of the secret, the signing scope, the policy and the
 * signature. The access key is still looked up, and the expiry on the clock, the key's access to
 * the bucket, every condition and every field are still checked, on every request.
 */

// A simulator sees few policies at a time; past this many, a memo starts again (see BoundedMemo).
const remembered = 256

const decoded = new BoundedMemo<string, Policy | string>(remembered)
const verified = new BoundedMemo<string, true>(remembered)

/**
 * `decodePolicy`, remembered by the policy field as sent. The document is frozen: every form with
 * that policy shares it.
 *
 * @example
 * const policy = decodedPolicy(form.get('policy'))
 * if (typeof policy === 'string') return failures.invalidPolicy(policy)
 */
export function decodedPolicy(encoded: string): Policy | string {
  return decoded.remember(encoded, (text) => {
    const policy = decodePolicy(text)
    return typeof policy === 'string' ? policy : Object.freeze({ ...policy, document: deepFreeze(policy.document) })
  })
}

/** What a signature is checked against: the version, the key, the scope (V4) and the policy as sent. */
export interface SignedPolicy {
  version: 'v2' | 'v4'
  accessKeyId: string
  secretAccessKey: string
  /** V4: the `X-Amz-Credential` scope (`<day>/<region>/<service>`); empty for V2. */
  scope: string
  policy: string
}

/**
 * Whether `provided` is the signature of the policy: computed by `sign` the first time, then
 * remembered when it holds. A signature that does not hold is never remembered, so each one sent
 * is computed and compared again.
 *
 * @example
 * const holds = await signatureHolds(
 *   { version: 'v2', accessKeyId, secretAccessKey, scope: '', policy },
 *   provided,
 *   () => signPolicyV2(policy, secretAccessKey),
 *   sameSignature,
 * )
 */
export async function signatureHolds(
  signed: SignedPolicy,
  provided: string,
  sign: () => Promise<string>,
  compare: (expected: string, provided: string) => boolean,
): Promise<boolean> {
  const key = `${signed.version}\n${signed.accessKeyId}\n${signed.secretAccessKey}\n${signed.scope}\n${provided}\n${signed.policy}`
  if (verified.get(key)) {
    return true
  }
  const holds = compare(await sign(), provided)
  if (holds) {
    verified.set(key, true)
  }
  return holds
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) {
      deepFreeze(item)
    }
    Object.freeze(value)
  }
  return value
}
