import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const documentedBody = {
  name: 'import-5.xlsx',
  type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  size: 37482,
}

describe('POST /api/v1/uploads', () => {
  it('answers the vendor shape: attributes in order, an S3 form for the S3 simulator, one hour to use it', async () => {
    const { call, set } = omnigageHarness()
    const answer = await call('POST', '/api/v1/uploads', { body: documentedBody })
    expect(answer.status).toBe(201)
    expect(answer.conformance).toEqual([])
    expect(answer.headers.get('content-type')).toBe('application/json')
    const { type, id, attributes } = answer.body.data
    expect(type).toBe('uploads')
    expect(id).toMatch(/^[2-9A-HJ-NP-Za-km-z]{22}$/)
    expect(Object.keys(attributes)).toEqual([
      'expires-at',
      'max-length-in-bytes',
      'request-url',
      'request-method',
      'request-headers',
      'request-form-data',
    ])
    expect(attributes['expires-at']).toBe('Sun, 01 Mar 2026 13:00:00 GMT')
    expect(attributes['max-length-in-bytes']).toBe(5368724480)
    expect(attributes['request-url']).toBe(`${set.urlOf('s3')}/contactkit-uploads/`)
    expect(attributes['request-method']).toBe('post')
    expect(attributes['request-headers']).toEqual([{ 'x-amz-server-side-encryption': 'AES256' }])
    const form = attributes['request-form-data'] as Record<string, string>[]
    expect(form.map((entry) => Object.keys(entry))).toEqual([
      ['acl'],
      ['AWSAccessKeyId'],
      ['key'],
      ['policy'],
      ['signature'],
    ])
    const fields = Object.assign({}, ...form) as Record<string, string>
    expect(fields.acl).toBe('private')
    expect(fields.key).toMatch(/^uploads\/[0-9a-f]{32}\/\$\{filename\}$/)
    expect(fields.signature).toMatch(/^[A-Za-z0-9+/]{27}=$/)
    const prefix = fields.key?.slice(0, fields.key.lastIndexOf('/') + 1)
    // The recorded policy, byte for byte in its layout: Python's separators, these conditions in this order.
    expect(atob(fields.policy ?? '')).toBe(
      `{"expiration": "2026-03-01T13:00:00.000Z", "conditions": [{"acl": "private"}, {"bucket": "contactkit-uploads"}, ["starts-with", "$key", "${prefix}"], ["starts-with", "$Content-Type", ""], ["content-length-range", 0, 5368724480]]}`,
    )
  })

  it('takes the single-quoted body the vendor samples build by string concatenation', async () => {
    const { call } = omnigageHarness()
    const body = `{
                'name': 'you-have-new-mail-waiting.csv',
                'type': 'text/csv',
                'size': 263244
            }`
    const answer = await call('POST', '/api/v1/uploads', {
      body,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    })
    expect(answer.status).toBe(201)
    expect(answer.conformance).toEqual([])
  })

  it('refuses a body that is not JSON, or misses a field, with the vendor error body and code 100', async () => {
    const { call } = omnigageHarness()
    const garbled = await call('POST', '/api/v1/uploads', {
      body: 'name=a.csv',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(garbled.status).toBe(400)
    expect(garbled.body).toEqual({ errors: [{ detail: expect.stringContaining('not JSON'), code: 100 }] })
    const missing = await call('POST', '/api/v1/uploads', { body: { name: 'a.csv', type: 'text/csv' } })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].detail).toContain('size')
    expect(missing.conformance).toEqual([])
  })

  it('hands out a form the S3 simulator takes for an hour, and refuses once it has expired', async () => {
    const { createUpload, postToS3, clock } = omnigageHarness()
    const content = 'First Name,Phone\nAnn,+14155550100\n'
    const fresh = await createUpload('contacts.csv', content.length)
    const accepted = await postToS3(fresh.attributes, 'contacts.csv', content)
    expect(accepted.status).toBe(204)
    expect(accepted.headers.get('location')).toMatch(/uploads%2F[0-9a-f]{32}%2Fcontacts\.csv$/)
    const stale = await createUpload('contacts.csv', content.length)
    clock.advance(60 * 60 * 1000 + 1000)
    const refused = await postToS3(stale.attributes, 'contacts.csv', content)
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('<Message>Invalid according to Policy: Policy expired.</Message>')
  })

  it('shows the upload in the journal with the form signature redacted', async () => {
    const { call, sim } = omnigageHarness()
    await call('POST', '/api/v1/uploads', { body: documentedBody })
    const [entry] = sim.journal.list({ path: '/api/v1/uploads' })
    expect(entry?.response.body).toContain('"signature":"[redacted]"')
    expect(entry?.response.body).toContain('"request-method":"post"')
  })
})
