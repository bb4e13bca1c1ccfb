import { hmac as nobleHmac } from '@noble/hashes/hmac.js'
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'

/**
 * Hashes the simulators compute per request (S3's ETag and policy signatures, Aurinko's page
 * tokens, the upload forms Omnigage hands out): by Node's crypto module where there is a Node,
 * else in JavaScript (a browser tab, a service worker), with the same output. Node's is found at
 * run time, never imported, so a browser bundle holds no reference to it. Measured on this
 * project's machine: an MD5 of 4 KB in a sixth of the JavaScript one's time, an HMAC of a policy
 * in half. WebCrypto is no option on this path: each HMAC imports a key and goes to a worker thread.
 */

export type HashName = 'md5' | 'sha1' | 'sha256'

interface NodeCrypto {
  createHash(algorithm: HashName): { update(data: Uint8Array): { digest(): Uint8Array } }
  createHmac(algorithm: HashName, key: Uint8Array): { update(data: Uint8Array): { digest(): Uint8Array } }
}

const nodeCrypto = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.(
  'node:crypto',
) as NodeCrypto | undefined

const javascriptHashes = { md5, sha1, sha256 }

/**
 * The digest of `bytes`.
 *
 * @example
 * toHex(digest('md5', new TextEncoder().encode('hello'))) // '5d41402abc4b2a76b9719d911017c592'
 */
export function digest(hash: HashName, bytes: Uint8Array, engine = defaultEngine): Uint8Array {
  return engine === 'node' && nodeCrypto
    ? nodeCrypto.createHash(hash).update(bytes).digest()
    : javascriptHashes[hash](bytes)
}

/**
 * The HMAC of `message` under `key`.
 *
 * @example
 * toHex(hmac('sha256', new TextEncoder().encode('key'), new TextEncoder().encode('message')))
 */
export function hmac(
  hash: Exclude<HashName, 'md5'>,
  key: Uint8Array,
  message: Uint8Array,
  engine = defaultEngine,
): Uint8Array {
  return engine === 'node' && nodeCrypto
    ? nodeCrypto.createHmac(hash, key).update(message).digest()
    : nobleHmac(javascriptHashes[hash], key, message)
}

/**
 * Bytes in lower-case hex.
 *
 * @example
 * toHex(new Uint8Array([0, 171])) // '00ab'
 */
export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) {
    hex += hexByte[byte] as string
  }
  return hex
}

/** Where a hash is computed: `node` falls back to `javascript` without a Node (tests compare the two). */
export type HashEngine = 'node' | 'javascript'
const defaultEngine: HashEngine = 'node'
const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
