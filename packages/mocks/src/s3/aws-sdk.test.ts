import { S3Client } from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sandboxCredentials } from './credentials.js'
import { filenameVariable } from './form.js'
import { decodePolicy } from './policy.js'
import { expectedError, postForm, s3Fixture } from './testing/harness.js'

// Forms made by AWS's own SDK, with the simulator's key, on a clock fixed where the simulator's is.
const start = new Date('2026-01-01T00:00:00Z')

function client(options: { endpoint: string; forcePathStyle?: boolean; region?: string }) {
  return new S3Client({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: {
      accessKeyId: sandboxCredentials.accessKeyId,
      secretAccessKey: sandboxCredentials.secretAccessKey,
    },
  })
}

describe('forms from @aws-sdk/s3-presigned-post (Signature V4)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: start })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('posts to the endpoint given, path-style when asked, and uploads', async () => {
    const { sim } = s3Fixture()
    const { url, fields } = await createPresignedPost(
      client({ endpoint: 'http://127.0.0.1:4040', forcePathStyle: true }),
      {
        Bucket: 'contactkit-uploads',
        Key: `imports/${filenameVariable}`,
        Conditions: [
          ['content-length-range', 1, 1024],
          ['starts-with', '$Content-Type', 'text/'],
        ],
        Fields: { acl: 'private', 'Content-Type': 'text/csv' },
        Expires: 600,
      },
    )
    expect(url).toBe('http://127.0.0.1:4040/contactkit-uploads')
    expect(Object.keys(fields)).toEqual([
      'acl',
      'Content-Type',
      'bucket',
      'X-Amz-Algorithm',
      'X-Amz-Credential',
      'X-Amz-Date',
      'key',
      'Policy',
      'X-Amz-Signature',
    ])
    expect(fields['X-Amz-Credential']).toBe('AKIACONTACTKITSANDBOX/20260101/us-east-1/s3/aws4_request')
    expect(decodePolicy(fields.Policy as string)).toMatchObject({ expiresAt: start.getTime() + 600_000 })
    const response = await postForm(sim, new URL(url).pathname, {
      fields,
      file: { content: 'a,b\n1,2\n', filename: 'people.csv' },
    })
    expect(response.status).toBe(204)
    expect(sim.objects.get('contactkit-uploads', 'imports/people.csv')).toMatchObject({
      contentType: 'text/csv',
      size: 8,
      headers: { acl: 'private' },
    })
  })

  it('posts virtual-hosted to a custom endpoint when not told otherwise, which the simulator also takes', async () => {
    const { sim } = s3Fixture()
    const { url, fields } = await createPresignedPost(client({ endpoint: 'http://localhost:4040' }), {
      Bucket: 'contactkit-uploads',
      Key: 'imports/fixed.csv',
    })
    expect(url).toBe('http://contactkit-uploads.localhost:4040/')
    const response = await postForm(sim, url, { fields })
    expect(response.status).toBe(204)
    expect(response.headers.get('location')).toBe('http://contactkit-uploads.localhost:4040/imports%2Ffixed.csv')
  })

  it('signs with the region of the client, which the simulator reads from the credential scope', async () => {
    const { sim } = s3Fixture()
    const { url, fields } = await createPresignedPost(
      client({ endpoint: 'http://127.0.0.1:4040', forcePathStyle: true, region: 'eu-west-1' }),
      { Bucket: 'contactkit-uploads', Key: 'a.csv' },
    )
    expect(fields['X-Amz-Credential']).toContain('/eu-west-1/s3/')
    expect((await postForm(sim, new URL(url).pathname, { fields })).status).toBe(204)
  })

  it('expires on the simulator clock, and refuses a form signed with another secret', async () => {
    const { sim, clock } = s3Fixture()
    const { url, fields } = await createPresignedPost(
      client({ endpoint: 'http://127.0.0.1:4040', forcePathStyle: true }),
      {
        Bucket: 'contactkit-uploads',
        Key: 'a.csv',
        Expires: 60,
      },
    )
    const path = new URL(url).pathname
    clock.advance(61_000)
    const expired = await postForm(sim, path, { fields })
    expect(await expired.text()).toBe(
      expectedError(expired, 'AccessDenied', 'Invalid according to Policy: Policy expired.'),
    )

    const forged = await createPresignedPost(
      new S3Client({
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:4040',
        forcePathStyle: true,
        credentials: { accessKeyId: sandboxCredentials.accessKeyId, secretAccessKey: 'not-the-secret' },
      }),
      { Bucket: 'contactkit-uploads', Key: 'a.csv', Expires: 3600 },
    )
    const refused = await postForm(sim, path, { fields: forged.fields })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
  })

  it('signs the same policy the same way as the simulator presigner', async () => {
    const { sim } = s3Fixture()
    const ours = await sim.presignPost({
      key: 'same.csv',
      signatureVersion: 'v4',
      expiresAt: start.getTime() + 3_600_000,
    })
    const theirs = await createPresignedPost(client({ endpoint: 'http://127.0.0.1:4040', forcePathStyle: true }), {
      Bucket: 'contactkit-uploads',
      Key: 'same.csv',
    })
    expect(ours.fields).toEqual(theirs.fields)
  })
})
