import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

// Each field of a seed the schema holds to, and the sentence that names it.
const refusals: [unknown, string][] = [
  [null, 'send an object with "apps", "accounts" or "providerEdits"'],
  [[], 'the seed must be an object'],
  ['x', 'the seed must be an object'],
  [{ apps: 'x' }, 'apps must be an array'],
  [{ apps: ['x'] }, 'apps[0] must be an object'],
  [{ apps: [{ clientId: 'a' }] }, 'apps[0].clientSecret is required'],
  [{ apps: [{ clientSecret: 'a' }] }, 'apps[0].clientId is required'],
  [{ apps: [{ clientId: '', clientSecret: 's' }] }, 'apps[0].clientId must not be empty'],
  [{ apps: [{ clientId: 'a', clientSecret: '' }] }, 'apps[0].clientSecret must not be empty'],
  [
    { apps: [{ clientId: 'a', clientSecret: 's', extra: 1 }] },
    'apps[0] has no field "extra"; it takes clientId, clientSecret',
  ],
  [{ apps: [{ clientId: 7, clientSecret: 's' }] }, 'apps[0].clientId must be a string'],
  [{ accounts: 'x' }, 'accounts must be an array'],
  [{ accounts: ['x'] }, 'accounts[0] must be an object'],
  [{ accounts: [{ accessToken: 't' }] }, 'accounts[0].accountId is required'],
  [{ accounts: [{ accountId: 5 }] }, 'accounts[0].accessToken is required'],
  [{ accounts: [{ accountId: 1.5, accessToken: 't' }] }, 'accounts[0].accountId must be a whole number'],
  [
    { accounts: [{ accountId: 9007199254740992, accessToken: 't' }] },
    'accounts[0].accountId must be <= 9007199254740991',
  ],
  [{ accounts: [{ accountId: 5, accessToken: 7 }] }, 'accounts[0].accessToken must be a string'],
  [{ accounts: [{ accountId: 5, accessToken: 't', clientId: 7 }] }, 'accounts[0].clientId must be a string'],
  [{ accounts: [{ accountId: 5, accessToken: 't', serviceType: 7 }] }, 'accounts[0].serviceType must be a string'],
  [{ accounts: [{ accountId: 5, accessToken: 't', tokenDead: 'yes' }] }, 'accounts[0].tokenDead must be true or false'],
  [{ accounts: [{ accountId: 5, accessToken: 't', syncReady: 'yes' }] }, 'accounts[0].syncReady must be true or false'],
  [
    { accounts: [{ accountId: 5, accessToken: 't', contacts: -1 }] },
    'accounts[0].contacts must be a whole number from 0 to 1000000, or a list of contacts',
  ],
  [
    { accounts: [{ accountId: 5, accessToken: 't', contacts: 1000001 }] },
    'accounts[0].contacts must be a whole number from 0 to 1000000, or a list of contacts',
  ],
  [
    { accounts: [{ accountId: 5, accessToken: 't', contacts: 1.5 }] },
    'accounts[0].contacts must be a whole number from 0 to 1000000, or a list of contacts',
  ],
  [
    { accounts: [{ accountId: 5, accessToken: 't', extra: 1 }] },
    'accounts[0] has no field "extra"; it takes accountId, accessToken, clientId, serviceType, tokenDead, syncReady, contacts',
  ],
  [{ providerEdits: 'x' }, 'providerEdits must be an array'],
  [{ providerEdits: ['x'] }, 'providerEdits[0] must be an object'],
  [{ providerEdits: [{}] }, 'providerEdits[0].accountId is required'],
  [{ providerEdits: [{ accountId: 'x' }] }, 'providerEdits[0].accountId must be a whole number'],
  [
    { providerEdits: [{ accountId: 1001, extra: 1 }] },
    'providerEdits[0] has no field "extra"; it takes accountId, create, update, delete',
  ],
  [{ providerEdits: [{ accountId: 1001, create: 'x' }] }, 'providerEdits[0].create must be an array'],
  [
    { providerEdits: [{ accountId: 1001, create: [{ name: 7 }] }] },
    'providerEdits[0].create[0].name must be an object',
  ],
  [{ providerEdits: [{ accountId: 1001, update: 'x' }] }, 'providerEdits[0].update must be an array'],
  [{ providerEdits: [{ accountId: 1001, update: [{ id: 7 }] }] }, 'providerEdits[0].update[0].id must be a string'],
  [
    { providerEdits: [{ accountId: 1001, update: [{ id: 'c1_0', extra: 1 }] }] },
    'providerEdits[0].update[0] has no field "extra"; it takes id, etag, createdTime, lastModifiedTime, name, nickName, fileAs, company, relations, birthday, keywords, notes, emailAddresses, phoneNumbers, addresses, urls, nativeProperties, hasPhoto, photo',
  ],
  [
    { providerEdits: [{ accountId: 1001, update: [{ id: 'c1_0', name: 7 }] }] },
    'providerEdits[0].update[0].name must be an object',
  ],
  [{ providerEdits: [{ accountId: 1001, delete: 'x' }] }, 'providerEdits[0].delete must be an array'],
  [{ providerEdits: [{ accountId: 1001, delete: [7] }] }, 'providerEdits[0].delete[0] must be a string'],
]

describe('a seed of the wrong shape', () => {
  it.each(refusals)('%j is refused: %s', (input, why) => {
    const { sim } = aurinkoHarness()
    expect(() => sim.seed(input)).toThrow(`Failed to seed the Aurinko simulator: ${why}.`)
    expect((sim.inspect() as { accounts: unknown[] }).accounts).toHaveLength(2)
  })
})
