import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

// What the user changes on the provider's side (seeded through the admin API) is what a client
// meets next: a new etag on the contact, so an update sent with the one read before is refused.

describe('provider-side edits', () => {
  it('make an etag read before them stale: the update answers 412 and the edit stays', async () => {
    const { sim, call } = aurinkoHarness()
    const created = await call('POST', '/v1/contacts', { body: { name: { givenName: 'Ann' } } })
    const { id, etag } = created.body
    const edit = await sim.app.request('/__admin/state', {
      method: 'POST',
      body: JSON.stringify({ providerEdits: [{ accountId: 1001, update: [{ id, notes: 'from the provider' }] }] }),
    })
    expect(edit.status).toBe(201)
    const refused = await call('PATCH', `/v1/contacts/${id}`, {
      body: { notes: 'from us' },
      headers: { 'If-Match': etag },
    })
    expect(refused.status).toBe(412)
    expect(refused.conformance).toEqual([])
    expect(refused.body).toMatchObject({ code: 'preconditionFailed', message: expect.stringMatching(/read it again/) })
    const current = await call('GET', `/v1/contacts/${id}`)
    expect(current.body.notes).toBe('from the provider')
    expect(current.body.etag).not.toBe(etag)
    const merged = await call('PATCH', `/v1/contacts/${id}`, {
      body: { notes: 'merged' },
      headers: { 'If-Match': current.body.etag },
    })
    expect(merged.status).toBe(200)
    expect(merged.body.record.notes).toBe('merged')
  })
})
