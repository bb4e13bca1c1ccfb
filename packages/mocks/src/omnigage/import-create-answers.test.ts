import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01, 0x02, 0xff])

describe('creating an import of a file that cannot be read', () => {
  it('answers queued with an empty header, mapping and sample, and fails with the reason once processed', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile('contacts.csv', pdf)
    expect(created.status).toBe(201)
    expect(created.body.data.attributes).toMatchObject({ status: 'queued', header: [], mapping: [], sample: [] })
    finish()
    const failed = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    expect(failed.body.data.attributes['failure-reason']).toMatch(
      /^"contacts\.csv" is a PDF document, not a CSV or XLSX file: /,
    )
  })
})

describe('the name of the file an import reads', () => {
  it('is the upload name when the file was posted under the key prefix alone', async () => {
    const { call, createImport, createUpload, postToS3 } = omnigageHarness()
    const content = 'First Name,Phone\nAnn,+14155550100\n'
    const upload = await createUpload('people.csv', content.length)
    const formData = upload.attributes['request-form-data'].map((field: Record<string, string>) =>
      'key' in field ? { key: (field.key as string).slice(0, (field.key as string).lastIndexOf('/') + 1) } : field,
    )
    expect(
      (await postToS3({ ...upload.attributes, 'request-form-data': formData }, 'people.csv', content)).status,
    ).toBe(204)
    const created = await createImport(upload.id)
    expect(created.status).toBe(201)
    const fileId = created.body.data.relationships['original-file'].data.id
    expect((await call('GET', `/api/v1/files/${fileId}`)).body.data.attributes.name).toBe('people.csv')
  })
})
