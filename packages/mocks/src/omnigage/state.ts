import type { VendorState } from '../core/simulator.js'
import { isoMicros } from '../core/time-format.js'
import type { AccountStore } from './accounts.js'
import type { ContactValues } from './contacts.js'
import type { IdSource } from './ids.js'
import { statusAt } from './imports.js'

/** What `POST /__admin/state` takes: contacts to add to an account (default: the first one). */
export interface OmnigageSeed {
  account?: string
  contacts?: SeedContact[]
}

/** A contact to seed, with the API's attribute names. */
export interface SeedContact {
  'first-name'?: string | null
  'last-name'?: string | null
  company?: string | null
  title?: string | null
  'phone-numbers'?: string[]
  'email-addresses'?: string[]
}

const seedFields = new Set(['first-name', 'last-name', 'company', 'title', 'phone-numbers', 'email-addresses'])

/**
 * The admin view of the Omnigage simulator: each account's uploads, imports (with their status
 * now) and contacts; seeding contacts; reset.
 *
 * @example
 * sim.seed({ account: 'firstbank', contacts: [{ 'first-name': 'Ann', 'phone-numbers': ['+14155550100'] }] })
 */
export function createOmnigageState(context: {
  accounts: AccountStore
  ids: IdSource
  now: () => number
}): VendorState {
  const { accounts, ids, now } = context
  return {
    inspect() {
      const at = now()
      return {
        accounts: accounts.all().map((account) => ({
          accountKey: account.tenant.accountKey,
          tokenKey: account.tenant.tokenKey,
          uploads: [...account.uploads.values()].map((upload) => ({
            id: upload.id,
            name: upload.name,
            keyPrefix: upload.keyPrefix,
            expiresAt: isoMicros(upload.expiresAt),
          })),
          imports: [...account.imports.values()].map((job) => ({
            id: job.id,
            status: statusAt(job, at),
            file: job.file.name,
            rows: job.result?.counts.total ?? null,
          })),
          contacts: account.contacts.size,
        })),
      }
    },
    seed(input) {
      // A snapshot is a list of seeds, one per account.
      return Array.isArray(input) ? input.map(seedOne) : seedOne(input)
    },
    reset() {
      accounts.reset()
    },
    snapshot() {
      return accounts.all().map((account) => ({
        account: account.tenant.accountKey,
        contacts: account.contacts.all().map((contact) => ({
          'first-name': contact.firstName,
          'last-name': contact.lastName,
          company: contact.company,
          title: contact.title,
          'phone-numbers': contact.phoneNumbers,
          'email-addresses': contact.emailAddresses,
        })),
      }))
    },
  }

  function seedOne(input: unknown) {
    const seed = checkSeed(input)
    const account = seed.account === undefined ? accounts.all()[0] : accounts.byAccountKey(seed.account)
    if (!account) {
      const known = accounts.all().map((candidate) => candidate.tenant.accountKey)
      throw new RangeError(`There is no account "${seed.account}"; choose from ${known.join(', ')}.`)
    }
    const at = now()
    const added = (seed.contacts ?? []).map((contact) => {
      const slot = account.contacts.add(ids.reserve(), valuesOf(contact), at, account.membershipId)
      return account.contacts.idAt(slot) as string
    })
    return { account: account.tenant.accountKey, contacts: added }
  }
}

function checkSeed(input: unknown): OmnigageSeed {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RangeError('Send an object: {"account": "firstbank", "contacts": [{"first-name": "Ann", …}]}.')
  }
  const { account, contacts, ...rest } = input as Record<string, unknown>
  const extra = Object.keys(rest)
  if (extra.length > 0) {
    throw new RangeError(`Unknown field ${extra.join(', ')}; a seed has "account" and "contacts".`)
  }
  if (account !== undefined && typeof account !== 'string') {
    throw new RangeError('"account" must be an account key such as "firstbank".')
  }
  if (contacts !== undefined && !Array.isArray(contacts)) {
    throw new RangeError('"contacts" must be a list of contacts.')
  }
  for (const [index, contact] of (contacts ?? []).entries()) {
    if (typeof contact !== 'object' || contact === null || Array.isArray(contact)) {
      throw new RangeError(`contacts[${index}] must be an object.`)
    }
    for (const [name, value] of Object.entries(contact)) {
      if (!seedFields.has(name)) {
        throw new RangeError(`contacts[${index}] has an unknown field "${name}"; use ${[...seedFields].join(', ')}.`)
      }
      const list = name === 'phone-numbers' || name === 'email-addresses'
      const ok = list
        ? Array.isArray(value) && value.every((item) => typeof item === 'string')
        : value === null || typeof value === 'string'
      if (!ok) {
        throw new RangeError(`contacts[${index}].${name} must be ${list ? 'a list of strings' : 'a string or null'}.`)
      }
    }
  }
  return { account, contacts } as OmnigageSeed
}

function valuesOf(contact: SeedContact): ContactValues {
  return {
    firstName: contact['first-name'] ?? null,
    lastName: contact['last-name'] ?? null,
    company: contact.company ?? null,
    title: contact.title ?? null,
    phoneNumbers: [...(contact['phone-numbers'] ?? [])],
    emailAddresses: (contact['email-addresses'] ?? []).map((email) => email.toLowerCase()),
  }
}
