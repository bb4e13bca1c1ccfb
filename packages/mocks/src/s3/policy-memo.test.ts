import { describe, expect, it } from 'vitest'
import { sandboxCredentials } from './credentials.js'
import { filenameVariable } from './form.js'
import { decodedPolicy } from './policy-memo.js'
import { expectedError, postForm, s3Fixture, signedFields } from './testing/harness.js'

// One presigned policy posted again and again (a browser uploader's `starts-with $key`) is decoded
// and its signature computed once; everything else is still checked on every request.

const path = '/contactkit-uploads/'
const versions = ['v2', 'v4'] as const
const signatureName = { v2: 'signature', v4: 'X-Amz-Signature' } as const

async function expectRefusal(response: Response, status: number, code: string, message: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/xml')
  const text = await response.text()
  expect(text.startsWith(expectedError(response, code, message).split('<RequestId>')[0] as string)).toBe(true)
}

describe('a policy posted more than once', () => {
  it('stores each file posted with it, each under its own name', async () => {
    for (const version of versions) {
      const { sim } = s3Fixture()
      const fields = await signedFields(sim, { signatureVersion: version })
      for (const filename of ['a.csv', 'b.csv', 'c.csv']) {
        expect((await postForm(sim, path, { fields, file: { content: filename, filename } })).status).toBe(204)
      }
      expect(sim.objects.list().map((object) => object.key)).toEqual([
        'uploads/a.csv',
        'uploads/b.csv',
        'uploads/c.csv',
      ])
    }
  })

  it('refuses a field changed after a good post: the condition it breaks, or the field no condition covers', async () => {
    for (const version of versions) {
      const { sim } = s3Fixture()
      const fields = await signedFields(sim, { signatureVersion: version, fields: { acl: 'private' } })
      expect((await postForm(sim, path, { fields })).status).toBe(204)
      const changed = await postForm(sim, path, { fields: { ...fields, acl: 'public-read' } })
      await expectRefusal(
        changed,
        403,
        'AccessDenied',
        'Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "private"]',
      )
      const elsewhere = await postForm(sim, path, { fields: { ...fields, key: `elsewhere/${filenameVariable}` } })
      await expectRefusal(
        elsewhere,
        403,
        'AccessDenied',
        'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "uploads/"]',
      )
      const extra = await postForm(sim, path, { fields: { ...fields, 'x-amz-meta-owner': 'ann' } })
      await expectRefusal(
        extra,
        403,
        'AccessDenied',
        'Invalid according to Policy: Extra input fields: x-amz-meta-owner',
      )
      expect(sim.objects.list()).toHaveLength(1)
    }
  })

  it('refuses it once it has expired on the simulator clock, after good posts', async () => {
    for (const version of versions) {
      const { sim, clock } = s3Fixture()
      const fields = await signedFields(sim, { signatureVersion: version, expiresAt: clock.now() + 60_000 })
      expect((await postForm(sim, path, { fields })).status).toBe(204)
      clock.advance(60_001)
      await expectRefusal(
        await postForm(sim, path, { fields }),
        403,
        'AccessDenied',
        'Invalid according to Policy: Policy expired.',
      )
    }
  })

  it('refuses a wrong signature sent after the right one, every time it is sent', async () => {
    for (const version of versions) {
      const { sim } = s3Fixture()
      const fields = await signedFields(sim, { signatureVersion: version })
      const name = signatureName[version]
      const right = fields[name] as string
      const wrong = `${right.slice(0, -2)}${right.endsWith('AA') ? 'BB' : 'AA'}`
      expect((await postForm(sim, path, { fields })).status).toBe(204)
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await postForm(sim, path, { fields: { ...fields, [name]: wrong } })
        expect(response.status).toBe(403)
        expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
      }
      expect((await postForm(sim, path, { fields })).status).toBe(204)
    }
  })

  it('refuses it once its key is replaced by one with another secret, or the key may no longer use the bucket', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2' })
    expect((await postForm(sim, path, { fields })).status).toBe(204)
    const accessKeyId = fields.AWSAccessKeyId as string
    sim.credentials.add({ accessKeyId, secretAccessKey: 'another-secret-access-key-of-forty-chars' })
    const replaced = await postForm(sim, path, { fields })
    expect(replaced.status).toBe(403)
    expect(await replaced.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
    sim.credentials.reset()
    expect((await postForm(sim, path, { fields })).status).toBe(204)
    sim.credentials.add({ ...sandboxCredentials, buckets: ['another-bucket'] })
    await expectRefusal(await postForm(sim, path, { fields }), 403, 'AccessDenied', 'Access Denied')
  })
})

describe('decodedPolicy', () => {
  it('gives the same decoding each time, frozen, and the same reason for a policy that is not one', () => {
    const encoded = btoa(JSON.stringify({ expiration: '2026-01-01T00:00:00Z', conditions: [{ acl: 'private' }] }))
    const first = decodedPolicy(encoded)
    expect(first).toEqual({
      document: { expiration: '2026-01-01T00:00:00Z', conditions: [{ acl: 'private' }] },
      expiresAt: Date.parse('2026-01-01T00:00:00Z'),
    })
    expect(decodedPolicy(encoded)).toBe(first)
    const document = typeof first === 'string' ? undefined : first.document
    expect(Object.isFrozen(document) && Object.isFrozen(document?.conditions[0])).toBe(true)
    expect(decodedPolicy(btoa('{"conditions": []}'))).toBe('Policy missing expiration.')
    expect(decodedPolicy(btoa('{"conditions": []}'))).toBe('Policy missing expiration.')
  })
})
