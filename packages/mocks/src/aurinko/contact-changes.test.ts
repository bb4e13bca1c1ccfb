import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

const sam = {
  name: { givenName: 'Sam', familyName: 'Black' },
  emailAddresses: [
    { address: 'sam@aurinko.io', type: 'work' },
    { address: 'sam@example.com', type: 'home' },
  ],
  keywords: ['vip', 'golf'],
  nativeProperties: { crmId: '17', tier: 'gold' },
}

/** Sam created and a delta token taken after it, so the next delta holds only what changes later. */
async function samSynced() {
  const harness = aurinkoHarness()
  const created = (await harness.call('POST', '/v1/contacts', { body: sam })).body
  const start = await harness.startSync()
  const { nextDeltaToken } = await harness.syncAll('updated', start.updated)
  harness.sim.clock.advance(60_000)
  return { ...harness, id: created.id as string, etag: created.etag as string, deltaToken: nextDeltaToken }
}

describe('what a PATCH counts as a change', () => {
  it('keeps the etag, the modified time and the delta empty when the fields sent are the ones stored, in another key order', async () => {
    const { call, syncAll, id, etag, deltaToken } = await samSynced()
    const answer = await call('PATCH', `/v1/contacts/${id}`, {
      body: {
        nativeProperties: { tier: 'gold', crmId: '17' },
        keywords: ['vip', 'golf'],
        emailAddresses: [
          { type: 'work', address: 'sam@aurinko.io' },
          { type: 'home', address: 'sam@example.com' },
        ],
        name: { familyName: 'Black', givenName: 'Sam' },
      },
      headers: { 'If-Match': etag },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.etag).toBe(etag)
    expect(answer.body.record.lastModifiedTime).toBe('2026-01-01T00:00:00Z')
    expect((await syncAll('updated', deltaToken)).records).toEqual([])
  })

  const second = { address: 'sam@black.net' }
  it.each([
    ['the second email address changed', { emailAddresses: [sam.emailAddresses[0], second] }],
    ['the last email address dropped', { emailAddresses: [sam.emailAddresses[0]] }],
    ['an email address added', { emailAddresses: [...sam.emailAddresses, second] }],
    ['the family name dropped', { name: { givenName: 'Sam' } }, { name: { displayName: 'Sam', givenName: 'Sam' } }],
    ['the second keyword changed', { keywords: ['vip', 'chess'] }],
    ['the keywords in another order', { keywords: ['golf', 'vip'] }],
    // Native properties are written only when asked for by name.
    ['a native property changed', { nativeProperties: { crmId: '17', tier: 'silver' } }, {}],
    ['a native property renamed', { nativeProperties: { crmId: '17', level: 'gold' } }, {}],
  ])('gives a new etag and a delta entry for %s', async (_what, body, shown: Record<string, unknown> = body) => {
    const { call, syncAll, id, etag, deltaToken } = await samSynced()
    const answer = await call('PATCH', `/v1/contacts/${id}`, { body, headers: { 'If-Match': etag } })
    expect(answer.status).toBe(200)
    expect(answer.body.etag).not.toBe(etag)
    expect(answer.body.record.lastModifiedTime).toBe('2026-01-01T00:01:00Z')
    for (const [field, value] of Object.entries(shown)) {
      expect(answer.body.record[field]).toEqual(value)
    }
    const delta = await syncAll('updated', deltaToken)
    expect(delta.records.map((record: { id: string; etag: string }) => [record.id, record.etag])).toEqual([
      [id, answer.body.etag],
    ])
  })
})
