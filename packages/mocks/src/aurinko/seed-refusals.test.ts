import { describe, expect, it } from 'vitest'
import { createAurinkoSimulator } from './index.js'
import { aurinkoHarness } from './testing/harness.js'

describe('seeds that name what does not exist, or exists already', () => {
  it.each([
    [
      'an app that exists',
      { apps: [{ clientId: 'aurinko-sandbox-client-id', clientSecret: 's' }] },
      'apps[0]: an app with client id aurinko-sandbox-client-id exists already; choose another',
    ],
    [
      'the same new app twice',
      {
        apps: [
          { clientId: 'crm', clientSecret: 'a' },
          { clientId: 'crm', clientSecret: 'b' },
        ],
      },
      'apps[1]: an app with client id crm exists already; choose another',
    ],
    [
      'a token another account has',
      { accounts: [{ accountId: 3001, accessToken: 'aurinko-sandbox-token' }] },
      'accounts[0]: account 3001 or its token exists already; choose another id and token',
    ],
    [
      'the same new account twice',
      {
        accounts: [
          { accountId: 3001, accessToken: 'one' },
          { accountId: 3001, accessToken: 'two' },
        ],
      },
      'accounts[1]: account 3001 or its token exists already; choose another id and token',
    ],
    [
      'the same new token twice',
      {
        accounts: [
          { accountId: 3001, accessToken: 'same' },
          { accountId: 3002, accessToken: 'same' },
        ],
      },
      'accounts[1]: account 3002 or its token exists already; choose another id and token',
    ],
    [
      'an app that does not exist',
      { accounts: [{ accountId: 3001, accessToken: 'x', clientId: 'nope' }] },
      'accounts[0]: there is no app nope; seed it in "apps" first',
    ],
    [
      'edits of an account that does not exist',
      { providerEdits: [{ accountId: 9, create: [{ nickName: 'x' }] }] },
      'providerEdits[0]: there is no account 9; seed it first (a separate request)',
    ],
    [
      'an update of a contact that does not exist',
      { providerEdits: [{ accountId: 1001, update: [{ id: 'c1_zz', notes: 'x' }] }] },
      'providerEdits[0].update[0]: account 1001 has no contact "c1_zz"',
    ],
    [
      'the same contact deleted twice',
      { providerEdits: [{ accountId: 1001, delete: ['c1_0', 'c1_0'] }] },
      'providerEdits[0].delete[1]: account 1001 has no contact "c1_0"',
    ],
    [
      'an update of a contact an earlier edit deleted',
      {
        providerEdits: [
          { accountId: 1001, delete: ['c1_1'] },
          { accountId: 1001, update: [{ id: 'c1_1', notes: 'x' }] },
        ],
      },
      'providerEdits[1].update[0]: account 1001 has no contact "c1_1"',
    ],
  ])('refuses %s, saying so, and seeds nothing', async (_what, seed, why) => {
    const { sim, call } = aurinkoHarness()
    const before = sim.inspect()
    expect(() => sim.seed(seed)).toThrow(`Failed to seed the Aurinko simulator: ${why}.`)
    const answer = await call('POST', '/__admin/state', { body: seed })
    expect(answer.status).toBe(400)
    expect(answer.body.error.message).toBe(`Failed to seed the Aurinko simulator: ${why}.`)
    expect(sim.inspect()).toEqual(before)
  })

  it('takes an account of an app seeded in the same seed, and edits of another account beside a deletion', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({
      apps: [{ clientId: 'crm', clientSecret: 'crm-secret' }],
      accounts: [{ accountId: 3001, accessToken: 'crm-token', clientId: 'crm', contacts: 2 }],
    })
    const basic = `Basic ${btoa('crm:crm-secret')}`
    const listed = await call('GET', '/v1/contacts', {
      headers: { Authorization: basic, 'X-Aurinko-Account-Id': '3001' },
    })
    expect(listed.status).toBe(200)
    expect(listed.body.records).toHaveLength(2)
    // The same id deleted in two accounts: each account's deletions are its own.
    const ids = (await call('GET', '/v1/contacts?limit=1', { token: 'crm-token' })).body.records.map(
      (contact: { id: string }) => contact.id,
    )
    const result = sim.seed({
      providerEdits: [
        { accountId: 1001, delete: ['c1_0'] },
        { accountId: 1002, delete: ['c2_0'] },
        { accountId: 3001, update: [{ id: ids[0], notes: 'kept' }] },
      ],
    })
    expect(result).toMatchObject({ providerEdits: [{ deleted: ['c1_0'] }, { deleted: ['c2_0'] }, { updated: ids }] })
  })
})

describe('sync page size', () => {
  it.each([0, 1001, 2.5, Number.NaN])('refuses %s, naming the range', (pageSize) => {
    expect(() => createAurinkoSimulator({ sync: { pageSize } })).toThrow(
      new RangeError(`Failed to create the Aurinko simulator: sync.pageSize must be 1 to 1000, not ${pageSize}.`),
    )
  })

  it.each([1, 1000])('takes %i', async (pageSize) => {
    const { call, startSync } = aurinkoHarness({ sync: { pageSize } })
    const start = await startSync()
    const page = await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)
    expect(page.body.records).toHaveLength(Math.min(pageSize, 25))
  })
})
