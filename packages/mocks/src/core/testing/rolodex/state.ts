import { type JsonSchema, seedFailure, seedSchema } from '../../kit/seed-schema.js'
import type { VendorState } from '../../simulator.js'
import { rolodexDocument } from './spec.js'
import { type RolodexAccount, sandboxAccount } from './tenants.js'

/** What `POST /__admin/state` takes: accounts, each with its cards. */
export interface RolodexSeed {
  accounts?: { name: string; password: string; token: string; cards?: { name: string; email?: string }[] }[]
}

/** The seed's JSON Schema; cards are the spec's own NewCard. */
export const rolodexSeedSchema: JsonSchema = {
  description: 'an object with "accounts"',
  type: 'object',
  additionalProperties: false,
  properties: {
    accounts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'password', 'token'],
        properties: {
          name: { type: 'string', minLength: 1 },
          password: { type: 'string', minLength: 1 },
          token: { type: 'string', pattern: '^\\S+$', description: 'a token without spaces' },
          cards: { type: 'array', items: { $ref: '#/components/schemas/NewCard' } },
        },
      },
    },
  },
}

const checkShape = seedSchema<RolodexSeed>({ title: 'Rolodex', schema: rolodexSeedSchema, document: rolodexDocument })

/**
 * The accounts and their cards, with the admin view: inspect (never passwords or tokens), seed,
 * reset to the sandbox account.
 *
 * @example
 * const state = createRolodexState()
 * state.seed({ accounts: [{ name: 'ann', password: 'pw', token: 'ann-token' }] })
 */
export function createRolodexState(): VendorState & { accounts: RolodexAccount[]; nextId(): string } {
  const accounts: RolodexAccount[] = []
  let lastId = 0
  const reset = () => {
    accounts.length = 0
    accounts.push({ ...sandboxAccount, cards: [] })
    lastId = 0
  }
  reset()
  const nextId = () => {
    lastId += 1
    return `c${lastId}`
  }
  return {
    accounts,
    nextId,
    inspect: () => ({ accounts: accounts.map((account) => ({ name: account.name, cards: account.cards.length })) }),
    seed(input) {
      const seed = checkShape(input)
      for (const [index, account] of (seed.accounts ?? []).entries()) {
        if (accounts.some((known) => known.name === account.name || known.token === account.token)) {
          throw seedFailure('Rolodex', `accounts[${index}]: account ${account.name} or its token exists already`)
        }
      }
      for (const account of seed.accounts ?? []) {
        const cards = (account.cards ?? []).map((card) => ({ id: nextId(), ...card }))
        accounts.push({ name: account.name, password: account.password, token: account.token, cards })
      }
      return { accounts: seed.accounts?.length ?? 0 }
    },
    reset,
  }
}
