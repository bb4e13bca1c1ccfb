import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

const crm = { clientId: 'crm-app', clientSecret: 'crm-secret' }

describe('seeded apps and accounts', () => {
  it('are shown with their app, provider and revoked token, and the defaults of those seeded without', () => {
    const { sim } = aurinkoHarness()
    sim.seed({ apps: [crm] })
    sim.seed({
      accounts: [
        { accountId: 3001, accessToken: 't1', clientId: crm.clientId, serviceType: 'Office365', tokenDead: true },
        { accountId: 3002, accessToken: 't2', contacts: 2 },
      ],
    })
    const { apps, accounts } = sim.inspect() as { apps: unknown[]; accounts: unknown[] }
    expect(apps).toEqual([{ clientId: 'aurinko-sandbox-client-id' }, { clientId: crm.clientId }])
    expect(accounts.slice(2)).toEqual([
      {
        accountId: 3001,
        clientId: crm.clientId,
        serviceType: 'Office365',
        tokenDead: true,
        contacts: 0,
        changes: 0,
        sync: 'not started',
      },
      {
        accountId: 3002,
        clientId: 'aurinko-sandbox-client-id',
        serviceType: 'Google',
        tokenDead: false,
        contacts: 2,
        changes: 0,
        sync: 'not started',
      },
    ])
  })

  it('are answered with what the seed added: how many apps, which accounts, each provider edit', () => {
    const { sim } = aurinkoHarness()
    expect(sim.seed({ apps: [crm] })).toEqual({ apps: 1, accounts: [], providerEdits: [] })
    expect(sim.seed({ accounts: [{ accountId: 3001, accessToken: 't1' }] })).toEqual({
      apps: 0,
      accounts: [3001],
      providerEdits: [],
    })
  })

  it('take provider edits of one kind only: an update creates and deletes nothing', async () => {
    const { sim, call } = aurinkoHarness()
    const [first] = (await call('GET', '/v1/contacts?limit=1')).body.records
    expect(sim.providerEdit({ accountId: 1001, update: [{ id: first.id, nickName: 'Sammy' }] })).toEqual({
      accountId: 1001,
      created: [],
      updated: [first.id],
      deleted: [],
    })
    expect(sim.inspect()).toMatchObject({ accounts: [{ contacts: 25, changes: 1 }, {}] })
  })

  it('are snapshotted as a seed, a book never changed as the number to generate and a changed one as its contacts', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({
      apps: [crm],
      accounts: [
        { accountId: 3001, accessToken: 't1', clientId: crm.clientId, contacts: 3 },
        { accountId: 3002, accessToken: 't2', contacts: [{ nickName: 'Listed' }] },
      ],
    })
    expect(sim.snapshot()).toEqual({
      apps: [crm],
      accounts: [
        { accountId: 3001, accessToken: 't1', clientId: crm.clientId, contacts: 3 },
        { accountId: 3002, accessToken: 't2', contacts: [{ nickName: 'Listed' }] },
      ],
    })
    // A change that leaves the book as large as it was still makes it a list.
    const [first] = (await call('GET', '/v1/contacts', { token: 't1' })).body.records
    expect((await call('PATCH', `/v1/contacts/${first.id}`, { token: 't1', body: { notes: 'edited' } })).status).toBe(
      200,
    )
    const snapshot = sim.snapshot() as { accounts: { contacts: unknown[] }[] }
    expect(snapshot.accounts[0]?.contacts).toHaveLength(3)
    expect(snapshot.accounts[0]?.contacts[0]).toMatchObject({
      name: { givenName: first.name.givenName, familyName: first.name.familyName },
      notes: 'edited',
    })
    // A fresh simulator seeded with it lists the same contacts.
    const copy = aurinkoHarness()
    copy.sim.seed(snapshot)
    const listed = async (harness: typeof copy) =>
      (await harness.call('GET', '/v1/contacts', { token: 't1' })).body.records.map(
        ({ name, notes }: { name: unknown; notes: unknown }) => ({ name, notes }),
      )
    expect(await listed(copy)).toEqual(await listed({ sim, call } as typeof copy))
  })

  it('are forgotten by a reset, snapshot included, and can be seeded again', () => {
    const { sim } = aurinkoHarness()
    const seed = { apps: [crm], accounts: [{ accountId: 3001, accessToken: 't1', clientId: crm.clientId }] }
    sim.seed(seed)
    sim.reset()
    expect(sim.snapshot()).toEqual({ apps: [], accounts: [] })
    sim.seed(seed)
    expect(sim.snapshot()).toEqual({ ...seed, accounts: [{ ...seed.accounts[0], contacts: 0 }] })
  })
})
