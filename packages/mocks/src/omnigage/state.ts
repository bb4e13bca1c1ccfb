import { type JsonSchema, seedFailure, seedSchema } from '../core/kit/seed-schema.js'
import type { VendorState } from '../core/simulator.js'
import type { Account, AccountStore } from './accounts.js'
import type { ContactValues } from './contacts.js'
import type { IdSource } from './ids.js'
import { statusAt } from './imports.js'
import { isoMicros } from './iso-micros.js'

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

const text = { type: ['string', 'null'] }
const texts = { type: 'array', items: { type: 'string' } }
const oneSeed = {
  type: 'object',
  additionalProperties: false,
  properties: {
    account: { type: 'string' },
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          'first-name': text,
          'last-name': text,
          company: text,
          title: text,
          'phone-numbers': texts,
          'email-addresses': texts,
        },
      },
    },
  },
}

/** The seed's JSON Schema: one account's contacts, or a list of those (as the snapshot writes it). */
export const omnigageSeedSchema: JsonSchema = {
  description: 'an object with "account" and "contacts", or a list of those',
  oneOf: [oneSeed, { type: 'array', items: oneSeed }],
}

const checkSeed = seedSchema<OmnigageSeed | OmnigageSeed[]>({ title: 'Omnigage', schema: omnigageSeedSchema })

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
      // A snapshot is a list of seeds, one per account; each is checked before any is applied.
      const seed = checkSeed(input)
      const seeds = Array.isArray(seed) ? seed : [seed]
      const targets = seeds.map(accountOf)
      const results = seeds.map((one, index) => seedOne(one, targets[index] as Account))
      return Array.isArray(seed) ? results : results[0]
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

  function accountOf(seed: OmnigageSeed): Account {
    const account = seed.account === undefined ? accounts.all()[0] : accounts.byAccountKey(seed.account)
    if (!account) {
      const known = accounts.all().map((candidate) => candidate.tenant.accountKey)
      throw seedFailure('Omnigage', `there is no account "${seed.account}"; choose from ${known.join(', ')}`)
    }
    return account
  }

  function seedOne(seed: OmnigageSeed, account: Account) {
    const at = now()
    const added = (seed.contacts ?? []).map((contact) => {
      const slot = account.contacts.add(ids.reserve(), valuesOf(contact), at, account.membershipId)
      return account.contacts.idAt(slot) as string
    })
    return { account: account.tenant.accountKey, contacts: added }
  }
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
