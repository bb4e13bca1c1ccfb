import { hmac as kitHmac } from '../core/kit/hashes.js'
import { BoundedMemo } from '../core/kit/memo.js'

/**
 * The two ways S3 signs a browser POST policy, synchronously with the kit's HMAC (Node's crypto
 * module, or @noble/hashes without a Node): for a policy of a kilobyte, @noble/hashes alone costs
 * a seventh of the CPU time of WebCrypto, whose every HMAC is an imported key and a round trip to
 * a worker thread. Both sign the base64 policy exactly as the form carries it, never the decoded JSON.
 *
 * - Signature Version 2: `base64(HMAC-SHA1(secret, policy))`, 28 characters.
 * - Signature Version 4: `hex(HMAC-SHA256(signingKey, policy))`, where the signing key is
 *   `HMAC("AWS4" + secret, yyyymmdd) → region → "s3" → "aws4_request"`.
 */

const encoder = new TextEncoder()

/** The algorithm of every SigV4 form (`X-Amz-Algorithm`). */
export const sigV4Algorithm = 'AWS4-HMAC-SHA256'

/** What a SigV4 `X-Amz-Credential` names: `<access key id>/<yyyymmdd>/<region>/<service>/aws4_request`. */
export interface CredentialScope {
  accessKeyId: string
  /** `yyyymmdd`. */
  date: string
  region: string
  service: string
}

function hmac(hash: 'sha1' | 'sha256', key: Uint8Array, message: string): Uint8Array<ArrayBuffer> {
  return kitHmac(hash, key, encoder.encode(message)) as Uint8Array<ArrayBuffer>
}

// A SigV4 signing key is a function of the secret, the day, the region and the service: four HMACs
// that every form signed that day shares, so it is derived once (as AWS's own SDKs do).
const signingKeys = new BoundedMemo<string, Uint8Array<ArrayBuffer>>(256)

/**
 * The Signature Version 2 signature of a base64 policy.
 *
 * @example
 * await signPolicyV2('YWxwaGE=', 'secret') // 'aW0ggk0KMuwJkTodqZUi1JLDspY='
 */
export async function signPolicyV2(policy: string, secretAccessKey: string): Promise<string> {
  const signature = hmac('sha1', encoder.encode(secretAccessKey), policy)
  return btoa(String.fromCharCode(...signature))
}

/**
 * The SigV4 signing key for a day, region and service.
 *
 * @example
 * const key = await signingKeyV4('secret', '20260101', 'us-east-1', 's3')
 */
export async function signingKeyV4(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return signingKeys.remember(`${secretAccessKey}\n${date}\n${region}\n${service}`, () => {
    let key = hmac('sha256', encoder.encode(`AWS4${secretAccessKey}`), date)
    for (const part of [region, service, 'aws4_request']) {
      key = hmac('sha256', key, part)
    }
    return key
  })
}

/**
 * The Signature Version 4 signature of a base64 policy: lower-case hex, 64 characters.
 *
 * @example
 * await signPolicyV4('YWxwaGE=', 'beta', { date: 'charlie', region: 'delta', service: 'echo' })
 * // 'dd31db20866393b4574324c3dadbba43f82c42e7d2713e9d4eb17fd22dade7d1'
 */
export async function signPolicyV4(
  policy: string,
  secretAccessKey: string,
  scope: Pick<CredentialScope, 'date' | 'region' | 'service'>,
): Promise<string> {
  const key = await signingKeyV4(secretAccessKey, scope.date, scope.region, scope.service)
  return toHex(hmac('sha256', key, policy))
}

/**
 * Reads an `X-Amz-Credential` value; undefined when it is not five parts ending in `aws4_request`
 * with an eight-digit date.
 *
 * @example
 * parseCredential('AKIACONTACTKITSANDBOX/20260101/us-east-1/s3/aws4_request')
 * // { accessKeyId: 'AKIACONTACTKITSANDBOX', date: '20260101', region: 'us-east-1', service: 's3' }
 */
export function parseCredential(credential: string): CredentialScope | undefined {
  const parts = credential.split('/')
  if (parts.length !== 5) {
    return undefined
  }
  const [accessKeyId, date, region, service, terminal] = parts as [string, string, string, string, string]
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service || terminal !== 'aws4_request') {
    return undefined
  }
  return { accessKeyId, date, region, service }
}

/**
 * The `X-Amz-Date` of an instant: `yyyymmddThhmmssZ`.
 *
 * @example
 * amzDate(Date.parse('2026-01-01T00:00:00Z')) // '20260101T000000Z'
 */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/**
 * Compares two signatures in time that does not depend on where they differ.
 *
 * @example
 * sameSignature('abc', 'abc') // true
 */
export function sameSignature(expected: string, provided: string): boolean {
  if (expected.length !== provided.length) {
    return false
  }
  let difference = 0
  for (let index = 0; index < expected.length; index++) {
    difference |= expected.charCodeAt(index) ^ provided.charCodeAt(index)
  }
  return difference === 0
}

function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) {
    hex += byte.toString(16).padStart(2, '0')
  }
  return hex
}
