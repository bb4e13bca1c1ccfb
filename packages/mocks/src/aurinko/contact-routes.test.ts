import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

const sam = {
  name: { givenName: 'Sam', familyName: 'Black' },
  company: { name: 'Aurinko', jobTitle: 'Support engineer' },
  emailAddresses: [{ address: 'sam@aurinko.io', type: 'work' }],
  phoneNumbers: [{ number: '415 8399949', type: 'work' }],
}

describe('contact CRUD', () => {
  it('creates with 201 {id, etag, record}, ignoring read-only fields, and reads it back', async () => {
    const { call } = aurinkoHarness()
    const created = await call('POST', '/v1/contacts', { body: { ...sam, id: 'mine', etag: 'x', hasPhoto: true } })
    expect(created.status).toBe(201)
    expect(created.conformance).toEqual([])
    const { id, etag, record } = created.body
    expect(id).not.toBe('mine')
    expect(record).toMatchObject({ id, etag, hasPhoto: false, company: sam.company })
    expect(record.name).toEqual({ displayName: 'Sam Black', ...sam.name })
    expect(record.phoneNumbers).toEqual([{ number: '415 8399949', type: 'work', canonicalForm: '+14158399949' }])
    expect(record.createdTime).toBe('2026-01-01T00:00:00Z')
    const read = await call('GET', `/v1/contacts/${id}`)
    expect(read.status).toBe(200)
    expect(read.body).toEqual(record)
  })

  it('gives every change a new etag; PATCH replaces only the top-level fields sent', async () => {
    const { sim, call } = aurinkoHarness()
    const { id, etag } = (await call('POST', '/v1/contacts', { body: sam })).body
    sim.clock.advance(60_000)
    const patched = await call('PATCH', `/v1/contacts/${id}`, {
      body: { company: { name: 'Aurinko, Inc', jobTitle: 'QA engineer' } },
      headers: { 'If-Match': etag },
    })
    expect(patched.status).toBe(200)
    expect(patched.conformance).toEqual([])
    expect(patched.body.etag).not.toBe(etag)
    expect(patched.body.record).toMatchObject({
      company: { name: 'Aurinko, Inc', jobTitle: 'QA engineer' },
      emailAddresses: sam.emailAddresses,
      lastModifiedTime: '2026-01-01T00:01:00Z',
      createdTime: '2026-01-01T00:00:00Z',
    })
    // Quoted, as HTTP clients write entity tags, it matches too.
    const again = await call('PATCH', `/v1/contacts/${id}`, {
      body: { notes: 'met at the conference' },
      headers: { 'If-Match': `"${patched.body.etag}"` },
    })
    expect(again.status).toBe(200)
    expect(new Set([etag, patched.body.etag, again.body.etag]).size).toBe(3)
  })

  it('answers a stale If-Match with 412 and leaves the contact as it was', async () => {
    const { call } = aurinkoHarness()
    const { id, etag } = (await call('POST', '/v1/contacts', { body: sam })).body
    const first = await call('PATCH', `/v1/contacts/${id}`, { body: { notes: 'a' }, headers: { 'If-Match': etag } })
    const stale = await call('PATCH', `/v1/contacts/${id}`, { body: { notes: 'b' }, headers: { 'If-Match': etag } })
    expect(stale.status).toBe(412)
    expect(stale.conformance).toEqual([])
    expect(stale.body).toMatchObject({ code: 'preconditionFailed', requestId: stale.headers.get('X-Request-Id') })
    expect(stale.body.message).toContain('read it again')
    expect(stale.headers.get('ETag')).toBe(`"${first.body.etag}"`)
    const read = await call('GET', `/v1/contacts/${id}`)
    expect(read.body).toMatchObject({ notes: 'a', etag: first.body.etag })
  })

  it('applies a PATCH without If-Match by default (lenient), and refuses it with 400 when strict', async () => {
    const lenient = aurinkoHarness()
    const { id } = (await lenient.call('POST', '/v1/contacts', { body: sam })).body
    expect((await lenient.call('PATCH', `/v1/contacts/${id}`, { body: { notes: 'x' } })).status).toBe(200)

    const strict = aurinkoHarness({ ifMatch: 'strict' })
    const created = (await strict.call('POST', '/v1/contacts', { body: sam })).body
    const refused = await strict.call('PATCH', `/v1/contacts/${created.id}`, { body: { notes: 'x' } })
    expect(refused.status).toBe(400)
    expect(refused.body.code).toBe('badRequest')
    expect(refused.body.message).toMatch(/^If-Match is required/)
    expect((await strict.call('GET', `/v1/contacts/${created.id}`)).body.etag).toBe(created.etag)
    const withEtag = await strict.call('PATCH', `/v1/contacts/${created.id}`, {
      body: { notes: 'x' },
      headers: { 'If-Match': created.etag },
    })
    expect(withEtag.status).toBe(200)
  })

  it('keeps the etag when a PATCH changes nothing', async () => {
    const { call } = aurinkoHarness()
    const { id, etag } = (await call('POST', '/v1/contacts', { body: sam })).body
    const same = await call('PATCH', `/v1/contacts/${id}`, { body: { name: sam.name }, headers: { 'If-Match': etag } })
    expect(same.body.etag).toBe(etag)
  })

  it('keeps the etag when a PATCH sends the same fields in another key order, and adds nothing to the delta', async () => {
    const { call, startSync, syncAll } = aurinkoHarness()
    const contact = { ...sam, nativeProperties: { source: 'crm', rank: '1' } }
    const { id, etag } = (await call('POST', '/v1/contacts', { body: contact })).body
    const start = await startSync()
    const { nextDeltaToken } = await syncAll('updated', start.updated)
    const reordered = {
      nativeProperties: { rank: '1', source: 'crm' },
      phoneNumbers: [{ type: 'work', number: '415 8399949' }],
      name: { familyName: 'Black', givenName: 'Sam' },
    }
    const same = await call('PATCH', `/v1/contacts/${id}`, { body: reordered, headers: { 'If-Match': etag } })
    expect(same.status).toBe(200)
    expect(same.body.etag).toBe(etag)
    expect((await syncAll('updated', nextDeltaToken)).records).toEqual([])
    const changed = await call('PATCH', `/v1/contacts/${id}`, {
      body: { nativeProperties: { rank: '2', source: 'crm' } },
    })
    expect(changed.body.etag).not.toBe(etag)
  })

  it('deletes with 200 and no body; then the id is a 404, for GET, PATCH and DELETE', async () => {
    const { call } = aurinkoHarness()
    const { id } = (await call('POST', '/v1/contacts', { body: sam })).body
    const deleted = await call('DELETE', `/v1/contacts/${id}`)
    expect(deleted.status).toBe(200)
    expect(deleted.body).toBeUndefined()
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const gone = await call(method, `/v1/contacts/${id}`, method === 'PATCH' ? { body: { notes: 'x' } } : {})
      expect(gone.status).toBe(404)
      expect(gone.conformance).toEqual([])
      expect(gone.body.code).toBe('not_found')
    }
  })

  it('answers 404 for ids it never gave, however they are spelled', async () => {
    const { call } = aurinkoHarness()
    const { id } = (await call('POST', '/v1/contacts', { body: sam })).body
    for (const unknown of ['nope', `${id}0`, id.toUpperCase(), id.replace(/_(.*)$/, '_0$1'), '%20']) {
      expect((await call('GET', `/v1/contacts/${encodeURIComponent(unknown)}`)).status).toBe(404)
    }
  })

  it('reads the JSON of the vendor’s cURL examples, which curl labels as a form', async () => {
    const { sim, call } = aurinkoHarness()
    const curl = await call('POST', '/v1/contacts', {
      body: JSON.stringify(sam),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(curl.status).toBe(201)
    // Bytes carry no Content-Type at all.
    const bare = await sim.app.request('/v1/contacts', {
      method: 'POST',
      headers: { Authorization: 'Bearer aurinko-sandbox-token' },
      body: new TextEncoder().encode(JSON.stringify(sam)),
    })
    expect(bare.status).toBe(201)
    const form = await call('POST', '/v1/contacts', {
      body: 'givenName=Sam',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(415)
    expect(form.conformance).toEqual([])
  })

  it('returns the photo and native properties only when asked', async () => {
    const { call } = aurinkoHarness()
    const photo = { name: 'sam.png', mimeType: 'image/png', content: 'iVBORw0KGgo=' }
    const { id } = (
      await call('POST', '/v1/contacts', { body: { ...sam, photo, nativeProperties: { a: '1', b: '2', c: '3' } } })
    ).body
    const plain = (await call('GET', `/v1/contacts/${id}`)).body
    expect(plain).toMatchObject({ hasPhoto: true })
    expect(plain.photo).toBeUndefined()
    expect(plain.nativeProperties).toBeUndefined()
    const asked = await call('GET', `/v1/contacts/${id}?withPhoto=true&nativeProperties=a&nativeProperties=c`)
    expect(asked.status).toBe(200)
    expect(asked.conformance).toEqual([])
    expect(asked.body).toMatchObject({ photo, nativeProperties: { a: '1', c: '3' } })
    expect((await call('GET', `/v1/contacts/${id}?nativeProperties=b`)).body.nativeProperties).toEqual({ b: '2' })
    // Asking only for properties the contact does not have gives none, not an empty map.
    const unknown = await call('GET', `/v1/contacts/${id}?nativeProperties=z`)
    expect(unknown.status).toBe(200)
    expect(unknown.body).not.toHaveProperty('nativeProperties')
  })

  it('lists the account’s contacts a page at a time with limit and pageToken', async () => {
    const { call } = aurinkoHarness()
    const ids: string[] = []
    let path = '/v1/contacts?limit=10'
    for (let pages = 0; ; pages++) {
      const page = await call('GET', path)
      expect(page.conformance).toEqual([])
      expect(page.body.length).toBe(page.body.records.length)
      ids.push(...page.body.records.map((record: { id: string }) => record.id))
      // A page token that never runs out fails here rather than looping without a timer.
      expect(pages).toBeLessThan(3)
      if (!page.body.nextPageToken) {
        expect(pages).toBe(2)
        expect(page.body.nextDeltaToken).toBeUndefined()
        break
      }
      path = `/v1/contacts?limit=10&pageToken=${encodeURIComponent(page.body.nextPageToken)}`
    }
    expect(ids).toHaveLength(25)
    expect(new Set(ids).size).toBe(25)
  })
})
