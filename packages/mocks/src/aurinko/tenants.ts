import { type Authentication, admit, basicCredentials, bearerToken, deny } from '../core/kit/credentials.js'
import type { AddressBook } from './contacts.js'
import { errorCodes } from './errors.js'

/** An Aurinko application: its client id and secret (HTTP Basic). */
export interface AurinkoApp {
  clientId: string
  clientSecret: string
}

/** An account as configured or seeded: who it is, its token, and what its address book starts with. */
export interface AccountConfig {
  /** Aurinko's numeric account id, as sent in `X-Aurinko-Account-Id`. */
  accountId: number
  /** The account's access token (`Authorization: Bearer`). */
  accessToken: string
  /** The application the account belongs to; its Basic credentials reach the account. Default: the sandbox app. */
  clientId?: string
  /** The provider behind it, shown by the admin API. Default `Google`. */
  serviceType?: string
  /** A revoked token: every call answers 401 `token.dead`. */
  tokenDead?: boolean
  /** `documented`: the vendor's example contact and 24 generated ones; a number: that many generated contacts. Default 0. */
  contacts?: number | 'documented'
  /** The sync is already provisioned: the first `POST /v1/contacts/sync` answers ready. */
  syncReady?: boolean
}

/** An account while the simulator runs. */
export interface Account {
  readonly config: AccountConfig
  readonly accountId: number
  /** Never reused, even after a reset: tokens and contact ids carry it, so old ones never match a new account. */
  readonly key: number
  readonly book: AddressBook
  /** When the account's sync began provisioning, and how long it takes; null before the first sync start. */
  provisioning: { startedAt: number; durationMs: number } | null
}

/** The application in the simulator's examples. */
export const sandboxApp: AurinkoApp = {
  clientId: 'aurinko-sandbox-client-id',
  clientSecret: 'aurinko-sandbox-client-secret',
}

/** The default account: the token the CLI prints, with the documented contact and 24 generated ones. */
export const sandboxAccount: AccountConfig = {
  accountId: 1001,
  accessToken: 'aurinko-sandbox-token',
  clientId: sandboxApp.clientId,
  serviceType: 'Google',
  contacts: 'documented',
}

/** A second account of the same app, so tests can show one account never sees another's data. */
export const secondAccount: AccountConfig = {
  accountId: 1002,
  accessToken: 'aurinko-second-token',
  clientId: sandboxApp.clientId,
  serviceType: 'Office365',
  contacts: 5,
}

/** What the simulator knows of apps and accounts, to resolve a request's credentials. */
export interface AccountDirectory {
  byToken(token: string): Account | undefined
  byId(accountId: number): Account | undefined
  app(clientId: string): AurinkoApp | undefined
}

/**
 * The account a request acts for: the account of a Bearer token, or the account named by
 * `X-Aurinko-Account-Id` when the request carries its application's Basic credentials.
 *
 * @example
 * authenticate('Bearer aurinko-sandbox-token', undefined, directory) // { kind: 'ok', caller: account }
 */
export function authenticate(
  authorization: string | undefined,
  accountIdHeader: string | undefined,
  directory: AccountDirectory,
): Authentication<Account> {
  const denied = (why: string, code: string = errorCodes.unauthorized) => deny(why, { code })
  if (!authorization) {
    return denied(
      'send "Authorization: Bearer <account access token>", or Basic client credentials with X-Aurinko-Account-Id',
    )
  }
  const bearer = bearerToken(authorization)
  let account: Account | undefined
  if (bearer !== undefined) {
    account = directory.byToken(bearer)
    if (!account) {
      return denied('the Bearer token is not the access token of any account; sign the account in again')
    }
    // A header's value comes without the white space around it (Headers strips it).
    if (accountIdHeader !== undefined && accountIdHeader !== String(account.accountId)) {
      return denied(`X-Aurinko-Account-Id names another account than the token's; leave it out with a Bearer token`)
    }
  } else {
    const credentials = basicCredentials(authorization)
    if (typeof credentials === 'string') {
      return denied('the Authorization header is neither Bearer <token> nor Basic <clientId:clientSecret>')
    }
    const app = directory.app(credentials.user)
    if (!app || app.clientSecret !== credentials.password) {
      return denied('the client id and secret match no application')
    }
    if (!/^\d+$/.test(String(accountIdHeader))) {
      return denied('with Basic client credentials, name the account in X-Aurinko-Account-Id (its numeric id)')
    }
    account = directory.byId(Number(accountIdHeader))
    if (!account || (account.config.clientId ?? sandboxApp.clientId) !== app.clientId) {
      return denied(`application ${app.clientId} has no account ${accountIdHeader}`)
    }
  }
  if (account.config.tokenDead) {
    return denied('the account token was revoked; sign the account in again', errorCodes.tokenDead)
  }
  return admit(account)
}
