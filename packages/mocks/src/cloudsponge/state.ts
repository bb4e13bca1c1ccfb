import { seedSchema } from '../core/kit/seed-schema.js'
import type { VendorState } from '../core/simulator.js'
import type { SeededAccount } from './address-books.js'
import type { ImportStore } from './imports.js'
import { type CloudSpongeSeed, cloudspongeSeedSchema } from './seed-schema.js'
import type { Tenant } from './tenants.js'

const checkSeed = seedSchema<CloudSpongeSeed>({ title: 'CloudSponge', schema: cloudspongeSeedSchema })

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
