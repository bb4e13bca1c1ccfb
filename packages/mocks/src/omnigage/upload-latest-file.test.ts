import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

describe('an upload posted to twice', () => {
  // S3 lists by key, so the names set where the file posted last is listed: first, then last.
  it.each([
    ['b.csv', 'c.csv', 'a.csv'],
    ['a.csv', 'c.csv', 'd.csv'],
  ])('imports the file posted last, whatever the key order (%s, %s, then %s)', async (early, middle, last) => {
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
    for (const [name, content] of [
      [early, first],
      [middle, 'First Name,Phone\nCy,+14155550102\n'],
      [last, second],
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
