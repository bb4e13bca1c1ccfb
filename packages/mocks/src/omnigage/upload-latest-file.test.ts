import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

describe('an upload posted to twice', () => {
  it('imports the file posted last, whatever the key order', async () => {
    const { call, clock, createImport, createUpload, postToS3, finish } = omnigageHarness()
    const first = 'First Name,Phone\nAnn,+14155550100\n'
    const second = 'First Name,Phone\nBo,+14155550101\n'
    const upload = await createUpload('people.csv', first.length)
    const under = (name: string) =>
      upload.attributes['request-form-data'].map((field: Record<string, string>) =>
        'key' in field
          ? { key: `${(field.key as string).slice(0, (field.key as string).lastIndexOf('/') + 1)}${name}` }
          : field,
      )
    // The file posted last is listed first: S3 lists by key.
    for (const [name, content] of [
      ['b.csv', first],
      ['c.csv', 'First Name,Phone\nCy,+14155550102\n'],
      ['a.csv', second],
    ] as const) {
      expect((await postToS3({ ...upload.attributes, 'request-form-data': under(name) }, name, content)).status).toBe(
        204,
      )
      clock.advance(1000)
    }
    const created = await createImport(upload.id)
    expect(created.body.data.attributes.sample).toEqual(['Bo', '+14155550101'])
    finish()
    const names = (await call('GET', '/api/v1/contacts')).body.data.map(
      (contact: { attributes: Record<string, unknown> }) => contact.attributes['first-name'],
    )
    expect(names).toEqual(['Bo'])
  })
})
