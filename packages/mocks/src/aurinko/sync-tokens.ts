import { hmac } from '../core/kit/hashes.js'
import { BoundedMemo } from '../core/kit/memo.js'
import { sameSignature } from '../s3/signatures.js'

const encoder = new TextEncoder()

/** Which listing a token belongs to: `sync/updated`, `sync/deleted` or the contact list. */
export type TokenScope = 'updated' | 'deleted' | 'list'

/**
 * What a token says, signed so a client can neither forge nor alter it. A `delta` token starts a
 * sync (`cursor` is the change-log position it counts from; `full` for the start token of
 * `updated`, which lists every contact); a `page` token continues one (`cursor` is the next
 * ordinal of a full listing or the next change of a delta, `end` where the listing stops, `upTo`
 * the change-log position the next delta token will count from).
 */
export interface TokenClaims {
  use: 'delta' | 'page'
  scope: TokenScope
  /** The account's key: a token never works for another account, nor after a reset. */
  account: number
  /** Absent in the contact list's tokens, which always list everything: read back as false. */
  full?: boolean
  cursor: number
  end: number
  upTo: number
  /** When it stops working (410 `syncToken.expired`), on the simulator clock. */
  expiresAt: number
}

const uses = ['delta', 'page'] as const
const scopes = ['updated', 'deleted', 'list'] as const
const version = 1
const rememberedTokens = 1024

/**
 * Issues and reads sync and page tokens: the claims as base64url JSON, then an HMAC-SHA256 of them
 * under a secret only the simulator holds (synchronously, with the kit's HMAC: every page of a listing issues one,
 * and WebCrypto's round trip to a worker thread costs more than the page). Reading checks the signature and the shape;
 * the caller checks account, scope and expiry.
 *
 * @example
 * const tokens = new SyncTokens()
 * const token = await tokens.issue({ use: 'delta', scope: 'updated', account: 1, full: true, cursor: 0, end: 0, upTo: 0, expiresAt })
 * await tokens.read(token) // the same claims; a changed character gives undefined
 */
export class SyncTokens {
  readonly #key: Uint8Array
  // Tokens already verified: a client pages and polls with the same ones.
  readonly #verified = new BoundedMemo<string, TokenClaims | undefined>(rememberedTokens)

  /** `secret`: any string, for tokens that repeat run to run; default 32 random bytes. */
  constructor(secret?: string) {
    this.#key = secret === undefined ? crypto.getRandomValues(new Uint8Array(32)) : new TextEncoder().encode(secret)
  }

  async issue(claims: TokenClaims): Promise<string> {
    const payload = base64url(
      new TextEncoder().encode(
        JSON.stringify([
          version,
          uses.indexOf(claims.use),
          scopes.indexOf(claims.scope),
          claims.account,
          claims.full ? 1 : 0,
          claims.cursor,
          claims.end,
          claims.upTo,
          claims.expiresAt,
        ]),
      ),
    )
    return `${payload}.${this.#sign(payload)}`
  }

  /** The token's claims, or undefined when it is not a token this simulator issued. */
  async read(token: string): Promise<TokenClaims | undefined> {
    return this.#verified.remember(token, (unknown) => this.#verify(unknown))
  }

  #verify(token: string): TokenClaims | undefined {
    const [payload, signature, extra] = token.split('.')
    if (!payload || !signature || extra !== undefined || token.length > 512) {
      return undefined
    }
    // Only the one spelling issue() writes: base64 leaves spare bits in its last character.
    return sameSignature(this.#sign(payload), signature) ? decodeClaims(payload) : undefined
  }

  #sign(payload: string): string {
    return base64url(hmac('sha256', this.#key, encoder.encode(payload)))
  }
}

function decodeClaims(payload: string): TokenClaims | undefined {
  // Only the one spelling issue() writes: atob also reads padding, `+` and `/`.
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) {
    return undefined
  }
  try {
    // atob refuses a length no base64 has, JSON.parse what is not JSON: a token with either is no token.
    const fields = JSON.parse(new TextDecoder().decode(fromBase64url(payload)))
    if (!Array.isArray(fields) || fields.length !== 9 || !fields.every(Number.isSafeInteger) || fields[0] !== version) {
      return undefined
    }
    const [, use, scope, account, full, cursor, end, upTo, expiresAt] = fields as number[]
    const useName = uses[use as number]
    const scopeName = scopes[scope as number]
    if (!useName || !scopeName) {
      return undefined
    }
    return Object.freeze({
      use: useName,
      scope: scopeName,
      account: account as number,
      full: full === 1,
      cursor: cursor as number,
      end: end as number,
      upTo: upTo as number,
      expiresAt: expiresAt as number,
    })
  } catch {
    // Refused below, as any token this server did not issue. The catch holds no statement, so no
    // mutant can empty it to the same effect (and no mark is needed).
  }
  return undefined
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) {
    binary += String.fromCharCode(byte)
  }
  // Padding is the only `=` base64 writes.
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0))
}
