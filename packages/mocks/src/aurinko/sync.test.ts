import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

const ids = (records: { id: string }[]) => records.map((record) => record.id).sort()

describe('sync start and provisioning', () => {
  it('answers ready: false until provisioning ends on the clock, then ready with both start tokens', async () => {
    const { sim, call } = aurinkoHarness({ sync: { provisioningMs: 10_000 } })
    const first = await call('POST', '/v1/contacts/sync')
    expect(first.status).toBe(200)
    expect(first.conformance).toEqual([])
    expect(first.body).toEqual({ ready: false })
    sim.clock.advance(9_999)
    expect((await call('POST', '/v1/contacts/sync?awaitReady=false')).body).toEqual({ ready: false })
    sim.clock.advance(1)
    const ready = await call('POST', '/v1/contacts/sync')
    expect(ready.body).toEqual({
      syncUpdatedToken: expect.any(String),
      syncDeletedToken: expect.any(String),
      ready: true,
    })
    expect(ready.body.syncUpdatedToken).not.toBe(ready.body.syncDeletedToken)
  })

  it('with awaitReady=true answers ready at once, without moving the shared clock', async () => {
    const { sim, call } = aurinkoHarness()
    const before = sim.clock.now()
    expect((await call('POST', '/v1/contacts/sync?awaitReady=true')).body.ready).toBe(true)
    expect(sim.clock.now()).toBe(before)
    expect((await call('POST', '/v1/contacts/sync')).body.ready).toBe(true)
  })

  it('provisions each account on its own', async () => {
    const { call } = aurinkoHarness()
    await call('POST', '/v1/contacts/sync?awaitReady=true')
    expect((await call('POST', '/v1/contacts/sync', { token: 'aurinko-second-token' })).body).toEqual({ ready: false })
  })
})

describe('full sync', () => {
  it('pages through every contact: nextPageToken until the last page, which carries nextDeltaToken', async () => {
    const { sim, startSync, syncAll, call } = aurinkoHarness({ sync: { pageSize: 10 } })
    sim.seed({ accounts: [{ accountId: 2001, accessToken: 'big', contacts: 95 }] })
    const start = await startSync('big')
    const updated = await syncAll('updated', start.updated, 'big')
    expect(updated.pages).toBe(10)
    expect(new Set(ids(updated.records)).size).toBe(95)
    const firstPage = await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`, { token: 'big' })
    expect(firstPage.body).toMatchObject({ length: 10, nextPageToken: expect.any(String) })
    expect(firstPage.body.nextDeltaToken).toBeUndefined()
    const deleted = await syncAll('deleted', start.deleted, 'big')
    expect(deleted).toMatchObject({ records: [], pages: 1 })
  })

  it('misses nothing changed while it pages: the next delta carries it', async () => {
    const { call, startSync, syncAll } = aurinkoHarness({ sync: { pageSize: 10 } })
    const start = await startSync()
    const page = await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)
    const seen = page.body.records[0]
    await call('PATCH', `/v1/contacts/${seen.id}`, { body: { notes: 'changed mid-sync' } })
    const added = (await call('POST', '/v1/contacts', { body: { nickName: 'late' } })).body
    let rest = await syncAll('updated', page.body.nextPageToken, undefined, 'pageToken')
    // Made after the listing began: past its end, so only the delta has it.
    expect(ids(rest.records)).not.toContain(added.id)
    expect([...page.body.records, ...rest.records]).toHaveLength(25)
    rest = await syncAll('updated', rest.nextDeltaToken)
    expect(ids(rest.records)).toEqual([added.id, seen.id].sort())
  })
})

describe('delta sync', () => {
  it('returns exactly what changed through the API: creates and updates in updated, deletions in deleted', async () => {
    const { sim, call, startSync, syncAll } = aurinkoHarness()
    const start = await startSync()
    const full = await syncAll('updated', start.updated)
    const [kept, edited, removed] = full.records as { id: string; etag: string }[]
    const baseline = await syncAll('deleted', start.deleted)
    sim.clock.advance(1_000)
    const created = (await call('POST', '/v1/contacts', { body: { name: { givenName: 'New' } } })).body
    await call('PATCH', `/v1/contacts/${edited?.id}`, { body: { notes: 'one' } })
    await call('PATCH', `/v1/contacts/${edited?.id}`, { body: { notes: 'two' } })
    await call('DELETE', `/v1/contacts/${removed?.id}`)

    const updated = await syncAll('updated', full.nextDeltaToken)
    expect(ids(updated.records)).toEqual([created.id, edited?.id].sort())
    expect(updated.records.find((record) => record.id === edited?.id)).toMatchObject({ notes: 'two' })
    expect(ids(updated.records)).not.toContain(kept?.id)
    const deleted = await syncAll('deleted', baseline.nextDeltaToken)
    expect(deleted.records).toEqual([{ id: removed?.id, timestamp: '2026-01-01T00:00:01Z' }])

    // And nothing more after that.
    expect((await syncAll('updated', updated.nextDeltaToken)).records).toEqual([])
    expect((await syncAll('deleted', deleted.nextDeltaToken)).records).toEqual([])
  })

  it('returns exactly what the user changed on the provider’s side', async () => {
    const { call, startSync, syncAll } = aurinkoHarness()
    const start = await startSync()
    const full = await syncAll('updated', start.updated)
    const deletedStart = await syncAll('deleted', start.deleted)
    const [edited, removed] = full.records as { id: string; etag: string }[]
    const seeded = await call('POST', '/__admin/state', {
      body: {
        providerEdits: [
          {
            accountId: 1001,
            create: [{ name: { givenName: 'Added', familyName: 'In Google' } }],
            update: [{ id: edited?.id, nickName: 'edited in Outlook' }],
            delete: [removed?.id],
          },
        ],
      },
    })
    expect(seeded.status).toBe(201)
    const [result] = seeded.body.providerEdits
    const updated = await syncAll('updated', full.nextDeltaToken)
    expect(ids(updated.records)).toEqual([...result.created, edited?.id].sort())
    expect(updated.records.find((record) => record.id === edited?.id)?.etag).not.toBe(edited?.etag)
    expect(ids((await syncAll('deleted', deletedStart.nextDeltaToken)).records)).toEqual([removed?.id])
    // The API sees the provider's changes at once.
    expect((await call('GET', `/v1/contacts/${removed?.id}`)).status).toBe(404)
  })

  it('pages a large delta the same way, and each account sees only its own changes', async () => {
    const { sim, call, startSync, syncAll } = aurinkoHarness({ sync: { pageSize: 10 } })
    const start = await startSync()
    const baseline = await syncAll('updated', start.updated)
    const second = await startSync('aurinko-second-token')
    const secondBaseline = await syncAll('updated', second.updated, 'aurinko-second-token')
    const create = Array.from({ length: 25 }, (_, index) => ({ nickName: `n${index}` }))
    sim.providerEdit({ accountId: 1001, create })
    const delta = await syncAll('updated', baseline.nextDeltaToken)
    expect(delta).toMatchObject({ pages: 3 })
    expect(delta.records).toHaveLength(25)
    const other = await syncAll('updated', secondBaseline.nextDeltaToken, 'aurinko-second-token')
    expect(other.records).toEqual([])
    expect((await call('GET', '/v1/contacts', { token: 'aurinko-second-token' })).body.records).toHaveLength(5)
  })

  it('accepts deltaToken and pageToken together, as some clients send them', async () => {
    const { call, startSync } = aurinkoHarness({ sync: { pageSize: 10 } })
    const start = await startSync()
    const first = await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)
    const both = await call(
      'GET',
      `/v1/contacts/sync/updated?deltaToken=${start.updated}&pageToken=${first.body.nextPageToken}`,
    )
    const pageOnly = await call('GET', `/v1/contacts/sync/updated?pageToken=${first.body.nextPageToken}`)
    expect(both.status).toBe(200)
    expect(ids(both.body.records)).toEqual(ids(pageOnly.body.records))
    expect(ids(both.body.records)).not.toEqual(ids(first.body.records))
  })

  it('asks for a token when given neither', async () => {
    const { call } = aurinkoHarness()
    const neither = await call('GET', '/v1/contacts/sync/deleted')
    expect(neither.status).toBe(400)
    expect(neither.conformance).toEqual([])
    expect(neither.body.code).toBe('badRequest')
  })
})
