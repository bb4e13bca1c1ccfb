import { describe, expect, it } from 'vitest'
import { expectedError, postForm, s3Fixture, signedFields } from './testing/harness.js'

// The spec's verdict on a request's bucket name and headers is remembered between requests: each
// request must still get the verdict on its own bucket, addressing and headers.

describe('S3 request checks, one request after another', () => {
  it('judges each bucket name on its own, whatever was posted before', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    expect((await postForm(sim, '/contactkit-uploads', { fields })).status).toBe(204)
    const badName = await postForm(sim, '/Bad_Bucket', { fields })
    expect(badName.status).toBe(400)
    expect(await badName.text()).toContain('<Code>InvalidBucketName</Code>')
    const missing = await postForm(sim, '/other-bucket', { fields })
    expect(await missing.text()).toBe(
      expectedError(missing, 'NoSuchBucket', 'The specified bucket does not exist', [['BucketName', 'other-bucket']]),
    )
    expect((await postForm(sim, '/contactkit-uploads', { fields })).status).toBe(204)
  })

  it('judges the same name in a path and in a host name by their own rules', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    // A name S3 refuses in a path is looked up as it is in a host name (there is no such bucket).
    expect((await postForm(sim, '/ab', { fields })).status).toBe(400)
    expect((await postForm(sim, 'http://ab.s3.amazonaws.com/', { fields })).status).toBe(404)
    expect((await postForm(sim, '/ab', { fields })).status).toBe(400)
  })
})
