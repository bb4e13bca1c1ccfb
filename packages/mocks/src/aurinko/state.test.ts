import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

describe('admin state', () => {
  it('shows apps, accounts, book sizes and sync phases, never tokens or secrets', async () => {
    const { call } = aurinkoHarness()
    await call('POST', '/v1/contacts/sync')
    const state = await call('GET', '/__admin/state')
    expect(state.body).toMatchObject({
      apps: [{ clientId: 'aurinko-sandbox-client-id' }],
      accounts: [
        { accountId: 1001, serviceType: 'Google', contacts: 25, changes: 0, sync: 'provisioning' },
        { accountId: 1002, serviceType: 'Office365', contacts: 5, changes: 0, sync: 'not started' },
      ],
      sync: { provisioningMs: 3000, pageSize: 100 },
      ifMatch: 'lenient',
    })
    expect(JSON.stringify(state.body)).not.toMatch(/token"|secret/i)
  })

  it('seeds accounts with N generated contacts, the same every run, or with listed ones', async () => {
    const one = aurinkoHarness()
    const two = aurinkoHarness()
    const seed = {
      accounts: [
        { accountId: 2001, accessToken: 'big', contacts: 100_000, syncReady: true },
        { accountId: 2002, accessToken: 'listed', contacts: [{ name: { givenName: 'Ann' }, keywords: ['vip'] }] },
      ],
    }
    const seeded = await one.call('POST', '/__admin/state', { body: seed })
    expect(seeded).toMatchObject({ status: 201, body: { accounts: [2001, 2002] } })
    two.sim.seed(seed)
    const page = (await one.call('GET', '/v1/contacts?limit=3', { token: 'big' })).body
    expect(page.records).toHaveLength(3)
    expect((await two.call('GET', '/v1/contacts?limit=3', { token: 'big' })).body.records).toEqual(page.records)
    expect((await one.call('POST', '/v1/contacts/sync', { token: 'big' })).body.ready).toBe(true)
    expect((await one.call('GET', '/v1/contacts', { token: 'listed' })).body.records).toMatchObject([
      { name: { displayName: 'Ann', givenName: 'Ann' }, keywords: ['vip'] },
    ])
    expect(one.sim.inspect()).toMatchObject({ accounts: [{}, {}, { contacts: 100_000 }, { contacts: 1 }] })
  })

  it('refuses a seed that does not fit, naming each field, in the one seed style, and seeds nothing', async () => {
    const { sim } = aurinkoHarness()
    const cases: [unknown, string][] = [
      [{ acounts: [] }, 'the seed has no field "acounts"; it takes apps, accounts, providerEdits'],
      [{ accounts: [{ accountId: 0, accessToken: 'x' }] }, 'accounts[0].accountId must be >= 1'],
      [{ accounts: [{ accountId: 5, accessToken: 'a b' }] }, 'accounts[0].accessToken must be a token without spaces'],
      [
        { accounts: [{ accountId: 5, accessToken: 'x', contacts: 'many' }] },
        'accounts[0].contacts must be a whole number from 0 to 1000000, or a list of contacts',
      ],
      [
        { accounts: [{ accountId: 5, accessToken: 'x', contacts: [{ name: 7 }] }] },
        'accounts[0].contacts[0].name must be an object',
      ],
      [
        { accounts: [{ accountId: 1001, accessToken: 'new' }] },
        'accounts[0]: account 1001 or its token exists already; choose another id and token',
      ],
      [{ providerEdits: [{ accountId: 1001, update: [{ name: {} }] }] }, 'providerEdits[0].update[0].id is required'],
    ]
    for (const [input, why] of cases) {
      expect(() => sim.seed(input), JSON.stringify(input)).toThrow(`Failed to seed the Aurinko simulator: ${why}.`)
    }
    expect(sim.inspect()).toMatchObject({ accounts: [{ accountId: 1001 }, { accountId: 1002 }] })
    expect((sim.inspect() as { accounts: unknown[] }).accounts).toHaveLength(2)
  })

  it('makes provider-side edits in-process too, returning the ids it touched', async () => {
    const { sim, call } = aurinkoHarness()
    const [first] = (await call('GET', '/v1/contacts?limit=1')).body.records
    const result = sim.providerEdit({
      accountId: 1001,
      create: [{ nickName: 'from Google' }],
      update: [{ id: first.id, notes: 'edited in Outlook' }],
    })
    expect(result).toEqual({ accountId: 1001, created: [expect.any(String)], updated: [first.id], deleted: [] })
    expect((await call('GET', `/v1/contacts/${first.id}`)).body).toMatchObject({ notes: 'edited in Outlook' })
    expect(() => sim.providerEdit({ accountId: 1001, delete: ['missing'] })).toThrow(/has no contact "missing"/)
  })

  it('resets to the configured accounts: seeded ones, changes and provisioning are forgotten', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({ accounts: [{ accountId: 2001, accessToken: 'gone' }] })
    const created = (await call('POST', '/v1/contacts', { body: { nickName: 'gone too' } })).body
    await call('POST', '/v1/contacts/sync')
    expect((await call('POST', '/__admin/reset')).status).toBe(200)
    expect((await call('GET', '/v1/contacts', { token: 'gone' })).status).toBe(401)
    expect((await call('GET', `/v1/contacts/${created.id}`)).status).toBe(404)
    expect(sim.inspect()).toMatchObject({ accounts: [{ contacts: 25, changes: 0, sync: 'not started' }, {}] })
  })
})
