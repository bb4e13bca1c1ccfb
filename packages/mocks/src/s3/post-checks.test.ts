import { describe, expect, it } from 'vitest'
import { filenameVariable } from './form.js'
import { encodePolicy } from './policy.js'
import { signPolicyV2 } from './signatures.js'
import { expectedError, postForm, s3Fixture, signedFields } from './testing/harness.js'

const path = '/contactkit-uploads/'
const secret = 'contactkit-sandbox-secret-access-key'

/** A V2 form for any policy document, signed with the sandbox key. */
async function v2Form(document: unknown, fields: Record<string, string> = {}) {
  const policy = encodePolicy(document as never, 'python')
  return {
    ...fields,
    AWSAccessKeyId: 'AKIACONTACTKITSANDBOX',
    key: `uploads/${filenameVariable}`,
    policy,
    signature: await signPolicyV2(policy, secret),
  }
}

describe('the errors of a refused upload, as S3 writes them', () => {
  it('403 AccessDenied for an expired policy, on the simulator clock', async () => {
    const { sim, clock } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2', expiresAt: clock.now() + 60_000 })
    expect((await postForm(sim, path, { fields })).status).toBe(204)
    clock.advance(60_001)
    const response = await postForm(sim, path, { fields })
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toBe('application/xml')
    expect(await response.text()).toBe(
      expectedError(response, 'AccessDenied', 'Invalid according to Policy: Policy expired.'),
    )
  })

  it('403 SignatureDoesNotMatch for an altered policy, V2 and V4, with what was signed', async () => {
    const { sim } = s3Fixture()
    for (const version of ['v2', 'v4'] as const) {
      const fields = await signedFields(sim, { signatureVersion: version })
      const policyName = version === 'v2' ? 'policy' : 'Policy'
      const signatureName = version === 'v2' ? 'signature' : 'X-Amz-Signature'
      const altered = btoa(atob(fields[policyName] as string).replace('uploads/', 'anything/'))
      const response = await postForm(sim, path, { fields: { ...fields, [policyName]: altered } })
      expect(response.status).toBe(403)
      const bytes = Array.from(new TextEncoder().encode(altered), (byte) => byte.toString(16).padStart(2, '0'))
      expect(await response.text()).toBe(
        expectedError(
          response,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          [
            ['AWSAccessKeyId', 'AKIACONTACTKITSANDBOX'],
            ['StringToSign', altered],
            ['SignatureProvided', fields[signatureName] as string],
            ['StringToSignBytes', bytes.join(' ')],
          ],
        ),
      )
    }
  })

  it('400 InvalidArgument for a missing signature field, naming it (two spaces before "If")', async () => {
    const { sim } = s3Fixture()
    const cases: [string, 'v2' | 'v4', string][] = [
      ['signature', 'v2', 'Signature'],
      ['AWSAccessKeyId', 'v2', 'AWSAccessKeyId'],
      ['X-Amz-Signature', 'v4', 'X-Amz-Signature'],
      ['X-Amz-Algorithm', 'v4', 'X-Amz-Algorithm'],
      ['X-Amz-Credential', 'v4', 'X-Amz-Credential'],
      ['X-Amz-Date', 'v4', 'X-Amz-Date'],
    ]
    for (const [removed, version, named] of cases) {
      const { [removed]: _gone, ...fields } = await signedFields(sim, { signatureVersion: version })
      const response = await postForm(sim, path, { fields })
      expect(response.status, removed).toBe(400)
      expect(await response.text()).toBe(
        expectedError(
          response,
          'InvalidArgument',
          `Bucket POST must contain a field named '${named}'.  If it is specified, please check the order of the fields.`,
          [
            ['ArgumentName', named],
            ['ArgumentValue', ''],
          ],
        ),
      )
    }
  })

  it('400 InvalidArgument for a signed form without its policy, and for a credential that is not a scope', async () => {
    const { sim } = s3Fixture()
    for (const [version, policyName] of [
      ['v2', 'policy'],
      ['v4', 'Policy'],
    ] as const) {
      const { [policyName]: _gone, ...fields } = await signedFields(sim, { signatureVersion: version })
      const response = await postForm(sim, path, { fields })
      expect(await response.text(), version).toBe(
        expectedError(
          response,
          'InvalidArgument',
          "Bucket POST must contain a field named 'Policy'.  If it is specified, please check the order of the fields.",
          [
            ['ArgumentName', 'Policy'],
            ['ArgumentValue', ''],
          ],
        ),
      )
    }
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const response = await postForm(sim, path, { fields: { ...fields, 'X-Amz-Credential': 'AKIA/today' } })
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(
      expectedError(
        response,
        'InvalidArgument',
        'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
        [
          ['ArgumentName', 'X-Amz-Credential'],
          ['ArgumentValue', 'AKIA/today'],
        ],
      ),
    )
  })

  it('400 InvalidArgument for an encryption the form asks for that S3 does not have', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, {
      signatureVersion: 'v2',
      fields: { 'x-amz-server-side-encryption': 'rot13' },
    })
    const response = await postForm(sim, path, { fields })
    expect(await response.text()).toBe(
      expectedError(response, 'InvalidArgument', 'The encryption method specified is not supported', [
        ['ArgumentName', 'x-amz-server-side-encryption'],
        ['ArgumentValue', 'rot13'],
      ]),
    )
  })

  it('403 AccessDenied "Access Denied" for a form with no signature fields at all', async () => {
    const { sim } = s3Fixture()
    const { key, policy } = await signedFields(sim, { signatureVersion: 'v2' })
    const response = await postForm(sim, path, { fields: { key: key as string, policy: policy as string } })
    expect(response.status).toBe(403)
    expect(await response.text()).toBe(expectedError(response, 'AccessDenied', 'Access Denied'))
  })

  it('400 InvalidArgument for a missing key, or a key after the file', async () => {
    const { sim } = s3Fixture()
    const { key, ...fields } = await signedFields(sim, { signatureVersion: 'v2' })
    for (const form of [{ fields }, { fields, after: [['key', key as string]] as [string, string][] }]) {
      const response = await postForm(sim, path, form)
      expect(response.status).toBe(400)
      expect(await response.text()).toBe(
        expectedError(
          response,
          'InvalidArgument',
          "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
          [
            ['ArgumentName', 'key'],
            ['ArgumentValue', ''],
          ],
        ),
      )
    }
  })

  it('403 AccessDenied naming the failed condition as the policy writes it: eq, starts-with, an object condition', async () => {
    const { sim } = s3Fixture()
    const expiration = '2026-01-01T01:00:00Z'
    const cases: [unknown[], Record<string, string>, string][] = [
      [
        ['eq', '$success_action_redirect', 'http://localhost.test/random'],
        { success_action_redirect: 'http://localhost.test/other' },
        '["eq", "$success_action_redirect", "http://localhost.test/random"]',
      ],
      [
        ['starts-with', '$success_action_redirect', 'http://localhost'],
        { success_action_redirect: 'HTTP://localhost/x' },
        '["starts-with", "$success_action_redirect", "http://localhost"]',
      ],
      [
        ['eq', 'success_action_redirect', 'http://localhost.test/random'],
        { success_action_redirect: 'http://localhost.test/random' },
        '["eq", "success_action_redirect", "http://localhost.test/random"]',
      ],
      [['content-length-range', 'test', '10'], {}, '["content-length-range", "test", "10"]'],
      // A null in the policy is kept, and printed, like any other value the range cannot read.
      [['content-length-range', null, 10], {}, '["content-length-range", null, 10]'],
    ]
    for (const [condition, extra, printed] of cases) {
      const fields = await v2Form({ expiration, conditions: [['starts-with', '$key', 'uploads/'], condition] }, extra)
      const response = await postForm(sim, path, { fields })
      expect(response.status, printed).toBe(403)
      expect(await response.text()).toBe(
        expectedError(response, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ${printed}`),
      )
    }
    const objectCondition = await v2Form(
      { expiration, conditions: [{ acl: 'aws-exec-read' }, ['starts-with', '$key', '']] },
      { acl: 'private' },
    )
    const response = await postForm(sim, path, { fields: objectCondition })
    expect(await response.text()).toBe(
      expectedError(
        response,
        'AccessDenied',
        'Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "aws-exec-read"]',
      ),
    )
  })

  it('403 AccessDenied for a field no condition covers', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2' })
    const response = await postForm(sim, path, { fields: { ...fields, 'x-amz-meta-owner': 'ann' } })
    expect(response.status).toBe(403)
    expect(await response.text()).toBe(
      expectedError(response, 'AccessDenied', 'Invalid according to Policy: Extra input fields: x-amz-meta-owner'),
    )
  })

  it('400 EntityTooLarge and EntityTooSmall with the sizes', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4', conditions: [['content-length-range', 5, 10]] })
    const large = await postForm(sim, path, { fields, file: { content: 'x'.repeat(12) } })
    expect(large.status).toBe(400)
    expect(await large.text()).toBe(
      expectedError(large, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', [
        ['ProposedSize', 12],
        ['MaxSizeAllowed', 10],
      ]),
    )
    const small = await postForm(sim, path, { fields, file: { content: 'x' } })
    expect(small.status).toBe(400)
    expect(await small.text()).toBe(
      expectedError(small, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', [
        ['ProposedSize', 1],
        ['MinSizeAllowed', 5],
      ]),
    )
    expect((await postForm(sim, path, { fields, file: { content: 'x'.repeat(10) } })).status).toBe(204)
  })

  it('412 PreconditionFailed for a body that is not multipart/form-data', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2' })
    const response = await sim.app.request(path, { method: 'POST', body: new URLSearchParams(fields) })
    expect(response.status).toBe(412)
    expect(await response.text()).toBe(
      expectedError(response, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', [
        ['Condition', 'Bucket POST must be of the enclosure-type multipart/form-data'],
      ]),
    )
  })

  it('400 InvalidPolicyDocument for a condition object with two properties', async () => {
    const { sim } = s3Fixture()
    const fields = await v2Form({
      expiration: '2026-01-01T01:00:00Z',
      conditions: [{ acl: 'private', bucket: 'contactkit-uploads' }, ['starts-with', '$key', '']],
    })
    const response = await postForm(sim, path, { fields })
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(
      expectedError(
        response,
        'InvalidPolicyDocument',
        'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.',
      ),
    )
  })

  it('403 InvalidAccessKeyId for a key the simulator does not know, 404 NoSuchBucket, 400 MalformedPOSTRequest', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, {
      signatureVersion: 'v2',
      credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' },
    })
    const unknown = await postForm(sim, path, { fields })
    expect(unknown.status).toBe(403)
    expect(await unknown.text()).toBe(
      expectedError(
        unknown,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        [['AWSAccessKeyId', 'AKIAUNKNOWN']],
      ),
    )
    const noBucket = await postForm(sim, '/no-such-bucket', { fields })
    expect(noBucket.status).toBe(404)
    expect(await noBucket.text()).toBe(
      expectedError(noBucket, 'NoSuchBucket', 'The specified bucket does not exist', [
        ['BucketName', 'no-such-bucket'],
      ]),
    )
    const broken = await sim.app.request(path, {
      method: 'POST',
      body: 'no boundary here',
      headers: { 'Content-Type': 'multipart/form-data; boundary=abc' },
    })
    expect(broken.status).toBe(400)
    expect(await broken.text()).toBe(
      expectedError(
        broken,
        'MalformedPOSTRequest',
        'The body of your POST request is not well-formed multipart/form-data.',
      ),
    )
  })

  it('refuses a form without a file, fields over 20 KB, a key over 1,024 bytes and an unknown encryption', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2' })
    const noFile = await postForm(sim, path, { fields, file: null })
    expect(await noFile.text()).toBe(
      expectedError(noFile, 'InvalidArgument', 'POST requires exactly one file upload per request.', [
        ['ArgumentName', 'file'],
        ['ArgumentValue', ''],
      ]),
    )
    const padded = await postForm(sim, path, { fields: { ...fields, 'x-ignore-padding': 'p'.repeat(21 * 1024) } })
    expect(await padded.text()).toBe(
      expectedError(
        padded,
        'MaxPostPreDataLengthExceededError',
        'Your POST request fields preceding the upload file were too large.',
      ),
    )
    const longKey = await signedFields(sim, { signatureVersion: 'v2', key: `${'k'.repeat(1030)}` })
    const tooLong = await postForm(sim, path, { fields: longKey })
    expect(await tooLong.text()).toBe(
      expectedError(tooLong, 'KeyTooLongError', 'Your key is too long', [
        ['MaxSizeAllowed', 1024],
        ['Size', 1030],
      ]),
    )
    const encrypted = await postForm(sim, path, { fields }, { 'x-amz-server-side-encryption': 'rot13' })
    expect(encrypted.status).toBe(400)
    expect((await encrypted.text()).includes('<Code>InvalidArgument</Code><Message>The encryption method')).toBe(true)
  })

  it('403 AccessDenied for a key that may not write to the bucket', async () => {
    const { sim } = s3Fixture({
      buckets: [{ name: 'contactkit-uploads' }, { name: 'private-reports' }],
      credentials: [{ accessKeyId: 'AKIACONTACTKITSANDBOX', secretAccessKey: secret, buckets: ['contactkit-uploads'] }],
    })
    const fields = await signedFields(sim, { signatureVersion: 'v4', bucket: 'private-reports' })
    const response = await postForm(sim, '/private-reports', { fields })
    expect(response.status).toBe(403)
    expect(await response.text()).toBe(expectedError(response, 'AccessDenied', 'Access Denied'))
  })
})
