import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

// The simulator's app decides how a trailing slash is matched, for every route file it mounts.
describe('a path with a trailing slash', () => {
  it('is the same path: an upload, an import and the contacts answer as without it', async () => {
    const { call, importFile, finish } = omnigageHarness()
    const upload = await call('POST', '/api/v1/uploads/', { body: { name: 'a.csv', type: 'text/csv', size: 10 } })
    expect(upload.status).toBe(201)
    const created = await importFile('one.csv', 'First Name,Phone\nAda,+14155550100\n')
    finish()
    const path = `/api/v1/import-contacts/${created.body.data.id}`
    expect((await call('GET', `${path}/`)).body).toEqual((await call('GET', path)).body)
    const contacts = await call('GET', '/api/v1/contacts/')
    expect(contacts.status).toBe(200)
    expect(contacts.body.meta.count).toBe(1)
  })
})
