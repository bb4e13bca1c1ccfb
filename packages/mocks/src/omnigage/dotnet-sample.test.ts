import { describe, expect, it } from 'vitest'
import { sandboxTenant } from './tenants.js'
import { omnigageHarness } from './testing/harness.js'

// The vendor's official .NET contact-import sample, request by request as it sends them: the
// upload body built by string concatenation (single quotes), `application/json; charset=utf-8`,
// `X-Account-Key` on every call, the S3 form with the upload's request headers, then the import.
// How .NET writes the multipart body itself is tested in ../s3/multipart.test.ts.

describe("the official .NET sample's requests", () => {
  it('are served from upload to contacts', async () => {
    const { sim, call, postToS3, finish } = omnigageHarness()
    const headers = { 'X-Account-Key': sandboxTenant.accountKey, 'Content-Type': 'application/json; charset=utf-8' }
    const csv =
      'First Name,Last Name,Company,Phone,Email\r\nAda,Quill,Northwind,(415) 555-0100,ada.quill@example.com\r\n'
    const size = new TextEncoder().encode(csv).byteLength
    const uploaded = await call('POST', '/api/v1/uploads', {
      headers,
      body: `{\n                'name': 'import.csv',\n                'type': 'text/csv',\n                'size': ${size}\n            }`,
    })
    expect(uploaded.status).toBe(201)
    expect(uploaded.conformance).toEqual([])
    const { attributes } = uploaded.body.data
    // The sample sends the form fields in order, then Content-Type, then the file.
    const fields = Object.assign({}, ...attributes['request-form-data'], { 'Content-Type': 'text/csv' })
    expect(Object.keys(fields)).toEqual(['acl', 'AWSAccessKeyId', 'key', 'policy', 'signature', 'Content-Type'])
    expect(Object.assign({}, ...attributes['request-headers'])).toEqual({ 'x-amz-server-side-encryption': 'AES256' })
    expect((await postToS3(attributes, 'import.csv', csv)).status).toBe(204)

    const created = await call('POST', '/api/v1/import-contacts', {
      headers,
      body: JSON.stringify({
        data: {
          attributes: { status: 'queued', 'unique-primary-phone': true },
          relationships: { upload: { data: { type: 'uploads', id: uploaded.body.data.id } } },
          type: 'import-contacts',
        },
      }),
    })
    expect(created.status).toBe(201)
    expect(created.conformance).toEqual([])
    finish()
    const done = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`, { headers })
    expect(done.body.data.attributes).toMatchObject({ status: 'completed', 'count-created': 1, 'count-total': 1 })
    const listed = await call('GET', '/api/v1/contacts', { headers })
    expect(listed.body.data.map((contact: { attributes: Record<string, unknown> }) => contact.attributes)).toEqual([
      expect.objectContaining({ 'phone-number': '+14155550100', 'email-address': 'ada.quill@example.com' }),
    ])
    expect(
      sim.journal.list({ path: '/api/v1/' }).every((entry) => entry.headers['x-account-key'] === 'firstbank'),
    ).toBe(true)
  })
})
