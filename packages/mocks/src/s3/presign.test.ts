import { describe, expect, it } from 'vitest'
import { sandboxCredentials } from './credentials.js'
import { filenameVariable } from './form.js'
import { decodePolicy } from './policy.js'
import { presignPost } from './presign.js'
import { signPolicyV2 } from './signatures.js'
import { postForm, s3Fixture } from './testing/harness.js'

const expiresAt = Date.parse('2026-01-01T01:00:00Z')

describe('presignPost', () => {
  it('writes a V2 form as Omnigage hands it out: fields in order, the policy as Python writes JSON', async () => {
    const key = `uploads/9b5cc297920e42b3990a31ab882b9932/${filenameVariable}`
    const { fields, policy } = await presignPost({
      bucket: 'contactkit-uploads',
      key,
      credentials: sandboxCredentials,
      expiresAt,
      signatureVersion: 'v2',
      fields: { acl: 'private' },
      conditions: [
        ['starts-with', '$Content-Type', ''],
        ['content-length-range', 0, 5368724480],
      ],
    })
    expect(Object.keys(fields)).toEqual(['acl', 'AWSAccessKeyId', 'key', 'policy', 'signature'])
    expect(fields.key).toBe(key)
    expect(atob(fields.policy as string)).toBe(
      '{"expiration": "2026-01-01T01:00:00.000Z", "conditions": [{"acl": "private"}, {"bucket": "contactkit-uploads"}, ' +
        '["starts-with", "$key", "uploads/9b5cc297920e42b3990a31ab882b9932/"], ["starts-with", "$Content-Type", ""], ' +
        '["content-length-range", 0, 5368724480]]}',
    )
    expect(fields.signature).toBe(await signPolicyV2(fields.policy as string, sandboxCredentials.secretAccessKey))
    expect(fields.signature).toHaveLength(28)
    expect(decodePolicy(fields.policy as string)).toEqual({ document: policy, expiresAt })
  })

  it('writes a V4 form as @aws-sdk/s3-presigned-post does, a session token included', async () => {
    const { fields, policy } = await presignPost({
      bucket: 'contactkit-uploads',
      key: 'a.csv',
      credentials: { ...sandboxCredentials, sessionToken: 'session' },
      expiresAt,
      signedAt: Date.parse('2026-01-01T00:00:00Z'),
      region: 'eu-west-1',
      signatureVersion: 'v4',
    })
    expect(fields).toMatchObject({
      bucket: 'contactkit-uploads',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIACONTACTKITSANDBOX/20260101/eu-west-1/s3/aws4_request',
      'X-Amz-Date': '20260101T000000Z',
      'X-Amz-Security-Token': 'session',
      key: 'a.csv',
    })
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/)
    expect(policy.expiration).toBe('2026-01-01T01:00:00Z')
    expect(policy.conditions.at(-1)).toEqual({ key: 'a.csv' })
  })

  it('writes a V2 form with a session token as a field and a condition, before the key', async () => {
    const { fields, policy } = await presignPost({
      bucket: 'contactkit-uploads',
      key: 'a.csv',
      credentials: { ...sandboxCredentials, sessionToken: 'session' },
      expiresAt,
      signatureVersion: 'v2',
    })
    expect(Object.entries(fields).slice(0, 3)).toEqual([
      ['AWSAccessKeyId', 'AKIACONTACTKITSANDBOX'],
      ['x-amz-security-token', 'session'],
      ['key', 'a.csv'],
    ])
    expect(policy.conditions).toEqual([
      { bucket: 'contactkit-uploads' },
      { 'x-amz-security-token': 'session' },
      { key: 'a.csv' },
    ])
  })

  it('refuses fields it writes itself, and a V4 form without its signing time', async () => {
    const base = { bucket: 'b', key: 'k', credentials: sandboxCredentials, expiresAt }
    await expect(presignPost({ ...base, signatureVersion: 'v2', fields: { Policy: 'x' } })).rejects.toThrow(
      /"Policy" is a field presignPost writes itself/,
    )
    await expect(presignPost({ ...base, signatureVersion: 'v4' })).rejects.toThrow(/needs "signedAt"/)
  })

  it('gives forms the simulator accepts, and the URL to post them to', async () => {
    const { sim } = s3Fixture()
    for (const signatureVersion of ['v2', 'v4'] as const) {
      const { url, fields } = await sim.presignPost({ key: `in/${filenameVariable}`, signatureVersion })
      expect(url).toBe('http://127.0.0.1:4040/contactkit-uploads/')
      expect((await postForm(sim, new URL(url).pathname, { fields })).status).toBe(204)
    }
    const behindProxy = s3Fixture({ publicUrl: 'https://s3.mocks.example.org/' }).sim
    expect(behindProxy.bucketUrl('other')).toBe('https://s3.mocks.example.org/other/')
  })
})
