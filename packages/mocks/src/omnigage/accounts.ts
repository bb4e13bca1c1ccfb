import { ContactStore, type IdPositions } from './contacts.js'
import type { StoredFile } from './files.js'
import type { ImportJob } from './imports.js'
import type { OmnigageTenant } from './tenants.js'
import type { Upload } from './uploads.js'

/** An account while the simulator runs: its token and everything it made. */
export interface Account {
  readonly tenant: OmnigageTenant
  readonly membershipId: string
  readonly uploads: Map<string, Upload>
  /** In creation order. */
  readonly imports: Map<string, ImportJob>
  readonly files: Map<string, StoredFile>
  readonly contacts: ContactStore
}

/**
 * The accounts of the configured tenants, found by token key. Each has its own uploads, imports,
 * files and contacts, so no account sees another's.
 *
 * @example
 * const accounts = new AccountStore([sandboxTenant, secondTenant], ids)
 * accounts.byTokenKey('omnigage-sandbox-key')?.contacts.size // 0
 */
export class AccountStore {
  readonly #byTokenKey = new Map<string, Account>()

  /** `ids` names the contacts, which keep their id's position in its sequence. */
  constructor(tenants: readonly OmnigageTenant[], ids: IdPositions) {
    for (const tenant of tenants) {
      if (this.#byTokenKey.has(tenant.tokenKey)) {
        throw new RangeError(`Failed to create the Omnigage simulator: token key "${tenant.tokenKey}" is given twice.`)
      }
      this.#byTokenKey.set(tenant.tokenKey, {
        tenant,
        membershipId: tenant.membershipId ?? membershipOf(tenant.tokenKey),
        uploads: new Map(),
        imports: new Map(),
        files: new Map(),
        contacts: new ContactStore(ids),
      })
    }
  }

  byTokenKey(tokenKey: string): Account | undefined {
    return this.#byTokenKey.get(tokenKey)
  }

  byAccountKey(accountKey: string): Account | undefined {
    return this.all().find((account) => account.tenant.accountKey === accountKey)
  }

  all(): Account[] {
    return [...this.#byTokenKey.values()]
  }

  /** Forgets every upload, import, file and contact; the tenants stay. */
  reset(): void {
    for (const account of this.#byTokenKey.values()) {
      account.uploads.clear()
      account.imports.clear()
      account.files.clear()
      account.contacts.clear()
    }
  }
}

// A stable 22-character membership id for a configured token without one.
function membershipOf(tokenKey: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
  let hash = 0x811c9dc5
  let id = ''
  for (let index = 0; index < 22; index++) {
    hash ^= tokenKey.charCodeAt(index % Math.max(tokenKey.length, 1)) + index
    hash = Math.imul(hash, 0x01000193) >>> 0
    id += alphabet[hash % alphabet.length]
  }
  return id
}
