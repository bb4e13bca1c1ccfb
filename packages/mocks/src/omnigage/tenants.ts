/** An API token and the account it belongs to. */
export interface OmnigageTenant {
  /** The token's key: the Basic user name. */
  tokenKey: string
  /** The token's secret: the Basic password. */
  tokenSecret: string
  /** The account's key, as sent in `X-Account-Key`. */
  accountKey: string
  /** The membership the token acts as (`created-by`, `updated-by`). Default: derived from the key. */
  membershipId?: string
}

/** The documented account (`firstbank`) with the token the CLI prints. */
export const sandboxTenant: OmnigageTenant = {
  tokenKey: 'omnigage-sandbox-key',
  tokenSecret: 'omnigage-sandbox-secret',
  accountKey: 'firstbank',
  membershipId: 'FJ653kkb36jbqBUNPx9sqJ',
}

/** A second account, so tests can show one account never sees another's data. */
export const secondTenant: OmnigageTenant = {
  tokenKey: 'omnigage-second-key',
  tokenSecret: 'omnigage-second-secret',
  accountKey: 'secondbank',
  membershipId: 'vrRoJ5kieg4JcATs2r8wdc',
}

/** Who a request is, or why it is refused: 401 for bad credentials, 403 for another account's key. */
export type Caller<A> = { kind: 'tenant'; account: A } | { kind: 'denied'; status: 401 | 403; detail: string }

/**
 * Reads `Authorization: Basic <key:secret>` and the optional `X-Account-Key`. A token of one
 * account needs no account key (the vendor's SDK stopped sending it and its calls still
 * succeeded); a key that names another account is refused rather than ignored.
 *
 * @example
 * const caller = authenticate(c.req.header('authorization'), c.req.header('x-account-key'), (key) => accounts.byToken(key))
 */
export function authenticate<A extends { tenant: OmnigageTenant }>(
  authorization: string | undefined,
  accountKey: string | undefined,
  byTokenKey: (tokenKey: string) => A | undefined,
): Caller<A> {
  if (!authorization) {
    return denied401(
      'No credentials were sent; send the API token as HTTP Basic (token key as user, secret as password).',
    )
  }
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization)
  if (!match?.[1]) {
    return denied401(
      'The Authorization header is not HTTP Basic; send the API token key and secret as user and password.',
    )
  }
  let decoded: string
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(match[1].replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0)),
    )
  } catch {
    return denied401('The Authorization header is not valid base64 of "key:secret".')
  }
  const colon = decoded.indexOf(':')
  const tokenKey = colon === -1 ? decoded : decoded.slice(0, colon)
  const secret = colon === -1 ? '' : decoded.slice(colon + 1)
  const account = byTokenKey(tokenKey)
  if (!account || account.tenant.tokenSecret !== secret) {
    return denied401('The API token key and secret do not match a token; check them under Developer, API Tokens.')
  }
  if (accountKey !== undefined && accountKey !== account.tenant.accountKey) {
    return {
      kind: 'denied',
      status: 403,
      detail: `The API token does not belong to account "${accountKey}"; send its own account key or none.`,
    }
  }
  return { kind: 'tenant', account }
}

function denied401(detail: string): Caller<never> {
  return { kind: 'denied', status: 401, detail }
}
