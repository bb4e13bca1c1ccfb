import { describe, expect, it } from 'vitest'
import { postForm, s3Fixture, signedFields } from './testing/harness.js'

// What sim.presignPost() gives when it is told nothing but the key and the signature version.

describe('S3 presignPost defaults', () => {
  it('signs a form valid for an hour on the simulator clock', async () => {
    for (const signatureVersion of ['v2', 'v4'] as const) {
      const { sim, clock } = s3Fixture()
      const fields = await signedFields(sim, { signatureVersion })
      const policy = JSON.parse(atob(fields.policy ?? fields.Policy ?? '')) as { expiration: string }
      expect(Date.parse(policy.expiration)).toBe(clock.now() + 60 * 60 * 1000)
      clock.advance(60 * 60 * 1000)
      expect((await postForm(sim, '/contactkit-uploads', { fields })).status).toBe(204)
      clock.advance(1)
      expect((await postForm(sim, '/contactkit-uploads', { fields })).status).toBe(403)
    }
  })

  it('posts to the default bucket given, else the first configured, else contactkit-uploads', async () => {
    const buckets = [{ name: 'first-bucket' }, { name: 'second-bucket' }]
    const chosen = s3Fixture({ buckets, defaultBucket: 'second-bucket' }).sim
    expect(chosen.bucketUrl()).toMatch(/\/second-bucket\/$/)
    const fields = await signedFields(chosen, { signatureVersion: 'v4' })
    expect((await postForm(chosen, 'http://127.0.0.1:4040/', { fields })).status).toBe(204)
    expect(chosen.objects.list('second-bucket')).toHaveLength(1)
    expect(s3Fixture({ buckets }).sim.bucketUrl()).toMatch(/\/first-bucket\/$/)
    expect(s3Fixture({ buckets: [] }).sim.bucketUrl()).toMatch(/\/contactkit-uploads\/$/)
  })
})
