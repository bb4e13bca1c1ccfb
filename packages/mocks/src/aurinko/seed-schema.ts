import { aurinkoDocument } from '@contactkit/specs/aurinko'
import { type JsonSchema, seedFailure, seedSchema } from '../core/kit/seed-schema.js'
import type { AccountStore } from './accounts.js'
import type { ContactFields } from './contact-fields.js'
import { maxGeneratedContacts } from './fixtures.js'
import type { AccountConfig, AurinkoApp } from './tenants.js'

/** An account to seed: its contacts as a number to generate, or as a list of contacts. */
export type SeedAccount = Omit<AccountConfig, 'contacts'> & { contacts?: number | ContactFields[] }

/**
 * Changes made on the provider's side (as if the user edited the address book in Google or
 * Outlook): they reach clients only through sync, exactly as API changes do.
 */
export interface ProviderEdits {
  accountId: number
  create?: ContactFields[]
  /** Each names a contact by `id`; the fields given replace the stored ones, like a PATCH. */
  update?: (ContactFields & { id: string })[]
  delete?: string[]
}

/** What `POST /__admin/state` takes. */
export interface AurinkoSeed {
  apps?: AurinkoApp[]
  accounts?: SeedAccount[]
  providerEdits?: ProviderEdits[]
}

// A contact as `POST /v1/contacts` takes it: the spec's own schema.
const contact: JsonSchema = { $ref: '#/components/schemas/Contact' }
const nonEmpty = { type: 'string', minLength: 1 }

/** The seed's JSON Schema, checked by the spec validator (contacts against the spec's Contact). */
export const aurinkoSeedSchema: JsonSchema = {
  description: 'an object with "apps", "accounts" or "providerEdits"',
  type: 'object',
  additionalProperties: false,
  properties: {
    apps: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['clientId', 'clientSecret'],
        properties: { clientId: nonEmpty, clientSecret: nonEmpty },
      },
    },
    accounts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['accountId', 'accessToken'],
        properties: {
          accountId: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
          accessToken: { type: 'string', pattern: '^\\S+$', description: 'a token without spaces' },
          clientId: { type: 'string' },
          serviceType: { type: 'string' },
          tokenDead: { type: 'boolean' },
          syncReady: { type: 'boolean' },
          contacts: {
            description: `a whole number from 0 to ${maxGeneratedContacts}, or a list of contacts`,
            oneOf: [
              { type: 'integer', minimum: 0, maximum: maxGeneratedContacts },
              { type: 'array', items: contact },
            ],
          },
        },
      },
    },
    providerEdits: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['accountId'],
        properties: {
          accountId: { type: 'integer' },
          create: { type: 'array', items: contact },
          update: {
            type: 'array',
            // The contact's own schema holds its id to a string.
            items: { allOf: [contact], required: ['id'], unevaluatedProperties: false },
          },
          delete: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
}

const checkShape = seedSchema<AurinkoSeed>({ title: 'Aurinko', schema: aurinkoSeedSchema, document: aurinkoDocument })

/**
 * Checks a whole seed before anything is applied, so a bad seed changes nothing: its shape by the
 * schema, then ids and tokens that are new, apps and accounts that exist, and contacts that
 * exist. Throws a RangeError that says what to fix.
 *
 * @example
 * const seed = checkSeed(input, accounts) // then apply it
 */
export function checkSeed(input: unknown, accounts: AccountStore): AurinkoSeed {
  const seed = checkShape(input)
  const fail = (why: string): never => {
    throw seedFailure('Aurinko', why)
  }
  const clientIds = new Set(accounts.apps.map((app) => app.clientId))
  seed.apps?.forEach((app, index) => {
    if (clientIds.has(app.clientId)) {
      fail(`apps[${index}]: an app with client id ${app.clientId} exists already; choose another`)
    }
    clientIds.add(app.clientId)
  })
  const accountIds = new Set(accounts.accounts.map((account) => account.accountId))
  const tokens = new Set(accounts.accounts.map((account) => account.config.accessToken))
  seed.accounts?.forEach((account, index) => {
    const where = `accounts[${index}]`
    if (accountIds.has(account.accountId) || tokens.has(account.accessToken)) {
      fail(`${where}: account ${account.accountId} or its token exists already; choose another id and token`)
    }
    accountIds.add(account.accountId)
    tokens.add(account.accessToken)
    if (account.clientId !== undefined && !clientIds.has(account.clientId)) {
      fail(`${where}: there is no app ${account.clientId}; seed it in "apps" first`)
    }
  })
  const deletedByAccount = new Map<number, Set<string>>()
  for (const [index, edit] of (seed.providerEdits ?? []).entries()) {
    const where = `providerEdits[${index}]`
    const book = accounts.byId(edit.accountId)?.book
    if (!book) {
      return fail(`${where}: there is no account ${edit.accountId}; seed it first (a separate request)`)
    }
    const deleted = deletedByAccount.get(edit.accountId) ?? new Set<string>()
    deletedByAccount.set(edit.accountId, deleted)
    const known = (id: string, what: string) => {
      if (!book.find(id) || deleted.has(id)) {
        fail(`${what}: account ${edit.accountId} has no contact ${JSON.stringify(id)}`)
      }
    }
    for (const [at, update] of (edit.update ?? []).entries()) {
      known(update.id, `${where}.update[${at}]`)
    }
    for (const [at, id] of (edit.delete ?? []).entries()) {
      known(id, `${where}.delete[${at}]`)
      deleted.add(id)
    }
  }
  return seed
}
