import type { ByteCache } from '../core/byte-cache.js'
import type { Clock } from '../core/clock.js'
import type { VendorState } from '../core/simulator.js'
import type { AccountStore } from './accounts.js'
import { type ContactFields, writableFields } from './contact-fields.js'
import type { StoredContact } from './contacts.js'
import type { IfMatchPolicy } from './route-env.js'
import { checkSeed, type ProviderEdits } from './seed-schema.js'
import type { SyncService } from './sync.js'
import { type Account, type AurinkoApp, sandboxApp } from './tenants.js'

/** What provider-side edits did: the ids of the contacts created, updated and deleted. */
export interface ProviderEditResult {
  accountId: number
  created: string[]
  updated: string[]
  deleted: string[]
}

export interface AurinkoStateOptions {
  clock: Clock
  accounts: AccountStore
  sync: SyncService
  contactBytes: ByteCache
  ifMatch: IfMatchPolicy
}

/**
 * The admin view of an Aurinko simulator (`/__admin/state`): inspect apps, accounts, book sizes
 * and sync phases (never tokens or secrets); seed apps, accounts with N generated or listed
 * contacts, and provider-side edits; reset to the configured accounts.
 *
 * @example
 * state.seed({ accounts: [{ accountId: 2001, accessToken: 'big', contacts: 100_000 }] })
 * state.seed({ providerEdits: [{ accountId: 2001, create: [{ name: { givenName: 'Ann' } }] }] })
 */
export function createAurinkoState(options: AurinkoStateOptions): VendorState {
  const { accounts, clock } = options
  // What seeds added, for snapshots: the configured apps and accounts come back with the options.
  const seededApps = new Set<AurinkoApp>()
  const seededAccounts = new Set<Account>()
  return {
    inspect() {
      return {
        apps: accounts.apps.map((app) => ({ clientId: app.clientId })),
        accounts: accounts.accounts.map((account) => ({
          accountId: account.accountId,
          clientId: account.config.clientId ?? sandboxApp.clientId,
          serviceType: account.config.serviceType ?? 'Google',
          tokenDead: account.config.tokenDead === true,
          contacts: account.book.size,
          changes: account.book.seq,
          sync: options.sync.phase(account),
        })),
        sync: options.sync.timing,
        ifMatch: options.ifMatch,
      }
    },

    seed(input) {
      const seed = checkSeed(input, accounts)
      for (const { clientId, clientSecret } of seed.apps ?? []) {
        const app = { clientId, clientSecret }
        accounts.addApp(app)
        seededApps.add(app)
      }
      for (const { contacts = 0, ...config } of seed.accounts ?? []) {
        // Contacts listed replace the generated ones: the account is seeded with either.
        const account =
          typeof contacts === 'number'
            ? accounts.add({ ...config, contacts })
            : accounts.add(
                config,
                contacts.map((contact) => writableFields(contact as never)),
              )
        seededAccounts.add(account)
      }
      return {
        apps: seed.apps?.length ?? 0,
        accounts: (seed.accounts ?? []).map((account) => account.accountId),
        providerEdits: (seed.providerEdits ?? []).map((edit) => applyEdits(edit)),
      }
    },

    reset() {
      accounts.reset()
      options.contactBytes.clear()
      seededApps.clear()
      seededAccounts.clear()
    },

    // What seed takes to rebuild the seeded apps and accounts with their books as they stand now (a
    // book never changed stays a number to generate). Sync sessions and tokens are not included.
    snapshot() {
      return {
        apps: [...seededApps].map((app) => ({ ...app })),
        accounts: [...seededAccounts].map((account) => {
          const { contacts: _configured, ...config } = account.config
          const book = account.book
          const contacts =
            book.seq === 0 && book.size === account.config.contacts
              ? account.config.contacts
              : book.scan(0, book.endOrdinal, Number.MAX_SAFE_INTEGER).contacts.map((contact) => contact.fields)
          return { ...config, contacts }
        }),
      }
    },
  }

  function applyEdits(edit: ProviderEdits): ProviderEditResult {
    // checkSeed refused edits of an account that does not exist.
    const book = (accounts.byId(edit.accountId) as Account).book
    const now = clock.now()
    const created = (edit.create ?? []).map((fields) => book.create(writableFields(fields as never), now).id)
    const updated = (edit.update ?? []).map(({ id, ...fields }) => {
      const current = book.find(id) as StoredContact
      const changes: ContactFields = writableFields(fields as never)
      return book.replace(current, { ...current.fields, ...changes }, now).id
    })
    const deleted = (edit.delete ?? []).map((id) => {
      book.delete(book.find(id) as StoredContact, now)
      return id
    })
    return { accountId: edit.accountId, created, updated, deleted }
  }
}
