import { describe, expect, it } from 'vitest'
import { secondTenant } from './tenants.js'
import { omnigageHarness } from './testing/harness.js'

const second = `${secondTenant.tokenKey}:${secondTenant.tokenSecret}`

describe('credentials', () => {
  it('answers 401 in the vendor format, with a Basic challenge, without a token or with a wrong secret', async () => {
    const { call } = omnigageHarness()
    const none = 'No credentials were sent; send the API token as HTTP Basic (token key as user, secret as password).'
    const wrong = 'The API token key and secret do not match a token; check them under Developer, API Tokens.'
    for (const [token, detail] of [
      [null, none],
      ['omnigage-sandbox-key:wrong', wrong],
      ['nobody:nothing', wrong],
    ] as const) {
      const answer = await call('GET', '/api/v1/contacts', { token })
      expect(answer.status, String(token)).toBe(401)
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="Omnigage"')
      expect(answer.body).toEqual({ errors: [{ detail, code: 401 }] })
      expect(answer.conformance).toEqual([])
    }
  })

  it('takes X-Account-Key when it names the token account, and refuses another account with 403', async () => {
    const { call } = omnigageHarness()
    expect((await call('GET', '/api/v1/contacts', { headers: { 'X-Account-Key': 'firstbank' } })).status).toBe(200)
    const other = await call('GET', '/api/v1/contacts', { headers: { 'X-Account-Key': 'secondbank' } })
    expect(other.status).toBe(403)
    expect(other.body.errors[0].detail).toContain('"secondbank"')
    expect(other.conformance).toEqual([])
  })
})

describe('tenants', () => {
  it('never shows one account the uploads, imports, results, files or contacts of another', async () => {
    const { importFile, call, finish, upload } = omnigageHarness()
    const created = await importFile('a.csv', 'First Name,Phone,Email\nAnn,+14155550100,ann@example.com\nBo,bad,bo@x\n')
    finish()
    const mine = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    const contactId = (await call('GET', '/api/v1/contacts')).body.data[0].id
    const errorsFile = mine.body.data.relationships['errors-file'].data.id
    for (const path of [
      `/api/v1/import-contacts/${created.body.data.id}`,
      `/api/v1/import-contacts/${created.body.data.id}/results`,
      `/api/v1/contacts/${contactId}`,
      `/api/v1/files/${errorsFile}`,
      `/api/v1/files/${errorsFile}/content`,
    ]) {
      expect((await call('GET', path, { token: second })).status, path).toBe(404)
    }
    expect((await call('GET', '/api/v1/contacts', { token: second })).body.meta.count).toBe(0)
    expect((await call('GET', '/api/v1/import-contacts', { token: second })).body.meta.count).toBe(0)
    const deleted = await call('DELETE', '/api/v1/contacts', {
      token: second,
      body: { data: [{ type: 'contacts', id: contactId }] },
    })
    expect(deleted.status).toBe(404)
    // Someone else's upload cannot be imported either, even with its id.
    const theirs = await upload('b.csv', 'First Name,Phone\nCy,+14155550102\n')
    const stolen = await call('POST', '/api/v1/import-contacts', {
      token: second,
      body: {
        data: { type: 'import-contacts', relationships: { upload: { data: { type: 'uploads', id: theirs.id } } } },
      },
    })
    expect(stolen.status).toBe(404)
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(1)
  })

  it("names each account's own membership as the creator of its imports", async () => {
    const { importFile } = omnigageHarness()
    const creators: string[] = []
    for (const token of [undefined, second]) {
      const created = await importFile('a.csv', 'First Name,Phone\nAnn,+14155550100\n', {}, token)
      creators.push(created.body.data.relationships['created-by'].data.id)
    }
    expect(creators[0]).toBe('FJ653kkb36jbqBUNPx9sqJ')
    expect(creators[1]).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz]{22}$/)
    expect(creators[1]).not.toBe(creators[0])
  })
})
