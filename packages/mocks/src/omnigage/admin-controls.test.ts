import { describe, expect, it } from 'vitest'
import { secondTenant } from './tenants.js'
import { omnigageHarness } from './testing/harness.js'

// The core's controls (state, reset, faults) on Omnigage and the S3 simulator its forms point at.

const second = `${secondTenant.tokenKey}:${secondTenant.tokenSecret}`
const csv = 'First Name,Last Name,Phone\nAda,Quill,(415) 555-0100\n'

describe('state', () => {
  it('seeds contacts into one account, inspects accounts and imports, and resets', async () => {
    const { sim, call, importFile, finish } = omnigageHarness()
    const seeded = await sim.app.request('/__admin/state', {
      method: 'POST',
      body: JSON.stringify({
        account: 'firstbank',
        contacts: [{ 'first-name': 'Cleo', 'phone-numbers': ['+14155550102'] }],
      }),
    })
    expect(seeded.status).toBe(201)
    const listed = await call('GET', '/api/v1/contacts')
    expect(listed.conformance).toEqual([])
    expect(listed.body.data.map((contact: { attributes: object }) => contact.attributes)).toEqual([
      expect.objectContaining({ 'first-name': 'Cleo', 'phone-number': '+14155550102' }),
    ])
    expect((await call('GET', '/api/v1/contacts', { token: second })).body.meta.count).toBe(0)

    const created = await importFile('people.csv', csv)
    expect(created.status).toBe(201)
    finish()
    // Read once, as a client polling it does, before the state is inspected.
    expect((await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)).body.data.attributes.status).toBe(
      'completed',
    )
    const state = (await (await sim.app.request('/__admin/state')).json()) as {
      accounts: {
        accountKey: string
        contacts: number
        imports: { status: string; rows: number }[]
        uploads: Record<string, string>[]
      }[]
    }
    expect(state.accounts.map(({ accountKey, contacts, imports }) => ({ accountKey, contacts, imports }))).toEqual([
      { accountKey: 'firstbank', contacts: 2, imports: [expect.objectContaining({ status: 'completed', rows: 1 })] },
      { accountKey: 'secondbank', contacts: 0, imports: [] },
    ])
    expect(state.accounts.map((account) => account.uploads)).toEqual([
      [
        {
          id: expect.any(String),
          name: 'people.csv',
          keyPrefix: expect.any(String),
          expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/),
        },
      ],
      [],
    ])

    expect((await sim.app.request('/__admin/reset', { method: 'POST' })).ok).toBe(true)
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(0)
    expect((await call('GET', '/api/v1/import-contacts')).body.meta.count).toBe(0)
  })

  it('refuses a seed naming an unknown account, with a sentence that lists the accounts', async () => {
    const { sim } = omnigageHarness()
    const refused = await sim.app.request('/__admin/state', {
      method: 'POST',
      body: JSON.stringify({ account: 'nobank', contacts: [] }),
    })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('firstbank, secondbank')
  })
})

describe('faults', () => {
  it("answer an Omnigage route in the vendor's error format, and nothing after it is made", async () => {
    const { sim, call } = omnigageHarness()
    sim.faults.add({ method: 'POST', path: '/api/v1/uploads', status: 403, times: 1 })
    const faulted = await call('POST', '/api/v1/uploads', { body: { name: 'a.csv', type: 'text/csv', size: 10 } })
    expect(faulted.status).toBe(403)
    expect(faulted.body).toEqual({
      errors: [{ detail: expect.stringMatching(/^Injected fault fault-\d+ answered 403\.$/), code: 403 }],
    })
    expect((await call('GET', '/api/v1/uploads/1')).status).toBe(404)
    expect(
      (await call('POST', '/api/v1/uploads', { body: { name: 'a.csv', type: 'text/csv', size: 10 } })).status,
    ).toBe(201)
  })

  it("answer the S3 form post in S3's XML error format, and the next post goes through", async () => {
    const { set, createUpload, postToS3 } = omnigageHarness()
    const s3 = set.get('s3')
    s3.faults.add({ method: 'POST', path: '/**', status: 403, times: 1 })
    const upload = await createUpload('people.csv', csv.length)
    const refused = await postToS3(upload.attributes, 'people.csv', csv)
    expect(refused.status).toBe(403)
    const xml = await refused.text()
    expect(xml).toContain('<Code>AccessDenied</Code>')
    expect(xml).toMatch(/<Message>Injected fault fault-\d+ answered 403\.<\/Message>/)
    expect((await postToS3(upload.attributes, 'people.csv', csv)).status).toBe(204)
    expect(s3.journal.list({ method: 'POST' }).map((entry) => entry.status)).toEqual([403, 204])
  })
})
