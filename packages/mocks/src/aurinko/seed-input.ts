import type { Validator } from '@contactkit/specs/validator'
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

const seedFields = ['apps', 'accounts', 'providerEdits']
const accountFields = ['accountId', 'accessToken', 'clientId', 'serviceType', 'tokenDead', 'contacts', 'syncReady']
const editFields = ['accountId', 'create', 'update', 'delete']

/**
 * Checks a whole seed before anything is applied, so a bad seed changes nothing: every field's
 * type, ids and tokens that are new, accounts and contacts that exist, and every contact against
 * the spec's Contact schema. Throws a RangeError that says what to fix.
 *
 * @example
 * const seed = checkSeed(input, accounts, validator) // then apply it
 */
export function checkSeed(input: unknown, accounts: AccountStore, validator: Validator): AurinkoSeed {
  const fail = (why: string): never => {
    throw new RangeError(`Failed to seed the Aurinko simulator: ${why}`)
  }
  const object = (value: unknown, what: string, allowed: string[]): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(`${what} must be an object.`)
    }
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key))
    if (unknown.length > 0) {
      fail(`${what} has unknown field ${unknown.join(', ')}; it takes ${allowed.join(', ')}.`)
    }
    return value as Record<string, unknown>
  }
  const list = (value: unknown, what: string): unknown[] =>
    value === undefined ? [] : Array.isArray(value) ? value : fail(`${what} must be an array.`)
  const contact = (value: unknown, what: string) => {
    const { problems } = validator.validateRequest('createContact', { mediaType: 'application/json', body: value })
    if (problems.length > 0 || typeof value !== 'object' || value === null) {
      fail(
        `${what} is not a valid contact: ${problems.map((problem) => problem.message).join('; ') || 'send an object'}.`,
      )
    }
  }

  const seed = object(input, 'the seed', seedFields)
  const clientIds = new Set(accounts.apps.map((app) => app.clientId))
  for (const [index, app] of list(seed.apps, '"apps"').entries()) {
    const { clientId, clientSecret } = object(app, `apps[${index}]`, ['clientId', 'clientSecret'])
    if (typeof clientId !== 'string' || !clientId || typeof clientSecret !== 'string' || !clientSecret) {
      fail(`apps[${index}] needs a "clientId" and a "clientSecret", non-empty strings.`)
    }
    if (clientIds.has(clientId as string)) {
      fail(`an app with client id ${clientId} exists already; choose another.`)
    }
    clientIds.add(clientId as string)
  }

  const accountIds = new Set(accounts.accounts.map((account) => account.accountId))
  const tokens = new Set(accounts.accounts.map((account) => account.config.accessToken))
  for (const [index, value] of list(seed.accounts, '"accounts"').entries()) {
    const account = object(value, `accounts[${index}]`, accountFields)
    const where = `accounts[${index}]`
    if (!Number.isSafeInteger(account.accountId) || (account.accountId as number) < 1) {
      fail(`${where} needs an "accountId", a whole number from 1.`)
    }
    if (typeof account.accessToken !== 'string' || !/^\S+$/.test(account.accessToken)) {
      fail(`${where} needs an "accessToken", a string without spaces.`)
    }
    if (accountIds.has(account.accountId as number) || tokens.has(account.accessToken as string)) {
      fail(`${where}: account ${account.accountId} or its token exists already; choose another id and token.`)
    }
    accountIds.add(account.accountId as number)
    tokens.add(account.accessToken as string)
    if (account.clientId !== undefined && !clientIds.has(account.clientId as string)) {
      fail(`${where}: there is no app ${String(account.clientId)}; seed it in "apps" first.`)
    }
    for (const flag of ['tokenDead', 'syncReady']) {
      if (account[flag] !== undefined && typeof account[flag] !== 'boolean') {
        fail(`${where}: "${flag}" must be true or false.`)
      }
    }
    if (account.serviceType !== undefined && typeof account.serviceType !== 'string') {
      fail(`${where}: "serviceType" must be a string such as "Google" or "Office365".`)
    }
    const contacts = account.contacts
    if (typeof contacts === 'number') {
      if (!Number.isInteger(contacts) || contacts < 0 || contacts > maxGeneratedContacts) {
        fail(`${where}: "contacts" must be a whole number from 0 to ${maxGeneratedContacts}, or a list of contacts.`)
      }
    } else {
      list(contacts, `${where}.contacts`).forEach((item, at) => {
        contact(item, `${where}.contacts[${at}]`)
      })
    }
  }

  const seeded = new Map<number, Set<string>>()
  for (const [index, value] of list(seed.providerEdits, '"providerEdits"').entries()) {
    const where = `providerEdits[${index}]`
    const edit = object(value, where, editFields)
    const account = accounts.byId(edit.accountId as number)
    if (!account) {
      fail(`${where}: there is no account ${String(edit.accountId)}; seed it first (a separate request).`)
    }
    const book = account?.book
    const deleted = seeded.get(edit.accountId as number) ?? new Set<string>()
    seeded.set(edit.accountId as number, deleted)
    const known = (id: unknown, what: string) => {
      if (typeof id !== 'string' || !book?.find(id) || deleted.has(id)) {
        fail(`${what}: account ${String(edit.accountId)} has no contact ${JSON.stringify(id)}.`)
      }
    }
    list(edit.create, `${where}.create`).forEach((item, at) => {
      contact(item, `${where}.create[${at}]`)
    })
    list(edit.update, `${where}.update`).forEach((item, at) => {
      const { id, ...fields } = object(item, `${where}.update[${at}]`, ['id', ...contactFieldNames])
      known(id, `${where}.update[${at}]`)
      contact(fields, `${where}.update[${at}]`)
    })
    list(edit.delete, `${where}.delete`).forEach((id, at) => {
      known(id, `${where}.delete[${at}]`)
      deleted.add(id as string)
    })
  }
  return seed as AurinkoSeed
}

const contactFieldNames = [
  'name',
  'nickName',
  'fileAs',
  'company',
  'relations',
  'birthday',
  'keywords',
  'notes',
  'emailAddresses',
  'phoneNumbers',
  'addresses',
  'urls',
  'nativeProperties',
  'photo',
]
