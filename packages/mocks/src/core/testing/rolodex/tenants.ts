import { type Authentication, admit, basicCredentials, bearerToken, deny } from '../../kit/credentials.js'

/** A Rolodex account: its token (Bearer), or its name and password (Basic), and its cards. */
export interface RolodexAccount {
  name: string
  password: string
  token: string
  cards: { id: string; name: string; email?: string }[]
}

/** The documented account the CLI would print. */
export const sandboxAccount = { name: 'sandbox', password: 'sandbox-password', token: 'rolodex-sandbox-token' }

/**
 * The account a request acts for: by its Bearer token, or by its name and password as Basic.
 *
 * @example
 * authenticate('Bearer rolodex-sandbox-token', accounts) // { kind: 'ok', caller: account }
 */
export function authenticate(
  authorization: string | undefined,
  accounts: readonly RolodexAccount[],
): Authentication<RolodexAccount> {
  if (!authorization) {
    return deny('Send "Authorization: Bearer <token>" or the account as Basic credentials.', { code: 'auth.missing' })
  }
  const token = bearerToken(authorization)
  const basic = token === undefined ? basicCredentials(authorization) : undefined
  const account =
    token !== undefined
      ? accounts.find((candidate) => candidate.token === token)
      : typeof basic === 'object'
        ? accounts.find((candidate) => candidate.name === basic.user && candidate.password === basic.password)
        : undefined
  return account ? admit(account) : deny('The credentials match no account.', { code: 'auth.invalid' })
}
