import { type Authentication, admit, basicCredentials, deny } from '../core/kit/credentials.js'

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

/**
 * Reads `Authorization: Basic <key:secret>` (standard or URL-safe base64) and the optional
 * `X-Account-Key`. A token of one account needs no account key (the vendor's SDK stopped sending
 * it and its calls still succeeded); a key that names another account is refused with 403 rather
 * than ignored.
 *
 * @example
 * const caller = authenticate(c.req.header('authorization'), c.req.header('x-account-key'), (key) => accounts.byTokenKey(key))
 */
export function authenticate<A extends { tenant: OmnigageTenant }>(
  authorization: string | undefined,
  accountKey: string | undefined,
  byTokenKey: (tokenKey: string) => A | undefined,
): Authentication<A> {
  if (!authorization) {
    return deny('No credentials were sent; send the API token as HTTP Basic (token key as user, secret as password).')
  }
  const credentials = basicCredentials(authorization, 'url-safe')
  if (credentials === 'not-basic') {
    return deny('The Authorization header is not HTTP Basic; send the API token key and secret as user and password.')
  }
  if (credentials === 'not-base64') {
    return deny('The Authorization header is not valid base64 of "key:secret".')
  }
  const account = credentials === 'no-colon' ? undefined : byTokenKey(credentials.user)
  if (typeof credentials === 'string' || !account || account.tenant.tokenSecret !== credentials.password) {
    return deny('The API token key and secret do not match a token; check them under Developer, API Tokens.')
  }
  if (accountKey !== undefined && accountKey !== account.tenant.accountKey) {
    return deny(`The API token does not belong to account "${accountKey}"; send its own account key or none.`, {
      status: 403,
    })
  }
  return admit(account)
}
