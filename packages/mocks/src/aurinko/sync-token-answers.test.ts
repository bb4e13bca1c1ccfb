import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

// The sentences and statuses a client gets for a sync token it cannot use, each saying which
// token it was sent and why it is refused.

describe('sync tokens a client cannot use', () => {
  it('answers 410 for a page token that expires between two pages of one pass', async () => {
    const { sim, call, startSync } = aurinkoHarness({ sync: { pageSize: 10, tokenLifetimeMs: 60_000 } })
    const start = await startSync()
    const first = await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)
    expect(first.body.records).toHaveLength(10)
    sim.clock.advance(60_000)
    const next = await call('GET', `/v1/contacts/sync/updated?pageToken=${first.body.nextPageToken}`)
    expect(next.status).toBe(410)
    expect(next.conformance).toEqual([])
    expect(next.body).toMatchObject({ code: 'syncToken.expired' })
  })

  it('says which token it was sent: a delta token of the other scope, a page token of the contact list', async () => {
    const { call, startSync } = aurinkoHarness()
    const start = await startSync()
    const otherScope = await call('GET', `/v1/contacts/sync/deleted?deltaToken=${start.updated}`)
    expect(otherScope.body).toMatchObject({
      code: 'token.notValid',
      message: expect.stringMatching(/not a delta token of sync\/deleted/),
    })
    const listPage = (await call('GET', '/v1/contacts?limit=1')).body.nextPageToken
    const listToken = await call('GET', `/v1/contacts/sync/updated?pageToken=${listPage}`)
    expect(listToken.status).toBe(400)
    expect(listToken.body.message).toMatch(/page token of the contact list/)
    for (const answer of [otherScope, listToken]) {
      expect(answer.conformance).toEqual([])
    }
  })
})

describe('app credentials', () => {
  it('name the account an app does not have', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({ apps: [{ clientId: 'other-app', clientSecret: 'other-secret' }] })
    const foreign = await call('GET', '/v1/contacts', {
      token: null,
      headers: { Authorization: `Basic ${btoa('other-app:other-secret')}`, 'X-Aurinko-Account-Id': '1001' },
    })
    expect(foreign.status).toBe(401)
    expect(foreign.conformance).toEqual([])
    expect(foreign.body.message).toMatch(/has no account 1001/)
  })
})
