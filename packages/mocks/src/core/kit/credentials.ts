import { BoundedMemo } from './memo.js'

/**
 * Credentials of each scheme the vendors take, read from a request, and the one result every
 * vendor's `authenticate` gives. Reading is the vendors' shared part; which credentials are
 * valid, and the sentences that say why not, stay with each vendor.
 */

/** Who a request acts for: the caller a vendor's handlers read (a tenant, an account…). */
export interface Admitted<C> {
  kind: 'ok'
  caller: C
}

/**
 * Why a request is refused: 401 for missing or wrong credentials, 403 for valid ones that do not
 * reach what was asked; `why` in the vendor's words, `code` where the vendor has error codes.
 */
export interface Denied {
  kind: 'denied'
  status: 401 | 403
  why: string
  code?: string
}

/** What every vendor's `authenticate` answers. */
export type Authentication<C> = Admitted<C> | Denied

/**
 * Admits a caller.
 *
 * @example
 * return admit(tenant) // { kind: 'ok', caller: tenant }
 */
export function admit<C>(caller: C): Admitted<C> {
  return { kind: 'ok', caller }
}

/**
 * Refuses a request: 401 unless `status` says 403.
 *
 * @example
 * return deny('the client id and secret match no application', { code: 'unauthorized' })
 */
export function deny(why: string, options: { status?: 401 | 403; code?: string } = {}): Denied {
  const denied: Denied = { kind: 'denied', status: options.status ?? 401, why }
  if (options.code !== undefined) {
    denied.code = options.code
  }
  return denied
}

/** A user and password, from an HTTP Basic header or from request parameters. */
export interface UserCredentials {
  user: string
  password: string
}

/**
 * Why an Authorization header gave no Basic credentials: `not-basic` (another scheme, or not
 * `Basic <base64>`), `not-base64` (the base64 or the UTF-8 inside does not decode), `no-colon`
 * (decoded, but without the `:` between user and password).
 */
export type BasicProblem = 'not-basic' | 'not-base64' | 'no-colon'

/** `standard` base64 (`+/`), or `url-safe` that also takes `-_` (some clients encode so). */
export type Base64Alphabet = 'standard' | 'url-safe'

const basicPatterns: Record<Base64Alphabet, RegExp> = {
  standard: /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i,
  'url-safe': /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i,
}

// A client sends the same Authorization header on every request, so each is decoded once; the
// check against the vendor's tenants still runs every time. One memo per alphabet: the same header
// reads differently under each.
const decodedHeaders: Record<Base64Alphabet, BoundedMemo<string, UserCredentials | BasicProblem>> = {
  standard: new BoundedMemo(256),
  'url-safe': new BoundedMemo(256),
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The user and password of an HTTP Basic Authorization header, or why there are none.
 *
 * @example
 * const basic = basicCredentials(c.req.header('authorization') ?? '')
 * if (typeof basic === 'string') return deny(`the header is not Basic credentials (${basic})`)
 */
export function basicCredentials(
  authorization: string,
  alphabet: Base64Alphabet = 'standard',
): UserCredentials | BasicProblem {
  // get/set rather than remember(): no closure made per request on the hot path.
  const memo = decodedHeaders[alphabet]
  let credentials = memo.get(authorization)
  if (credentials === undefined) {
    credentials = decodeBasic(authorization, alphabet)
    memo.set(authorization, credentials)
  }
  return credentials
}

function decodeBasic(authorization: string, alphabet: Base64Alphabet): UserCredentials | BasicProblem {
  const base64 = basicPatterns[alphabet].exec(authorization)?.[1]
  if (!base64) {
    return 'not-basic'
  }
  let text: string
  try {
    const standard = alphabet === 'url-safe' ? base64.replace(/-/g, '+').replace(/_/g, '/') : base64
    text = strictUtf8.decode(Uint8Array.from(atob(standard), (char) => char.charCodeAt(0)))
  } catch {
    return 'not-base64'
  }
  const colon = text.indexOf(':')
  return colon < 0 ? 'no-colon' : { user: text.slice(0, colon), password: text.slice(colon + 1) }
}

const bearerPattern = /^Bearer\s+(\S+)\s*$/i

/**
 * The token of an `Authorization: Bearer <token>` header; undefined for any other header.
 *
 * @example
 * bearerToken('Bearer aurinko-sandbox-token') // 'aurinko-sandbox-token'
 */
export function bearerToken(authorization: string): string | undefined {
  return bearerPattern.exec(authorization)?.[1]
}

/**
 * A user and password sent as two request parameters (query or form), as CloudSponge takes
 * `domain_key` and `domain_password`; undefined unless both are there and not empty.
 *
 * @example
 * parameterCredentials({ domain_key: 'k', domain_password: 'p' }, 'domain_key', 'domain_password')
 */
export function parameterCredentials(
  params: Readonly<Record<string, string | undefined>>,
  userName: string,
  passwordName: string,
): UserCredentials | undefined {
  const user = params[userName]
  const password = params[passwordName]
  return user && password ? { user, password } : undefined
}
