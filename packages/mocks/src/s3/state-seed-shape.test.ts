import { describe, expect, it } from 'vitest'
import { s3Fixture } from './testing/harness.js'

// Seeds whose shape alone is wrong: each is refused by the seed's schema with a sentence naming the
// field, before the bucket and key checks would refuse it in other words (or take it).
const refusals: [string, unknown, string][] = [
  ['a bucket given by its name alone', { buckets: ['imports'] }, 'buckets[0] must be an object'],
  ['a bucket without a name', { buckets: [{ region: 'eu-west-1' }] }, 'buckets[0].name is required'],
  ['keys given as one string', { credentials: 'AKIAIMPORTER' }, 'credentials must be an array'],
  ['a key given by its id alone', { credentials: ['AKIAIMPORTER'] }, 'credentials[0] must be an object'],
  [
    'a key without its secret',
    { credentials: [{ accessKeyId: 'AKIAIMPORTER' }] },
    'credentials[0].secretAccessKey is required',
  ],
  ['objects keyed by name', { objects: { 'a.csv': 'a,b' } }, 'objects must be an array'],
  [
    'an object without a body',
    { objects: [{ bucket: 'contactkit-uploads', key: 'a.csv' }] },
    'objects[0] must be an object with a "bucket", a "key" and either a "body" or a "bodyBase64" string',
  ],
  [
    'an object given as a string',
    { objects: ['contactkit-uploads/a.csv'] },
    'objects[0] must be an object with a "bucket", a "key" and either a "body" or a "bodyBase64" string',
  ],
  [
    'an object given as null',
    { objects: [null] },
    'objects[0] must be an object with a "bucket", a "key" and either a "body" or a "bodyBase64" string',
  ],
  ['an object without a bucket', { objects: [{ key: 'a.csv', body: 'a,b' }] }, 'objects[0].bucket is required'],
  [
    'an object whose bucket is a number',
    { objects: [{ bucket: 7, key: 'a.csv', body: 'a,b' }] },
    'objects[0].bucket must be a string',
  ],
  [
    'an object whose key is a number',
    { objects: [{ bucket: 'contactkit-uploads', key: 7, body: 'a,b' }] },
    'objects[0].key must be a string',
  ],
  [
    'an object whose key is empty',
    { objects: [{ bucket: 'contactkit-uploads', key: '', body: 'a,b' }] },
    'objects[0].key must not be empty',
  ],
  [
    'an object whose body is a number',
    { objects: [{ bucket: 'contactkit-uploads', key: 'a.csv', body: 7 }] },
    'objects[0].body must be a string',
  ],
  [
    'an object whose base64 body is a number',
    { objects: [{ bucket: 'contactkit-uploads', key: 'a.csv', bodyBase64: 7 }] },
    'objects[0].bodyBase64 must be a string',
  ],
  [
    'an object whose content type is a number',
    { objects: [{ bucket: 'contactkit-uploads', key: 'a.csv', body: 'a,b', contentType: 7 }] },
    'objects[0].contentType must be a string',
  ],
  [
    'an object whose metadata is a string',
    { objects: [{ bucket: 'contactkit-uploads', key: 'a.csv', body: 'a,b', metadata: 'source=crm' }] },
    'objects[0].metadata must be an object',
  ],
  [
    'an object whose metadata has a number',
    { objects: [{ bucket: 'contactkit-uploads', key: 'a.csv', body: 'a,b', metadata: { rows: 2 } }] },
    'objects[0].metadata.rows must be a string',
  ],
]

describe('the S3 admin state, seeds of the wrong shape', () => {
  it.each(refusals)(
    'refuses %s over the admin API with a 400 saying which field, changing nothing',
    async (_, seed, why) => {
      const { sim } = s3Fixture()
      const before = await (await sim.app.request('/__admin/state')).json()
      const response = await sim.app.request('/__admin/state', {
        method: 'POST',
        body: JSON.stringify(seed),
        headers: { 'Content-Type': 'application/json' },
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ error: { message: `Failed to seed the S3 simulator: ${why}.` } })
      expect(await (await sim.app.request('/__admin/state')).json()).toEqual(before)
    },
  )

  it.each(refusals)('refuses %s in-process with the same sentence', (_, seed, why) => {
    const { sim } = s3Fixture()
    expect(() => sim.seed(seed)).toThrow(new RangeError(`Failed to seed the S3 simulator: ${why}.`))
    expect(sim.objects.list()).toEqual([])
    expect(sim.credentials.list().map((key) => key.accessKeyId)).toEqual(['AKIACONTACTKITSANDBOX'])
  })

  it('takes the same objects once their fields are strings, storing the bytes it was given', () => {
    const { sim } = s3Fixture()
    sim.seed({
      objects: [
        { bucket: 'contactkit-uploads', key: 'a.csv', body: 'a,b', contentType: 'text/csv', metadata: { rows: '2' } },
        { bucket: 'contactkit-uploads', key: 'b.bin', bodyBase64: 'AP8=' },
      ],
    })
    expect(sim.objects.get('contactkit-uploads', 'a.csv')).toMatchObject({
      contentType: 'text/csv',
      metadata: { rows: '2' },
      size: 3,
    })
    expect(sim.objects.get('contactkit-uploads', 'b.bin')?.bytes).toEqual(new Uint8Array([0, 255]))
  })
})
