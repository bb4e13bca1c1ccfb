import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

const ann = JSON.stringify({ name: { givenName: 'Ann' } })

describe('a body sent the way curl -d sends it', () => {
  it.each([
    ['labelled a form', 'application/x-www-form-urlencoded', ann],
    ['labelled a form with a charset', 'application/x-www-form-urlencoded; charset=utf-8', ann],
    ['labelled a form in capitals', 'Application/X-WWW-Form-Urlencoded', ann],
    ['labelled a form, after white space', 'application/x-www-form-urlencoded', `\n  ${ann}`],
  ])('is read as the JSON it is when %s', async (_what, contentType, body) => {
    const { call } = aurinkoHarness()
    const answer = await call('POST', '/v1/contacts', { body, headers: { 'Content-Type': contentType } })
    expect(answer.status).toBe(201)
    expect(answer.body.record.name).toEqual({ displayName: 'Ann', givenName: 'Ann' })
  })

  it('stays a form, answered 415 in the vendor’s format, when it is one', async () => {
    const { call } = aurinkoHarness()
    for (const body of ['name=Ann', ' name={"a":1}']) {
      const answer = await call('POST', '/v1/contacts', {
        body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      })
      expect(answer.status).toBe(415)
      expect(answer.conformance).toEqual([])
      expect(answer.body.code).toBe('unsupportedMediaType')
    }
  })

  it('is not read again when it says another type: text stays text', async () => {
    const { call } = aurinkoHarness()
    const answer = await call('POST', '/v1/contacts', { body: ann, headers: { 'Content-Type': 'text/plain' } })
    expect(answer.status).toBe(415)
    expect(answer.body.code).toBe('unsupportedMediaType')
  })

  it('is required: a form label without a body gets 400', async () => {
    const { call } = aurinkoHarness()
    const answer = await call('POST', '/v1/contacts', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(answer.status).toBe(400)
    expect(answer.conformance).toEqual([])
    expect(answer.body).toMatchObject({ code: 'badRequest', message: expect.stringMatching(/body is required/) })
  })

  it('is taken on PATCH too', async () => {
    const { call } = aurinkoHarness()
    const { id } = (await call('POST', '/v1/contacts', { body: { nickName: 'a' } })).body
    const answer = await call('PATCH', `/v1/contacts/${id}`, {
      body: JSON.stringify({ nickName: 'b' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.record.nickName).toBe('b')
  })
})
