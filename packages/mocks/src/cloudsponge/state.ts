import type { VendorState } from '../core/simulator.js'
import type { Contact, ContactsOwner, SeededAccount } from './address-books.js'
import type { ImportStore } from './imports.js'
import type { Tenant } from './tenants.js'

/** What `POST /__admin/state` takes: more domains, accounts with exact contacts, answers for users. */
export interface CloudSpongeSeed {
  tenants?: Tenant[]
  accounts?: {
    service: string
    username: string
    password: string
    owner?: ContactsOwner | null
    contacts: Contact[]
  }[]
  decisions?: { importId: number; decision: 'approved' | 'denied'; username?: string }[]
}

export interface CloudSpongeState extends VendorState {
  tenants(): Tenant[]
  decide(importId: number, decision: 'approved' | 'denied', username?: string): void
}

/**
 * The admin view of a CloudSponge simulator: inspect imports (never passwords), seed domains and
 * accounts, answer consent for a user. Reset keeps only the domains given at creation.
 *
 * @example
 * state.seed({ accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ first_name: 'Bo' }] }] })
 */
export function createCloudSpongeState(store: ImportStore, configuredTenants: Tenant[]): CloudSpongeState {
  const seededTenants: Tenant[] = []

  const decidable = (importId: number) => {
    const record = store.find(importId)
    const refused = record ? store.decisionRefusal(record) : `there is no import ${importId}.`
    if (refused || !record) {
      throw new RangeError(`Failed to answer for the user: ${refused}`)
    }
    return record
  }
  const decide = (importId: number, decision: 'approved' | 'denied', username?: string) => {
    store.decide(decidable(importId), decision, username)
  }

  return {
    tenants: () => [...configuredTenants, ...seededTenants],
    decide,

    inspect() {
      return {
        tenants: [...configuredTenants, ...seededTenants].map((tenant) => ({ domainKey: tenant.domainKey })),
        accounts: store.accounts.map((account) => ({
          service: account.service,
          username: account.username,
          contacts: account.contacts.length,
        })),
        timing: store.timing,
        imports: store.list().map((record) => {
          const progress = store.progress(record)
          return {
            importId: record.id,
            domainKey: record.tenant,
            method: record.method,
            service: record.service.code,
            userId: record.userId,
            phase: progress.phase,
            gathered: progress.events.find((event) => event.eventType === 'GATHERING')?.value ?? 0,
            consentCode: record.consent?.code ?? null,
            total: store.book(record)?.size ?? null,
            createdAt: new Date(record.createdAt).toISOString(),
            completedAt: progress.completedAt === null ? null : new Date(progress.completedAt).toISOString(),
            deletesAt: progress.deletesAt === null ? null : new Date(progress.deletesAt).toISOString(),
          }
        }),
      }
    },

    seed(input) {
      const seed = checkSeed(input)
      // Every answer is checked before anything is seeded: a refused seed changes nothing.
      const answered = new Set<number>()
      for (const { importId } of seed.decisions ?? []) {
        decidable(importId)
        if (answered.has(importId)) {
          throw new RangeError(`Failed to answer for the user: import ${importId} is answered twice in this seed.`)
        }
        answered.add(importId)
      }
      for (const tenant of seed.tenants ?? []) {
        seededTenants.push({ domainKey: tenant.domainKey, domainPassword: tenant.domainPassword })
      }
      for (const account of seed.accounts ?? []) {
        store.addAccount(seededAccount(account))
      }
      for (const decision of seed.decisions ?? []) {
        decide(decision.importId, decision.decision, decision.username)
      }
      return {
        tenants: seed.tenants?.length ?? 0,
        accounts: seed.accounts?.length ?? 0,
        decisions: seed.decisions?.length ?? 0,
      }
    },

    reset() {
      store.reset({ accounts: true })
      seededTenants.length = 0
    },

    // What seed takes to rebuild the seeded domains and accounts; imports are runs, not the world.
    snapshot(): CloudSpongeSeed {
      return {
        tenants: seededTenants.map((tenant) => ({
          domainKey: tenant.domainKey,
          domainPassword: tenant.domainPassword,
        })),
        accounts: store.accounts.map((account) => ({
          service: account.service.toLowerCase(),
          username: account.username,
          password: account.password,
          owner: account.owner,
          contacts: account.contacts.map((contact) => ({ ...contact })),
        })),
      }
    },
  }
}

function checkSeed(input: unknown): CloudSpongeSeed {
  const fail = (why: string): never => {
    throw new RangeError(`Failed to seed the CloudSponge simulator: ${why}`)
  }
  if (typeof input !== 'object' || input === null) {
    fail('send an object with "tenants", "accounts" or "decisions".')
  }
  const seed = input as CloudSpongeSeed
  for (const field of ['tenants', 'accounts', 'decisions'] as const) {
    if (seed[field] !== undefined && !Array.isArray(seed[field])) {
      fail(`"${field}" must be an array.`)
    }
  }
  for (const tenant of seed.tenants ?? []) {
    if (typeof tenant?.domainKey !== 'string' || typeof tenant.domainPassword !== 'string' || !tenant.domainKey) {
      fail('each tenant needs a "domainKey" and a "domainPassword" string.')
    }
  }
  for (const account of seed.accounts ?? []) {
    if (!account || [account.service, account.username, account.password].some((field) => typeof field !== 'string')) {
      fail('each account needs "service", "username" and "password" strings.')
    }
    if (!Array.isArray(account.contacts) || account.contacts.some((contact) => !isObject(contact))) {
      fail(`account ${account.username} needs "contacts", an array of contact objects.`)
    }
    account.contacts.forEach((contact, index) => {
      checkContactArrays(contact as Record<string, unknown>, `account ${account.username}: contacts[${index}]`, fail)
    })
    if (account.owner !== undefined && account.owner !== null) {
      if (!isObject(account.owner)) {
        fail(`account ${account.username}: "owner" must be a contact object, or null when the service does not tell.`)
      }
      checkContactArrays(account.owner, `account ${account.username}: the owner`, fail)
    }
  }
  for (const decision of seed.decisions ?? []) {
    if (!Number.isInteger(decision?.importId) || !['approved', 'denied'].includes(decision.decision)) {
      fail('each decision needs an "importId" and a "decision" of "approved" or "denied".')
    }
  }
  return seed
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// A contact's arrays and what each entry may be besides null (the spec's Contact): a seed that
// fits is one every writer can write, so a bad one is refused here instead of failing an import.
const contactArrays: Record<string, { entry: string; fits: (entry: unknown) => boolean }> = {
  phone: { entry: 'a phone object', fits: isObject },
  email: { entry: 'an email object', fits: isObject },
  address: { entry: 'a mailing address object', fits: isObject },
  groups: { entry: 'a string', fits: (entry) => typeof entry === 'string' },
  companies: { entry: 'a string', fits: (entry) => typeof entry === 'string' },
  photos: { entry: 'any value', fits: () => true },
  locations: { entry: 'any value', fits: () => true },
}

function checkContactArrays(contact: Record<string, unknown>, where: string, fail: (why: string) => never): void {
  for (const [field, { entry, fits }] of Object.entries(contactArrays)) {
    const value = contact[field]
    if (value === undefined || value === null) {
      continue
    }
    if (!Array.isArray(value)) {
      fail(
        `${where}: "${field}" is ${kindOf(value)}, not an array; send an array with ${entry} per entry, or leave it out.`,
      )
    }
    const bad = (value as unknown[]).findIndex((item) => item !== null && !fits(item))
    if (bad >= 0) {
      fail(`${where}: "${field}"[${bad}] is ${kindOf((value as unknown[])[bad])}; each entry must be ${entry} or null.`)
    }
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) {
    return 'an array'
  }
  if (typeof value === 'string') {
    return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${String(value)})`
}

function seededAccount(account: NonNullable<CloudSpongeSeed['accounts']>[number]): SeededAccount {
  return {
    service: account.service.toUpperCase(),
    username: account.username,
    password: account.password,
    owner: account.owner ?? null,
    // Some clients (.NET) fail on a contact without these arrays, so every contact has them.
    contacts: account.contacts.map((contact) => ({
      ...contact,
      phone: contact.phone ?? [],
      email: contact.email ?? [],
    })),
  }
}
