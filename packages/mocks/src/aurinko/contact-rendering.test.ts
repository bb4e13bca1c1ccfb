import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

async function created(body: Record<string, unknown>) {
  const { call } = aurinkoHarness()
  const answer = await call('POST', '/v1/contacts', { body })
  expect(answer.status).toBe(201)
  expect(answer.conformance).toEqual([])
  const read = await call('GET', `/v1/contacts/${answer.body.id}`)
  expect(read.body).toEqual(answer.body.record)
  return answer.body.record
}

describe('a contact as the API writes it', () => {
  it.each([
    // A leading + is E.164 already: 8 to 15 digits, whatever the punctuation.
    ['+44 20 7946 0958', '+442079460958'],
    ['+352 1234 5', '+35212345'],
    ['+1 234 567 890 123 45', '+123456789012345'],
    ['  +33 1 23 45 67 89', '+33123456789'],
    // Ten digits are read as North American, eleven when they begin with its 1.
    ['415 8399949', '+14158399949'],
    ['1 (415) 839-9940', '+14158399940'],
    ['1-415-839-9941', '+14158399941'],
  ])('gives %s the canonical form %s', async (number, canonicalForm) => {
    const record = await created({ phoneNumbers: [{ number, type: 'work' }] })
    expect(record.phoneNumbers).toEqual([{ number, type: 'work', canonicalForm }])
  })

  it.each([
    ['+1234567', 'seven digits after a +'],
    ['+1234567890123456', 'sixteen digits after a +'],
    ['555-1234', 'seven digits and no region'],
    ['2 415 839 9941', 'eleven digits that do not begin with 1'],
    ['1-555-1234', 'eight digits that begin with 1'],
    ['415 839 99411', 'twelve digits'],
  ])('gives %s no canonical form (%s)', async (number) => {
    const record = await created({ phoneNumbers: [{ number, type: 'home' }] })
    expect(record.phoneNumbers).toEqual([{ number, type: 'home' }])
  })

  it('keeps a phone entry that has a type and no number, with no canonical form', async () => {
    const record = await created({ phoneNumbers: [{ type: 'mobile' }, { number: '415 8399949', type: 'work' }] })
    expect(record.phoneNumbers).toEqual([
      { type: 'mobile' },
      { number: '415 8399949', type: 'work', canonicalForm: '+14158399949' },
    ])
  })

  it('works out canonicalForm itself: a client’s own is dropped', async () => {
    const record = await created({
      phoneNumbers: [
        { number: '555-1234', type: 'mobile', canonicalForm: '+15551234' },
        { number: '415 8399949', type: 'work', canonicalForm: '+10000000000' },
      ],
    })
    expect(record.phoneNumbers).toEqual([
      { number: '555-1234', type: 'mobile' },
      { number: '415 8399949', type: 'work', canonicalForm: '+14158399949' },
    ])
  })

  it('gives the photo when asked for it alone, and keeps it out of the plain answer', async () => {
    const { call } = aurinkoHarness()
    const photo = { name: 'ann.png', mimeType: 'image/png', content: 'iVBORw0KGgo=' }
    const { id } = (await call('POST', '/v1/contacts', { body: { nickName: 'Ann', photo } })).body
    expect((await call('GET', `/v1/contacts/${id}`)).body).toMatchObject({ hasPhoto: true })
    expect((await call('GET', `/v1/contacts/${id}`)).body).not.toHaveProperty('photo')
    const asked = await call('GET', `/v1/contacts/${id}?withPhoto=true`)
    expect(asked.body).toMatchObject({ hasPhoto: true, photo })
    expect((await call('GET', `/v1/contacts/${id}?withPhoto=false`)).body).not.toHaveProperty('photo')
  })

  it('reads each contact of the sandbox book by id as the list gives it, the example and the generated ones', async () => {
    const { call } = aurinkoHarness()
    const listed = (await call('GET', '/v1/contacts?limit=3')).body.records
    for (const contact of listed) {
      const read = await call('GET', `/v1/contacts/${contact.id}`)
      expect(read.status).toBe(200)
      expect(read.body).toEqual(contact)
    }
    expect(listed[0].name.displayName).toBe('Sam Black')
  })

  it('answers 404 in the vendor’s format for ids spelled with a sign or no number at all', async () => {
    const { call } = aurinkoHarness()
    for (const id of ['c1_-1', 'c1_-0', 'c1_', 'c1_+1']) {
      for (const path of [`/v1/contacts/${id}`, `/v1/contacts/${id}?withPhoto=true`]) {
        const answer = await call('GET', path)
        expect(answer.status).toBe(404)
        expect(answer.body).toMatchObject({
          code: 'not_found',
          message: `Contact not found: account 1001 has no contact ${id}; it was deleted or never existed. List or sync the contacts for current ids.`,
        })
      }
    }
  })

  it('keeps a name that has neither given nor family name, without a display name', async () => {
    const record = await created({ name: { prefix: 'Dr', middleName: 'Q' } })
    expect(record.name).toEqual({ prefix: 'Dr', middleName: 'Q' })
  })

  it('stores a copy of what it was given: an in-process caller changing its object later changes nothing', async () => {
    const { sim, call } = aurinkoHarness()
    const fields = {
      name: { givenName: 'Ann' },
      emailAddresses: [{ address: 'ann@example.com', type: 'work' }],
      keywords: ['vip'],
      notes: 'first',
    }
    const { created: ids } = sim.providerEdit({ accountId: 1001, create: [fields] })
    fields.name.givenName = 'Changed'
    fields.emailAddresses[0] = { address: 'changed@example.com', type: 'home' }
    fields.keywords.push('changed')
    // Asked with its photo, the contact is written from the stored fields, not kept bytes.
    const read = await call('GET', `/v1/contacts/${ids[0]}?withPhoto=true`)
    expect(read.body).toMatchObject({
      name: { displayName: 'Ann', givenName: 'Ann' },
      emailAddresses: [{ address: 'ann@example.com', type: 'work' }],
      keywords: ['vip'],
    })
  })
  it('gives generated contacts only Aurinko’s phone types, lowercased', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({ accounts: [{ accountId: 3001, accessToken: 'many', contacts: 400 }] })
    const types = new Set<string>()
    let query = 'limit=200'
    for (let page = 0; page < 3; page++) {
      const answer = await call('GET', `/v1/contacts?${query}`, { token: 'many' })
      expect(answer.conformance).toEqual([])
      for (const contact of answer.body.records) {
        for (const phone of contact.phoneNumbers ?? []) {
          types.add(phone.type)
        }
      }
      if (!answer.body.nextPageToken) {
        break
      }
      query = `limit=200&pageToken=${encodeURIComponent(answer.body.nextPageToken)}`
    }
    expect([...types].sort()).toEqual(['home', 'mobile'])
  })
})
