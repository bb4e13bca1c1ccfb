import { createHmac } from 'node:crypto'

/**
 * A sync token as the simulator writes one (base64url claims, a dot, their HMAC-SHA256 in
 * base64url) from any payload text, signed with a simulator's `tokenSecret`: what a client that
 * keeps tokens across runs, or signs its own, would send.
 *
 * @example
 * signedToken('kept across runs', JSON.stringify([1, 0, 0, 1, 1, 0, 0, 0, 8e12]))
 */
export function signedToken(
  secret: string,
  text: string,
  encode: (bytes: Buffer) => string = (bytes) => bytes.toString('base64url'),
): string {
  const payload = encode(Buffer.from(text))
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`
}
