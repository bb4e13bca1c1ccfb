import { setupServer } from 'msw/node'
import { afterAll, describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { defineVendor } from '../core/registry.js'
import type { SimulatorOptions } from '../core/simulator.js'
import { createSimulatorSet } from '../core/simulator-set.js'
import { createToySimulator } from '../core/testing/toy-vendor.js'
import { createSetHandlers } from '../msw.js'
import { s3SimulatorOf, s3Vendor } from './index.js'
import { postForm, s3Fixture, signedFields } from './testing/harness.js'

describe('the S3 admin state', () => {
  it('shows buckets, objects and key ids, never bytes or secrets', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2' })
    await postForm(sim, '/contactkit-uploads/', { fields })
    const state = await (await sim.app.request('/__admin/state')).json()
    expect(state).toEqual({
      buckets: [
        {
          name: 'contactkit-uploads',
          region: 'us-east-1',
          objects: [
            {
              key: 'uploads/contacts.csv',
              contentType: 'binary/octet-stream',
              etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
              metadata: {},
              headers: {},
              filename: 'contacts.csv',
              size: 31,
              uploadedAt: '2026-01-01T00:00:00.000Z',
            },
          ],
        },
      ],
      credentials: [{ accessKeyId: 'AKIACONTACTKITSANDBOX', buckets: 'all' }],
    })
    expect(JSON.stringify(state)).not.toContain('secret')
  })

  it('seeds buckets, keys and objects, all or nothing, and resets to the configured ones', async () => {
    const { sim } = s3Fixture()
    const seed = (body: unknown) =>
      sim.app.request('/__admin/state', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      })
    const refused = await seed({
      buckets: [{ name: 'imports' }],
      objects: [{ bucket: 'nowhere', key: 'a', body: 'x' }],
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain(
      'there is no bucket \\"nowhere\\" for a; add it under \\"buckets\\".',
    )
    expect(sim.buckets.has('imports')).toBe(false)
    const seeded = await seed({
      buckets: [{ name: 'imports', lifecycle: { expireAfterDays: 1, ruleId: 'Expire after 1 day' } }],
      credentials: [{ accessKeyId: 'AKIAIMPORTER', secretAccessKey: 'importer-secret', buckets: ['imports'] }],
      objects: [{ bucket: 'imports', key: 'seeded.csv', body: 'a,b', contentType: 'text/csv' }],
    })
    expect(seeded.status).toBe(201)
    expect(new TextDecoder().decode(sim.objects.get('imports', 'seeded.csv')?.bytes)).toBe('a,b')
    const fields = await signedFields(sim, {
      signatureVersion: 'v4',
      bucket: 'imports',
      credentials: { accessKeyId: 'AKIAIMPORTER', secretAccessKey: 'importer-secret' },
    })
    expect((await postForm(sim, '/imports', { fields })).status).toBe(204)
    sim.reset()
    expect(sim.buckets.has('imports')).toBe(false)
    expect(sim.credentials.find('AKIAIMPORTER')).toBeUndefined()
    expect(sim.objects.list()).toEqual([])
    expect((await seed({ bucketz: [] })).status).toBe(400)
  })

  it('snapshots what was seeded and uploaded, bytes as base64, and a new simulator restores it', async () => {
    const { sim } = s3Fixture()
    sim.seed({
      buckets: [{ name: 'imports' }],
      credentials: [{ accessKeyId: 'AKIAIMPORTER', secretAccessKey: 'importer-secret' }],
    })
    const binary = new Uint8Array([0, 255, 128, 10, 13])
    const fields = await signedFields(sim, { signatureVersion: 'v2', bucket: 'imports' })
    expect((await postForm(sim, '/imports', { fields, file: { filename: 'raw.bin', content: binary } })).status).toBe(
      204,
    )
    const snapshot = await (await sim.app.request('/__admin/state?snapshot=1')).json()
    expect(snapshot).toMatchObject({
      buckets: [{ name: 'imports' }],
      credentials: [{ accessKeyId: 'AKIAIMPORTER', secretAccessKey: 'importer-secret' }],
      objects: [{ bucket: 'imports', key: 'uploads/raw.bin', bodyBase64: 'AP+ACg0=' }],
    })
    const restored = s3Fixture().sim
    restored.seed(snapshot)
    expect(restored.objects.get('imports', 'uploads/raw.bin')?.bytes).toEqual(binary)
    expect(restored.credentials.find('AKIAIMPORTER')).toBeDefined()
    expect(() => restored.seed({ objects: [{ bucket: 'imports', key: 'x', bodyBase64: 'not base64!' }] })).toThrow(
      'Failed to seed the S3 simulator: objects[0].bodyBase64 must be base64.',
    )
  })
})

describe('the S3 admin state, sparse seeds', () => {
  it('seeds objects alone into a configured bucket, typed binary/octet-stream by default, their metadata kept', () => {
    const { sim } = s3Fixture()
    expect(
      sim.seed({ objects: [{ bucket: 'contactkit-uploads', key: 'a.bin', body: 'ab', metadata: { source: 'crm' } }] }),
    ).toEqual({
      buckets: [],
      credentials: [],
      objects: [{ bucket: 'contactkit-uploads', key: 'a.bin', etag: expect.stringMatching(/^"[0-9a-f]{32}"$/) }],
    })
    expect(sim.objects.get('contactkit-uploads', 'a.bin')).toMatchObject({
      contentType: 'binary/octet-stream',
      metadata: { source: 'crm' },
    })
    expect(sim.snapshot?.()).toMatchObject({
      objects: [{ key: 'a.bin', bodyBase64: 'YWI=', contentType: 'binary/octet-stream', metadata: { source: 'crm' } }],
    })
  })

  it('answers a seed with the buckets and key ids it added, and snapshots an object without metadata without any', () => {
    const { sim } = s3Fixture()
    expect(
      sim.seed({
        buckets: [{ name: 'imports' }],
        credentials: [{ accessKeyId: 'AKIAIMPORTER', secretAccessKey: 'importer-secret' }],
        objects: [{ bucket: 'imports', key: 'a.csv', body: 'a', contentType: 'text/csv' }],
      }),
    ).toMatchObject({ buckets: ['imports'], credentials: ['AKIAIMPORTER'] })
    const snapshot = sim.snapshot?.() as { objects: object[] }
    expect(snapshot.objects).toEqual([{ bucket: 'imports', key: 'a.csv', bodyBase64: 'YQ==', contentType: 'text/csv' }])
    expect(snapshot.objects[0]).not.toHaveProperty('metadata')
  })

  it('refuses a seed of the wrong shape before anything else, changing nothing', () => {
    const { sim } = s3Fixture()
    for (const seed of ['buckets', { buckets: 'imports' }, { buckets: ['imports'] }, { buckets: [{}] }]) {
      expect(() => sim.seed(seed), JSON.stringify(seed)).toThrow(/^Failed to seed the S3 simulator: /)
    }
    expect(sim.buckets.buckets().map((bucket) => bucket.name)).toEqual(['contactkit-uploads'])
  })

  it('refuses a seed whose bucket or key is not valid, saying which and why', () => {
    const { sim } = s3Fixture()
    expect(() => sim.seed({ buckets: [{ name: 'ok-bucket' }, { name: 'Bad_Bucket' }] })).toThrow(
      'Failed to seed the S3 simulator: buckets[1]: failed to create bucket "Bad_Bucket": a bucket name is 3 to 63',
    )
    expect(() => sim.seed({ credentials: [{ accessKeyId: 'AKIA1', secretAccessKey: '' }] })).toThrow(
      'Failed to seed the S3 simulator: credentials[0]: failed to add the access key AKIA1: give its "secretAccessKey"',
    )
    expect(sim.buckets.has('ok-bucket')).toBe(false)
  })

  it('shows when a lifecycle rule deletes each object', () => {
    const { sim } = s3Fixture()
    sim.seed({
      buckets: [{ name: 'imports', lifecycle: { expireAfterDays: 1, ruleId: 'r' } }],
      objects: [{ bucket: 'imports', key: 'a.csv', body: 'a' }],
    })
    const state = sim.inspect?.() as { buckets: Array<{ name: string; objects: Array<{ expiresAt?: string }> }> }
    expect(state.buckets.find((bucket) => bucket.name === 'imports')?.objects).toMatchObject([
      { expiresAt: '2026-01-03T00:00:00.000Z' },
    ])
    expect(state.buckets.find((bucket) => bucket.name === 'contactkit-uploads')?.objects).toEqual([])
  })
})

describe('S3 in a simulator set', () => {
  // A vendor standing for Omnigage: it keeps the peers its set gave it.
  let peers: SimulatorOptions['peers']
  const reader = defineVendor({
    name: 'reader',
    title: 'Reader',
    defaultPort: 4999,
    baseUrl: 'https://reader.example.org',
    baseUrlEnv: 'READER_BASE_URL',
    credentials: [],
    create(options: SimulatorOptions) {
      peers = options.peers
      return { ...createToySimulator(options), name: 'reader' }
    },
  })
  const server = setupServer()
  server.listen({ onUnhandledRequest: 'error' })
  afterAll(() => server.close())

  it('lets another simulator of the set find it, read its uploads and sign forms for its URL, through MSW too', async () => {
    const set = createSimulatorSet([s3Vendor, reader], { clock: manualClock() })
    const s3 = s3SimulatorOf(peers)
    expect(s3).toBe(set.get('s3'))
    expect(s3SimulatorOf(undefined)).toBeUndefined()
    server.use(...createSetHandlers(set, { reader: 'https://reader.example.org' }))
    const { url, fields } = await (s3 as NonNullable<typeof s3>).presignPost({
      key: 'in/a.csv',
      signatureVersion: 'v2',
    })
    expect(url).toBe('https://s3.amazonaws.com/contactkit-uploads/')
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) {
      form.append(name, value)
    }
    form.append('file', new File(['a,b'], 'a.csv'))
    const response = await fetch(url, { method: 'POST', body: form })
    expect(response.status).toBe(204)
    expect(response.headers.get('location')).toBe('https://s3.amazonaws.com/contactkit-uploads/in%2Fa.csv')
    expect(new TextDecoder().decode(s3?.objects.get('contactkit-uploads', 'in/a.csv')?.bytes)).toBe('a,b')
  })
})
