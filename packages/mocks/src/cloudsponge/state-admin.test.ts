import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { createCloudSpongeSimulator } from './index.js'
import { documentedTenant, secondTenant } from './tenants.js'

const basic = (key: string, password: string) => ({ Authorization: `Basic ${btoa(`${key}:${password}`)}` })
const auth = basic(documentedTenant.domainKey, documentedTenant.domainPassword)

/** A simulator on a manual clock, driven through the admin API as a test suite in another language would. */
function simulator(timing?: { deleteAfterMs?: number }) {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z'), timing })
  const seed = async (body: unknown) => {
    const answer = await sim.app.request('/__admin/state', { method: 'POST', body: JSON.stringify(body) })
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> }
  }
  const state = async (query = '') => (await sim.app.request(`/__admin/state${query}`)).json()
  const begin = async (fields: Record<string, string>, method = 'import', headers = auth) => {
    const answer = await sim.app.request(`/begin_import/${method}.json`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(fields),
    })
    return (await answer.json()) as { import_id: number; url?: string }
  }
  return { sim, seed, state, begin }
}

const refusal = (why: string) => ({
  status: 400,
  body: { error: { message: `Failed to seed the CloudSponge simulator: ${why}` } },
})

const at = (seconds: number) => new Date(Date.parse('2026-03-01T12:00:00Z') + seconds * 1000).toISOString()

describe('GET /__admin/state', () => {
  it('shows every import where it stands: phase, contacts gathered so far, consent code, total and times', async () => {
    const { sim, begin, state, seed } = simulator()
    await seed({ accounts: [{ service: 'iCloud', username: 'ann', password: 'pw', contacts: [{}, {}] }] })
    await begin({ service: 'icloud', username: 'contacts-300', password: 'x', user_id: 'u-1' })
    const consent = await begin(
      { service: 'gmail' },
      'user_consent',
      basic(secondTenant.domainKey, secondTenant.domainPassword),
    )
    const code = consent.url?.split('/').at(-1)
    sim.clock.advance(2500)
    const gathering = {
      importId: 1126,
      domainKey: documentedTenant.domainKey,
      method: 'import',
      service: 'ICLOUD',
      userId: 'u-1',
      phase: 'gathering',
      gathered: 100,
      consentCode: null,
      total: 300,
      createdAt: at(0),
      completedAt: null,
      deletesAt: null,
    }
    const waiting = {
      importId: 1127,
      domainKey: secondTenant.domainKey,
      method: 'user_consent',
      service: 'GMAIL',
      userId: null,
      phase: 'waiting-for-user',
      gathered: 0,
      consentCode: code,
      // Nobody has signed in yet, so there is no book to count.
      total: null,
      createdAt: at(0),
      completedAt: null,
      deletesAt: null,
    }
    expect(await state()).toEqual({
      tenants: [{ domainKey: documentedTenant.domainKey }, { domainKey: secondTenant.domainKey }],
      accounts: [{ service: 'ICLOUD', username: 'ann', contacts: 2 }],
      timing: { initializeMs: 1000, gatherMs: 3000, slowGatherMs: 60_000, deleteAfterMs: 300_000 },
      imports: [gathering, waiting],
    })
    sim.decide(1127, 'approved', 'contacts-4')
    sim.clock.advance(1500)
    expect(((await state()) as { imports: unknown[] }).imports).toEqual([
      { ...gathering, phase: 'complete', gathered: 300, completedAt: at(4), deletesAt: at(304) },
      // Approved at 2.5 s: initializing for a second, then gathering from 3.5 s.
      { ...waiting, phase: 'gathering', total: 4 },
    ])
    sim.clock.advance(300_000)
    const deleted = { ...gathering, phase: 'deleted', gathered: 300, completedAt: at(4), deletesAt: at(304) }
    const complete = {
      ...waiting,
      phase: 'complete',
      gathered: 4,
      total: 4,
      completedAt: at(6.5),
      deletesAt: at(306.5),
    }
    expect(((await state()) as { imports: unknown[] }).imports).toEqual([deleted, complete])
    sim.clock.advance(2500)
    expect(((await state()) as { imports: unknown[] }).imports).toEqual([deleted, { ...complete, phase: 'deleted' }])
  })

  it('shows a failed import as error, completed when it failed and never deleted', async () => {
    const { sim, begin, state } = simulator()
    await begin({ service: 'icloud', username: 'wrong-password', password: 'x' })
    const consent = await begin({ service: 'yahoo' }, 'user_consent')
    sim.clock.advance(7000)
    sim.decide(consent.import_id, 'denied')
    sim.clock.advance(600_000)
    expect(((await state()) as { imports: unknown[] }).imports).toMatchObject([
      { importId: 1126, phase: 'error', gathered: 0, total: null, completedAt: at(1), deletesAt: null },
      { importId: 1127, phase: 'error', gathered: 0, total: null, completedAt: at(7), deletesAt: null },
    ])
  })

  it('shows the timing the simulator was made with', () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock(), timing: { gatherMs: 10 } })
    expect(sim.inspect()).toMatchObject({
      timing: { initializeMs: 1000, gatherMs: 10, slowGatherMs: 60_000, deleteAfterMs: 300_000 },
    })
  })
})

describe('POST /__admin/state', () => {
  it('answers with how many tenants, accounts and decisions it took', async () => {
    const { seed, begin } = simulator()
    expect(await seed({})).toEqual({ status: 201, body: { tenants: 0, accounts: 0, decisions: 0 } })
    const consent = await begin({ service: 'gmail' }, 'user_consent')
    expect(
      await seed({
        tenants: [{ domainKey: 'k', domainPassword: 'p' }],
        accounts: [
          { service: 'icloud', username: 'a', password: 'p', contacts: [] },
          { service: 'plaxo', username: 'b', password: 'p', contacts: [] },
        ],
        decisions: [{ importId: consent.import_id, decision: 'denied' }],
      }),
    ).toEqual({ status: 201, body: { tenants: 1, accounts: 2, decisions: 1 } })
  })

  it('approves for a user as the account named, or the documented one without a name, and denies', async () => {
    const { sim, seed, begin } = simulator()
    const first = await begin({ service: 'gmail' }, 'user_consent')
    const second = await begin({ service: 'gmail' }, 'user_consent')
    const third = await begin({ service: 'gmail' }, 'user_consent')
    await seed({
      decisions: [
        { importId: first.import_id, decision: 'approved', username: 'contacts-3' },
        { importId: second.import_id, decision: 'approved' },
        { importId: third.import_id, decision: 'denied' },
      ],
    })
    sim.clock.advance(4000)
    expect(sim.inspect()).toMatchObject({
      imports: [
        { phase: 'complete', total: 3 },
        { phase: 'complete', total: 2 },
        { phase: 'error', total: null },
      ],
    })
  })

  it('refuses a seed that is not an object, or whose lists are not arrays', async () => {
    const { seed } = simulator()
    expect(await seed(null)).toEqual(refusal('send an object with "tenants", "accounts" or "decisions".'))
    for (const body of ['tenants', 7]) {
      expect(await seed(body)).toEqual(refusal('the seed must be an object.'))
    }
    expect(await seed({ tenants: {} })).toEqual(refusal('tenants must be an array.'))
    expect(await seed({ decisions: 'all' })).toEqual(refusal('decisions must be an array.'))
  })

  it('refuses a tenant without a domainKey and a domainPassword string, or with an empty key', async () => {
    const { seed } = simulator()
    const cases: [unknown, string][] = [
      [null, 'tenants[0] must be an object.'],
      [{ domainPassword: 'p' }, 'tenants[0].domainKey is required.'],
      [{ domainKey: 7, domainPassword: 'p' }, 'tenants[0].domainKey must be a string.'],
      [{ domainKey: 'k' }, 'tenants[0].domainPassword is required.'],
      [{ domainKey: 'k', domainPassword: 7 }, 'tenants[0].domainPassword must be a string.'],
      [{ domainKey: '', domainPassword: 'p' }, 'tenants[0].domainKey must not be empty.'],
    ]
    for (const [tenant, why] of cases) {
      expect(await seed({ tenants: [tenant] }), JSON.stringify(tenant)).toEqual(refusal(why))
    }
  })

  it('refuses an account without service, username and password strings, or without contact objects', async () => {
    const { seed } = simulator()
    const account = { service: 'icloud', username: 'ann', password: 'pw', contacts: [] }
    const cases: [unknown, string][] = [
      [null, 'accounts[0] must be an object.'],
      [{ ...account, service: undefined }, 'accounts[0].service is required.'],
      [{ ...account, username: 7 }, 'accounts[0].username must be a string.'],
      [{ ...account, password: null }, 'accounts[0].password must be a string.'],
      [{ ...account, contacts: undefined }, 'accounts[0].contacts is required.'],
      [{ ...account, contacts: {} }, 'accounts[0].contacts must be an array.'],
      [{ ...account, contacts: [null] }, 'accounts[0].contacts[0] must be an object.'],
      [{ ...account, contacts: [{}, 'Ann'] }, 'accounts[0].contacts[1] must be an object.'],
      [{ ...account, contacts: [[]] }, 'accounts[0].contacts[0] must be an object.'],
    ]
    for (const owner of [[], 'Ann', 7]) {
      cases.push([{ ...account, owner }, 'accounts[0].owner must be an object or null.'])
    }
    for (const [bad, why] of cases) {
      expect(await seed({ accounts: [bad] }), JSON.stringify(bad)).toEqual(refusal(why))
    }
  })

  it('names the field and what each of the seven contact arrays takes', async () => {
    const { seed } = simulator()
    for (const field of ['phone', 'email', 'address', 'groups', 'companies', 'photos', 'locations']) {
      const answer = await seed({
        accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{}, { [field]: 7 }] }],
      })
      expect(answer, field).toEqual(refusal(`accounts[0].contacts[1].${field} must be an array or null.`))
    }
    const entries: [string, unknown, string][] = [
      ['phone', 'x', 'an object'],
      ['email', 1, 'an object'],
      ['address', [], 'an object'],
      ['groups', {}, 'a string'],
      ['companies', false, 'a string'],
    ]
    for (const [field, value, entry] of entries) {
      const answer = await seed({
        accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ [field]: [null, value] }] }],
      })
      expect(answer, field).toEqual(refusal(`accounts[0].contacts[0].${field}[1] must be ${entry} or null.`))
    }
  })

  it('names every field that is wrong, not only the first', async () => {
    const { seed } = simulator()
    expect(await seed({ tenants: [{ domainKey: 'k' }], decisions: [{ importId: 1126, decision: 'maybe' }] })).toEqual(
      refusal('tenants[0].domainPassword is required; decisions[0].decision must be one of: approved, denied.'),
    )
  })

  it("checks the owner's arrays as a contact's, and takes any entries in photos and locations", async () => {
    const { seed, sim } = simulator()
    expect(
      await seed({
        accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [], owner: { groups: [1] } }],
      }),
    ).toEqual(refusal('accounts[0].owner.groups[0] must be a string or null.'))
    const anything = { photos: [1, 'x', {}, []], locations: [true, { lat: 1 }] }
    expect(
      (
        await seed({
          accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [anything], owner: anything }],
        })
      ).status,
    ).toBe(201)
    expect(sim.inspect()).toMatchObject({ accounts: [{ username: 'ann', contacts: 1 }] })
    // null: the service does not tell who the owner is.
    expect(
      (await seed({ accounts: [{ service: 'icloud', username: 'bo', password: 'pw', contacts: [], owner: null }] }))
        .status,
    ).toBe(201)
  })

  it('refuses a decision without an integer importId and an answer of approved or denied', async () => {
    const { seed } = simulator()
    const cases: [unknown, string][] = [
      [null, 'decisions[0] must be an object.'],
      [{ importId: '1126', decision: 'approved' }, 'decisions[0].importId must be a whole number.'],
      [{ importId: 1126.5, decision: 'approved' }, 'decisions[0].importId must be a whole number.'],
      [{ importId: 1126, decision: 'maybe' }, 'decisions[0].decision must be one of: approved, denied.'],
      [{ importId: 1126 }, 'decisions[0].decision is required.'],
    ]
    for (const [decision, why] of cases) {
      expect(await seed({ decisions: [decision] }), JSON.stringify(decision)).toEqual(refusal(why))
    }
  })

  it('seeds nothing when any part of the seed is refused', async () => {
    const { seed, sim } = simulator()
    const answer = await seed({
      tenants: [{ domainKey: 'k', domainPassword: 'p' }],
      accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ phone: 'x' }] }],
    })
    expect(answer.status).toBe(400)
    expect(sim.inspect()).toMatchObject({ tenants: [{}, {}], accounts: [] })
  })

  it('refuses to answer for a user where there is nothing to answer, saying why', async () => {
    const { seed, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const consent = await begin({ service: 'gmail' }, 'user_consent')
    const cases: [number, string][] = [
      [9, 'there is no import 9.'],
      [1126, 'Import 1126 is a username/password import; it has no consent to give.'],
    ]
    for (const [importId, why] of cases) {
      expect(await seed({ decisions: [{ importId, decision: 'approved' }] })).toEqual({
        status: 400,
        body: { error: { message: `Failed to answer for the user: ${why}` } },
      })
    }
    await seed({ decisions: [{ importId: consent.import_id, decision: 'denied' }] })
    expect(await seed({ decisions: [{ importId: consent.import_id, decision: 'approved' }] })).toEqual({
      status: 400,
      body: { error: { message: 'Failed to answer for the user: Import 1127 was already denied.' } },
    })
  })

  it('seeds nothing when an answer cannot be taken, or one import is answered twice', async () => {
    const { seed, sim, begin } = simulator()
    const consent = await begin({ service: 'gmail' }, 'user_consent')
    const before = sim.inspect()
    const tenants = [{ domainKey: 'k2', domainPassword: 'p2' }]
    const accounts = [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [] }]
    expect(await seed({ tenants, accounts, decisions: [{ importId: 9, decision: 'approved' }] })).toEqual({
      status: 400,
      body: { error: { message: 'Failed to answer for the user: there is no import 9.' } },
    })
    const twice = [
      { importId: consent.import_id, decision: 'approved' },
      { importId: consent.import_id, decision: 'denied' },
    ]
    expect(await seed({ tenants, accounts, decisions: twice })).toEqual({
      status: 400,
      body: { error: { message: 'Failed to answer for the user: import 1126 is answered twice in this seed.' } },
    })
    expect(sim.inspect()).toEqual(before)
  })

  it('throws the same sentences from decide()', async () => {
    const { sim, begin } = simulator()
    const consent = await begin({ service: 'gmail' }, 'user_consent')
    sim.decide(consent.import_id, 'approved')
    expect(() => sim.decide(consent.import_id, 'denied')).toThrow(
      new RangeError('Failed to answer for the user: Import 1126 was already approved.'),
    )
    expect(() => sim.decide(1, 'denied')).toThrow(
      new RangeError('Failed to answer for the user: there is no import 1.'),
    )
  })
})

describe('snapshots and reset', () => {
  it('snapshots the seeded tenants and accounts as a seed: services lower-case, contacts with phone and email', async () => {
    const { sim, seed, state } = simulator()
    await seed({
      tenants: [{ domainKey: 'k', domainPassword: 'p', note: 'not kept' }],
      accounts: [
        {
          service: 'iCloud',
          username: 'ann',
          password: 'pw',
          owner: { first_name: 'Ann' },
          contacts: [{ first_name: 'Bo', phone: [{ number: '1' }] }, { last_name: 'Ek' }],
        },
        { service: 'PLAXO', username: 'cy', password: 'pw2', contacts: [] },
      ],
    })
    const snapshot = {
      tenants: [{ domainKey: 'k', domainPassword: 'p' }],
      accounts: [
        {
          service: 'icloud',
          username: 'ann',
          password: 'pw',
          owner: { first_name: 'Ann' },
          contacts: [
            { first_name: 'Bo', phone: [{ number: '1' }], email: [] },
            { last_name: 'Ek', phone: [], email: [] },
          ],
        },
        { service: 'plaxo', username: 'cy', password: 'pw2', owner: null, contacts: [] },
      ],
    }
    expect(await state('?snapshot')).toEqual(snapshot)
    const download = await sim.app.request('/__admin/state?snapshot=1')
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="cloudsponge-snapshot.json"')
    // The snapshot rebuilds the same world in a fresh simulator.
    const again = simulator()
    expect((await again.seed(snapshot)).status).toBe(201)
    expect(await again.state('?snapshot')).toEqual(snapshot)
  })

  it('keeps imports out of the snapshot, and hands out copies of the contacts', async () => {
    const { sim, seed, begin } = simulator()
    await seed({ accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ first_name: 'Bo' }] }] })
    await begin({ service: 'icloud', username: 'ann', password: 'pw' })
    const snapshot = sim.snapshot() as { accounts: { contacts: Record<string, unknown>[] }[] }
    expect(Object.keys(snapshot)).toEqual(['tenants', 'accounts'])
    const contact = snapshot.accounts[0]?.contacts[0] as Record<string, unknown>
    contact.first_name = 'Changed'
    expect((sim.snapshot() as typeof snapshot).accounts[0]?.contacts[0]?.first_name).toBe('Bo')
  })

  it('forgets seeded tenants, accounts and imports on reset, keeping the configured domains, ids from 1126 again', async () => {
    const { sim, seed, begin, state } = simulator()
    await seed({
      tenants: [{ domainKey: 'k', domainPassword: 'p' }],
      accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ first_name: 'Bo' }] }],
    })
    await begin({ service: 'icloud', username: 'ann', password: 'pw' })
    await begin({ service: 'icloud', username: 'ann', password: 'pw' })
    expect((await sim.app.request('/__admin/reset', { method: 'POST' })).ok).toBe(true)
    expect(await state()).toMatchObject({
      tenants: [{ domainKey: documentedTenant.domainKey }, { domainKey: secondTenant.domainKey }],
      accounts: [],
      imports: [],
    })
    expect(await state('?snapshot')).toEqual({ tenants: [], accounts: [] })
    expect((await begin({ service: 'icloud', username: 'ann', password: 'pw' })).import_id).toBe(1126)
    sim.clock.advance(4000)
    // ann is no longer seeded: a generated book of 25.
    expect(sim.inspect()).toMatchObject({ imports: [{ phase: 'complete', total: 25 }] })
  })
})
