import type { Clock } from '../core/clock.js'
import type { ContactFields } from './contact-fields.js'
import { AddressBook } from './contacts.js'
import { contactGenerator, documentedBookGenerated, documentedContact } from './fixtures.js'
import type { Account, AccountConfig, AccountDirectory, AurinkoApp } from './tenants.js'

/**
 * The apps and accounts of one simulator, each account with its own address book. Accounts come
 * from the simulator's options and from admin seeds; reset goes back to the configured ones.
 *
 * @example
 * const accounts = new AccountStore(clock, 1, [sandboxApp], [sandboxAccount])
 * accounts.byToken('aurinko-sandbox-token')?.book.size // 25
 */
export class AccountStore implements AccountDirectory {
  readonly #apps = new Map<string, AurinkoApp>()
  readonly #byId = new Map<number, Account>()
  readonly #byToken = new Map<string, Account>()
  // Never reset: an account made after a reset never gets an old key, so old ids and tokens fail.
  #nextKey = 1

  constructor(
    private readonly clock: Clock,
    private readonly randomSeed: number,
    private readonly configuredApps: readonly AurinkoApp[],
    private readonly configuredAccounts: readonly AccountConfig[],
  ) {
    this.reset()
  }

  byToken(token: string): Account | undefined {
    return this.#byToken.get(token)
  }

  byId(accountId: number): Account | undefined {
    return this.#byId.get(accountId)
  }

  app(clientId: string): AurinkoApp | undefined {
    return this.#apps.get(clientId)
  }

  get apps(): AurinkoApp[] {
    return [...this.#apps.values()]
  }

  get accounts(): Account[] {
    return [...this.#byId.values()]
  }

  addApp(app: AurinkoApp): void {
    this.#apps.set(app.clientId, { ...app })
  }

  /** Adds an account; `contacts` as given replace the config's generated ones. */
  add(config: AccountConfig, contacts?: readonly ContactFields[]): Account {
    const key = this.#nextKey++
    const createdMs = this.clock.now()
    const configured = config.contacts
    const documented = configured === 'documented'
    const book = new AddressBook({
      idPrefix: `c${key.toString(36)}_`,
      createdMs,
      initial: contacts ?? (documented ? [documentedContact] : []),
      generated: documented ? documentedBookGenerated : configured,
      generate: contactGenerator((this.randomSeed ^ Math.imul(config.accountId, 0x9e3779b1)) >>> 0),
    })
    const account: Account = {
      config: { ...config },
      accountId: config.accountId,
      key,
      book,
      provisioning: config.syncReady ? { startedAt: createdMs, durationMs: 0 } : null,
    }
    this.#byId.set(account.accountId, account)
    this.#byToken.set(config.accessToken, account)
    return account
  }

  /** Forgets seeded apps and accounts and every change; the configured accounts start afresh. */
  reset(): void {
    this.#apps.clear()
    this.#byId.clear()
    this.#byToken.clear()
    for (const app of this.configuredApps) {
      this.addApp(app)
    }
    for (const config of this.configuredAccounts) {
      this.add(config)
    }
  }
}
