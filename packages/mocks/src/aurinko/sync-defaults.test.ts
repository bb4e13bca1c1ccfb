import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

const week = 7 * 24 * 60 * 60 * 1000

describe('sync without timing options', () => {
  it('shows its defaults: three seconds of provisioning, tokens good for a week, pages of 100', () => {
    const { sim } = aurinkoHarness()
    expect((sim.inspect() as { sync: unknown }).sync).toEqual({
      provisioningMs: 3000,
      tokenLifetimeMs: week,
      pageSize: 100,
    })
  })

  it('takes a token for a week after it was issued, then answers 410 saying when it expired', async () => {
    const { sim, call, startSync } = aurinkoHarness()
    const issuedAt = sim.clock.now()
    const start = await startSync()
    sim.clock.advance(week - 1)
    expect((await call('GET', `/v1/contacts/sync/deleted?deltaToken=${start.deleted}`)).status).toBe(200)
    sim.clock.advance(1)
    const expired = await call('GET', `/v1/contacts/sync/deleted?deltaToken=${start.deleted}`)
    expect(expired.status).toBe(410)
    expect(expired.body.message).toBe(
      `syncToken expired. It expired at ${new Date(issuedAt + week).toISOString().replace('.000Z', 'Z')}; start a new sync with POST /v1/contacts/sync.`,
    )
  })
})
