import type { JsonSchema } from '../core/kit/seed-schema.js'
import type { Contact, ContactsOwner } from './address-books.js'
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

const entriesOf = (entry: string) => ({ type: ['array', 'null'], items: { type: [entry, 'null'] } })

// A contact's arrays and what each entry may be besides null (the spec's Contact): a seed that fits
// is one every writer can write, so a bad one is refused at the seed instead of failing an import.
const contact: JsonSchema = {
  type: 'object',
  properties: {
    phone: entriesOf('object'),
    email: entriesOf('object'),
    address: entriesOf('object'),
    groups: entriesOf('string'),
    companies: entriesOf('string'),
    photos: { type: ['array', 'null'] },
    locations: { type: ['array', 'null'] },
  },
}

/** The seed's JSON Schema, checked by the spec validator before anything is seeded. */
export const cloudspongeSeedSchema: JsonSchema = {
  description: 'an object with "tenants", "accounts" or "decisions"',
  type: 'object',
  properties: {
    tenants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['domainKey', 'domainPassword'],
        properties: { domainKey: { type: 'string', minLength: 1 }, domainPassword: { type: 'string' } },
      },
    },
    accounts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['service', 'username', 'password', 'contacts'],
        properties: {
          service: { type: 'string' },
          username: { type: 'string' },
          password: { type: 'string' },
          owner: { ...contact, type: ['object', 'null'] },
          contacts: { type: 'array', items: contact },
        },
      },
    },
    decisions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['importId', 'decision'],
        properties: {
          importId: { type: 'integer' },
          decision: { enum: ['approved', 'denied'] },
          username: { type: 'string' },
        },
      },
    },
  },
}
