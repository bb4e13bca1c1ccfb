import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

describe('the sandbox accounts', () => {
  it('begin, for the sandbox token, with the vendor’s example contact, every field of it, then 24 generated', async () => {
    const { call } = aurinkoHarness()
    const list = await call('GET', '/v1/contacts')
    expect(list.body.records).toHaveLength(25)
    expect(list.body.records[0]).toEqual({
      id: 'c1_0',
      etag: expect.any(String),
      createdTime: '2026-01-01T00:00:00Z',
      lastModifiedTime: '2026-01-01T00:00:00Z',
      name: { displayName: 'Sam Black', givenName: 'Sam', familyName: 'Black' },
      company: { name: 'Aurinko', jobTitle: 'Support engineer' },
      emailAddresses: [{ address: 'sam@aurinko.io', type: 'work' }],
      phoneNumbers: [{ number: '415 8399949', type: 'work', canonicalForm: '+14158399949' }],
      hasPhoto: false,
    })
  })

  it('hold five generated contacts for the second token, with ids of its own', async () => {
    const { call } = aurinkoHarness()
    const records = (await call('GET', '/v1/contacts', { token: 'aurinko-second-token' })).body.records
    expect(records.map((record: { id: string }) => record.id)).toEqual(['c2_0', 'c2_1', 'c2_2', 'c2_3', 'c2_4'])
    // The first account's first contact is not the second's, though both are the first of their books.
    const other = await call('GET', '/v1/contacts/c1_0', { token: 'aurinko-second-token' })
    expect(other.status).toBe(404)
  })
})
