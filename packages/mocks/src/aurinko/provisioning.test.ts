import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

// Provisioning happens once per account (docs/decisions/aurinko-behaviour.md): an account seeded
// ready, or one that has provisioned before, starts a sync at once.

describe('provisioning once per account', () => {
  it('answers ready at once for an account seeded with syncReady', async () => {
    const { sim, call } = aurinkoHarness({ sync: { provisioningMs: 60_000 } })
    sim.seed({ accounts: [{ accountId: 2001, accessToken: 'ready-token', contacts: 3, syncReady: true }] })
    const started = await call('POST', '/v1/contacts/sync', { token: 'ready-token' })
    expect(started.conformance).toEqual([])
    expect(started.body).toMatchObject({ ready: true, syncUpdatedToken: expect.any(String) })
    expect((await call('POST', '/v1/contacts/sync')).body).toEqual({ ready: false })
  })

  it('answers ready at once when an account starts over after its tokens expired', async () => {
    const { sim, call, syncAll } = aurinkoHarness({ sync: { provisioningMs: 10_000, tokenLifetimeMs: 60_000 } })
    expect((await call('POST', '/v1/contacts/sync')).body).toEqual({ ready: false })
    sim.clock.advance(10_000)
    const first = await call('POST', '/v1/contacts/sync')
    const full = await syncAll('updated', first.body.syncUpdatedToken)
    sim.clock.advance(60_000)
    const expired = await call('GET', `/v1/contacts/sync/updated?deltaToken=${full.nextDeltaToken}`)
    expect(expired.status).toBe(410)
    const again = await call('POST', '/v1/contacts/sync')
    expect(again.conformance).toEqual([])
    expect(again.body).toMatchObject({ ready: true, syncUpdatedToken: expect.any(String) })
  })

  it('lets a fault rule hold a start back, as a test of a slow restart does', async () => {
    const { sim, call } = aurinkoHarness()
    await call('POST', '/v1/contacts/sync?awaitReady=true')
    sim.faults.add({ method: 'POST', path: '/v1/contacts/sync', status: 200, body: { ready: false }, times: 2 })
    const answers = []
    for (let attempt = 0; attempt < 3; attempt++) {
      answers.push((await call('POST', '/v1/contacts/sync')).body.ready)
    }
    expect(answers).toEqual([false, false, true])
  })
})
