import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

describe('a path with a trailing slash', () => {
  it('is the same path: the list, a contact, a create and a sync page answer as without it', async () => {
    const { call, startSync } = aurinkoHarness()
    const list = await call('GET', '/v1/contacts/?limit=2')
    expect(list.status).toBe(200)
    expect(list.body).toEqual((await call('GET', '/v1/contacts?limit=2')).body)
    const [first] = list.body.records
    expect((await call('GET', `/v1/contacts/${first.id}/`)).body).toEqual(first)
    const created = await call('POST', '/v1/contacts/', { body: { nickName: 'Slash' } })
    expect(created.status).toBe(201)
    const { updated } = await startSync()
    const page = await call('GET', `/v1/contacts/sync/updated/?deltaToken=${encodeURIComponent(updated)}`)
    expect(page.status).toBe(200)
    expect(page.body.records).toHaveLength(26)
  })
})
