import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

async function contactWithStaleEtag() {
  const harness = aurinkoHarness()
  const { id, etag: stale } = (await harness.call('POST', '/v1/contacts', { body: { nickName: 'a' } })).body
  const { etag } = (await harness.call('PATCH', `/v1/contacts/${id}`, { body: { nickName: 'b' } })).body
  return { ...harness, id, stale, etag }
}

describe('If-Match on PATCH', () => {
  it.each([
    ['the etag', (etag: string) => etag],
    ['the etag quoted', (etag: string) => `"${etag}"`],
    ['a weak etag', (etag: string) => `W/"${etag}"`],
    ['the etag among others', (etag: string) => `"old1", "${etag}" ,"old2"`],
    ['the etag with spaces around it', (etag: string) => `  "${etag}"  `],
    ['*', () => '*'],
    ['* among others', () => '"old", *'],
  ])('applies the change when it holds %s', async (_what, ifMatch) => {
    const { call, id, etag } = await contactWithStaleEtag()
    const answer = await call('PATCH', `/v1/contacts/${id}`, {
      body: { notes: 'ok' },
      headers: { 'If-Match': ifMatch(etag) },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.record.notes).toBe('ok')
  })

  it.each([
    ['the old etag', (_etag: string, stale: string) => stale],
    ['the old etag quoted and weak', (_etag: string, stale: string) => `W/"${stale}"`],
    ['the etag with a character more', (etag: string) => `${etag}x`],
    ['a part of the etag', (etag: string) => etag.slice(1)],
    ['the etag in single quotes', (etag: string) => `'${etag}'`],
    ['the etag half quoted', (etag: string) => `"${etag}`],
    ['a quoted *', () => '"*"x'],
    ['the etag with quotes from its middle', (etag: string) => `${etag.slice(0, 2)}"${etag.slice(2)}"`],
    ['the etag with quotes to its middle', (etag: string) => `"${etag.slice(0, -2)}"${etag.slice(-2)}`],
    ['the etag with W/ in its middle', (etag: string) => `${etag.slice(0, 2)}W/${etag.slice(2)}`],
  ])('answers 412 with the current etag when it holds %s', async (_what, ifMatch) => {
    const { call, id, etag, stale } = await contactWithStaleEtag()
    const sent = ifMatch(etag, stale)
    const answer = await call('PATCH', `/v1/contacts/${id}`, { body: { notes: 'lost' }, headers: { 'If-Match': sent } })
    expect(answer.status).toBe(412)
    expect(answer.conformance).toEqual([])
    expect(answer.headers.get('ETag')).toBe(`"${etag}"`)
    expect(answer.body).toEqual({
      code: 'preconditionFailed',
      message: `The contact changed since it was read (If-Match is ${sent.trim()}, its etag is now ${etag}); read it again and retry with its new etag.`,
      requestId: answer.headers.get('X-Request-Id'),
    })
    expect((await call('GET', `/v1/contacts/${id}`)).body.notes).toBeUndefined()
  })

  it('refuses the etag of another contact, among generated contacts no one has changed yet', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({ accounts: [{ accountId: 3002, accessToken: 'generated', contacts: 50 }] })
    const records: { id: string; etag: string }[] = (await call('GET', '/v1/contacts?limit=50', { token: 'generated' }))
      .body.records
    expect(new Set(records.map((contact) => contact.etag)).size).toBe(records.length)
    const [first, second] = records as [{ id: string; etag: string }, { id: string; etag: string }]
    const answer = await call('PATCH', `/v1/contacts/${second.id}`, {
      token: 'generated',
      body: { notes: 'lost' },
      headers: { 'If-Match': `"${first.etag}"` },
    })
    expect(answer.status).toBe(412)
  })

  it('is required when strict, with a 400 that says why, and the contact stays as it was', async () => {
    const { call } = aurinkoHarness({ ifMatch: 'strict' })
    const { id } = (await call('POST', '/v1/contacts', { body: { nickName: 'a' } })).body
    const answer = await call('PATCH', `/v1/contacts/${id}`, { body: { nickName: 'b' } })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      code: 'badRequest',
      message:
        'If-Match is required: send the etag the contact had when you read it, so a newer change is not overwritten.',
      requestId: answer.headers.get('X-Request-Id'),
    })
    expect((await call('GET', `/v1/contacts/${id}`)).body.nickName).toBe('a')
  })
})
