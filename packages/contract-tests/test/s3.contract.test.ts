import { randomUUID } from 'node:crypto'
import { S3Client } from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { s3Document } from '@contactkit/specs/s3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type ConformanceRecorder, conformanceRecorder } from '../src/conformance.js'
import { type SuiteRecording, suiteRecording } from '../src/recording.js'
import { decodeS3, readS3Xml } from '../src/s3/decode.js'
import {
  dotnetMultipart,
  encodeKey,
  encodePolicy,
  exact,
  expiresIn,
  formData,
  md5ETag,
  type Policy,
  type Signer,
  signV2,
  signV4,
  streamedUpload,
  v4Fields,
} from '../src/s3/forms.js'
import { type S3Target, s3Targets } from '../src/s3/targets.js'

// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent as written.
const filename = '${filename}'
const csv = 'First Name,Phone\nAnn,+15550100\n'

for (const choice of s3Targets()) {
  if (choice.skipReason) {
    console.log(`S3 contract suite, ${choice.name} target skipped: ${choice.skipReason}`)
  }

  describe.skipIf(Boolean(choice.skipReason))(`S3 presigned POST contract (${choice.name})`, () => {
    let target: S3Target
    let conformance: ConformanceRecorder
    // CONTACTKIT_RECORD=<dir> records the suite's exchanges there, one HAR per suite and target.
    let recording: SuiteRecording | undefined
    let signer: Signer
    let bucketUrl: string
    // Every key this run writes starts here, so runs against a real bucket never collide.
    const prefix = `contactkit-contract/${randomUUID().slice(0, 8)}`

    // Registered before the suite's own afterAll, so it runs after it: the cleanup is recorded too.
    afterAll(() => recording?.close())
    beforeAll(async () => {
      target = await choice.start()
      recording = suiteRecording(`s3-${choice.name}`)
      conformance = conformanceRecorder(s3Document, target.baseUrl, decodeS3, { recording })
      signer = { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey, region: target.region }
      bucketUrl = `${target.baseUrl}/${target.bucket}`
    })
    afterAll(async () => {
      if (target) {
        console.log(`S3 ${choice.name}: ${conformance.checked} responses checked against the spec.`)
        await target.close()
      }
    })
    afterEach(() => {
      expect(conformance.violations).toEqual([])
    })

    /** Posts a body to the bucket over HTTP; redirects are answers to read, not to follow. */
    const post = (body: BodyInit, headers: Record<string, string> = {}, url = bucketUrl) =>
      conformance.fetch(
        new Request(url, { method: 'POST', body, headers, redirect: 'manual', duplex: 'half' } as RequestInit),
      )

    /** A V2 form: the fields given, each an exact condition unless `conditions` covers it, signed for an hour. */
    const v2 = (
      fields: Record<string, string>,
      options: { conditions?: unknown[]; exactFields?: Record<string, string>; expiration?: string } = {},
    ) =>
      signV2(
        signer,
        {
          expiration: options.expiration ?? expiresIn(target.now(), 3600),
          conditions: [
            { bucket: target.bucket },
            ...exact(options.exactFields ?? fields),
            ...(options.conditions ?? []),
          ],
        },
        fields,
      )

    /** A V4 form as `v2`, with the `X-Amz-*` fields signed now on the target's clock. */
    const v4 = (
      fields: Record<string, string>,
      options: { conditions?: unknown[]; expiration?: string; policy?: (policy: Policy) => Policy | string } = {},
    ) => {
      const scope = v4Fields(signer, target.now())
      const policy: Policy = {
        expiration: options.expiration ?? expiresIn(target.now(), 3600),
        conditions: [{ bucket: target.bucket }, ...exact(scope), ...exact(fields), ...(options.conditions ?? [])],
      }
      return signV4(signer, options.policy ? options.policy(policy) : policy, { ...scope, ...fields })
    }

    /** S3's error document, exactly: Code, Message, the elements given, then RequestId (the header's) and HostId. */
    const expectError = async (
      response: Response,
      status: number,
      code: string,
      message: string,
      elements: [string, string | number][] = [],
    ) => {
      const text = await response.text()
      expect(response.status, text).toBe(status)
      expect(response.headers.get('content-type')).toBe('application/xml')
      const xml = readS3Xml(text)
      expect(xml.root).toBe('Error')
      expect(xml.elements).toEqual([
        ['Code', code],
        ['Message', message],
        ...elements.map(([name, value]) => [name, String(value)]),
        ['RequestId', response.headers.get('x-amz-request-id')],
        ['HostId', expect.stringMatching(/\S/)],
      ])
    }

    const stored = (key: string) => target.simulator?.objects.get(target.bucket, key)

    describe('stored uploads', () => {
      it('stores a V2 form: 204 without a body, ETag the MD5 of the file, Location the object with / as %2F', async () => {
        const key = `${prefix}/plain/contacts.csv`
        const response = await post(formData(v2({ key, 'Content-Type': 'text/csv' }), { name: 'c.csv', content: csv }))
        expect(response.status).toBe(204)
        expect(await response.text()).toBe('')
        expect(response.headers.get('etag')).toBe(md5ETag(csv))
        expect(response.headers.get('location')).toBe(`${bucketUrl}/${encodeKey(key)}`)
        expect(response.headers.get('location')).toContain('%2Fplain%2Fcontacts.csv')
        expect(response.headers.get('x-amz-request-id')).toMatch(/\S/)
        if (target.simulator) {
          const object = stored(key)
          expect(object).toMatchObject({ contentType: 'text/csv', etag: md5ETag(csv), size: csv.length })
          expect(new TextDecoder().decode(object?.bytes)).toBe(csv)
        }
      })

      it('answers 200 with no body when the form asks for success_action_status 200', async () => {
        const key = `${prefix}/status/200.csv`
        const response = await post(
          formData(v4({ key, success_action_status: '200' }), { name: 'c.csv', content: csv }),
        )
        expect(response.status).toBe(200)
        expect(await response.text()).toBe('')
        expect(response.headers.get('etag')).toBe(md5ETag(csv))
        expect(response.headers.get('location')).toBe(`${bucketUrl}/${encodeKey(key)}`)
      })

      it('answers 201 with a PostResponse document repeating Location, Bucket, Key and ETag', async () => {
        const key = `${prefix}/status/201.csv`
        const response = await post(
          formData(v4({ key, success_action_status: '201' }), { name: 'c.csv', content: csv }),
        )
        expect(response.status).toBe(201)
        expect(response.headers.get('content-type')).toBe('application/xml')
        const location = `${bucketUrl}/${encodeKey(key)}`
        expect(response.headers.get('location')).toBe(location)
        expect(readS3Xml(await response.text())).toEqual({
          root: 'PostResponse',
          elements: [
            ['Location', location],
            ['Bucket', target.bucket],
            ['Key', key],
            ['ETag', md5ETag(csv)],
          ],
        })
      })

      it('redirects (303) to success_action_redirect, its query kept and bucket, key and etag added', async () => {
        const key = `${prefix}/redirect/done.csv`
        const redirect = 'https://app.example.org/uploaded?upload=7'
        const response = await post(
          formData(v2({ key, success_action_redirect: redirect }), { name: 'c.csv', content: csv }),
        )
        expect(response.status).toBe(303)
        expect(response.headers.get('etag')).toBe(md5ETag(csv))
        const location = new URL(response.headers.get('location') ?? '')
        expect(`${location.origin}${location.pathname}`).toBe('https://app.example.org/uploaded')
        expect([...location.searchParams]).toEqual([
          ['upload', '7'],
          ['bucket', target.bucket],
          ['key', key],
          ['etag', md5ETag(csv)],
        ])
      })

      it(`replaces ${filename} in the key and other fields with the name of the file sent`, async () => {
        const fields = { key: `${prefix}/named/${filename}`, 'x-amz-meta-original': `was ${filename}` }
        const form = v2(fields, {
          exactFields: {},
          conditions: [
            ['starts-with', '$key', `${prefix}/named/`],
            ['starts-with', '$x-amz-meta-original', 'was '],
          ],
        })
        const response = await post(formData(form, { name: 'people list.csv', content: csv }))
        expect(response.status).toBe(204)
        const key = `${prefix}/named/people list.csv`
        expect(response.headers.get('location')).toBe(`${bucketUrl}/${encodeKey(key)}`)
        expect(response.headers.get('location')).toMatch(/%2Fnamed%2Fpeople%20list\.csv$/)
        if (target.simulator) {
          expect(stored(key)?.metadata).toEqual({ original: 'was people list.csv' })
        }
      })

      it('reads field names in any case, and ignores every field after the file', async () => {
        const key = `${prefix}/case/upper.csv`
        const signed = v4({ key, acl: 'private' })
        const shouted = Object.entries(signed).map(([name, value]): [string, string] => [
          name === 'key' ? 'KEY' : name.toLowerCase(),
          value,
        ])
        const response = await post(
          formData(shouted, { name: 'c.csv', content: csv }, [
            ['key', `${prefix}/case/elsewhere.csv`],
            ['acl', 'public-read'],
            ['x-amz-meta-late', 'not covered by the policy'],
          ]),
        )
        expect(response.status).toBe(204)
        expect(response.headers.get('location')).toBe(`${bucketUrl}/${encodeKey(key)}`)
        if (target.simulator) {
          expect(stored(key)).toMatchObject({ headers: { acl: 'private' }, metadata: {} })
          expect(stored(`${prefix}/case/elsewhere.csv`)).toBeUndefined()
        }
      })

      it('takes the multipart .NET clients send: quoted boundary with spaces, unquoted names, filename*', async () => {
        const fields = { acl: 'private', key: `${prefix}/dotnet/${filename}`, 'Content-Type': 'text/csv' }
        const form = v2(fields, {
          exactFields: { acl: 'private' },
          conditions: [
            ['starts-with', '$key', `${prefix}/dotnet/`],
            ['starts-with', '$Content-Type', ''],
            ['content-length-range', 0, 5368724480],
          ],
        })
        const { body, contentType } = dotnetMultipart(form, { name: 'you have mail.csv', content: csv })
        const response = await post(body as Uint8Array<ArrayBuffer>, {
          'Content-Type': contentType,
          'x-amz-server-side-encryption': 'AES256',
        })
        expect(response.status, await response.clone().text()).toBe(204)
        expect(response.headers.get('etag')).toBe(md5ETag(csv))
        expect(response.headers.get('x-amz-server-side-encryption')).toBe('AES256')
        const key = `${prefix}/dotnet/you have mail.csv`
        expect(response.headers.get('location')).toBe(`${bucketUrl}/${encodeKey(key)}`)
        if (target.simulator) {
          expect(stored(key)).toMatchObject({ contentType: 'text/csv', headers: { acl: 'private' }, size: csv.length })
        }
      })
    })

    describe('forms built by @aws-sdk/s3-presigned-post', () => {
      // Signed on the target's clock: the SDK reads Date.now() plus the client's clock offset.
      const sdkClient = () =>
        new S3Client({
          region: target.region,
          endpoint: target.baseUrl,
          forcePathStyle: true,
          credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
          systemClockOffset: target.now() - Date.now(),
        })

      it(`uploads with a ${filename} key and a content-length-range, refusing files outside the range`, async () => {
        const { url, fields } = await createPresignedPost(sdkClient(), {
          Bucket: target.bucket,
          Key: `${prefix}/sdk/${filename}`,
          Conditions: [
            ['content-length-range', 1, 1024],
            ['starts-with', '$Content-Type', 'text/'],
          ],
          Fields: { 'Content-Type': 'text/csv' },
          Expires: 600,
        })
        expect(url).toBe(bucketUrl)
        const response = await post(formData(fields, { name: 'people.csv', content: csv }), {}, url)
        expect(response.status).toBe(204)
        expect(response.headers.get('location')).toBe(`${bucketUrl}/${encodeKey(`${prefix}/sdk/people.csv`)}`)
        expect(response.headers.get('etag')).toBe(md5ETag(csv))

        const big = 'x'.repeat(1025)
        await expectError(
          await post(formData(fields, { name: 'big.csv', content: big }), {}, url),
          400,
          'EntityTooLarge',
          'Your proposed upload exceeds the maximum allowed size',
          [
            ['ProposedSize', 1025],
            ['MaxSizeAllowed', 1024],
          ],
        )
        await expectError(
          await post(formData(fields, { name: 'empty.csv', content: '' }), {}, url),
          400,
          'EntityTooSmall',
          'Your proposed upload is smaller than the minimum allowed size',
          [
            ['ProposedSize', 0],
            ['MinSizeAllowed', 1],
          ],
        )
        if (target.simulator) {
          expect(stored(`${prefix}/sdk/big.csv`)).toBeUndefined()
          expect(stored(`${prefix}/sdk/empty.csv`)).toBeUndefined()
        }
      })

      it('uploads to an exact key whatever the file is called, and refuses another key', async () => {
        const key = `${prefix}/sdk/exact.csv`
        const { url, fields } = await createPresignedPost(sdkClient(), { Bucket: target.bucket, Key: key })
        const response = await post(formData(fields, { name: 'anything.txt', content: csv }), {}, url)
        expect(response.status).toBe(204)
        expect(response.headers.get('location')).toBe(`${bucketUrl}/${encodeKey(key)}`)
        await expectError(
          await post(formData({ ...fields, key: `${prefix}/sdk/other.csv` }, { name: 'a.csv', content: csv }), {}, url),
          403,
          'AccessDenied',
          `Invalid according to Policy: Policy Condition failed: ["eq", "$key", "${key}"]`,
        )
      })

      it.runIf(choice.name === 'simulator')('expires on the simulator clock', async () => {
        const { url, fields } = await createPresignedPost(sdkClient(), {
          Bucket: target.bucket,
          Key: `${prefix}/sdk/expiring.csv`,
          Expires: 60,
        })
        target.simulator?.clock.advance(61_000)
        await expectError(
          await post(formData(fields, { name: 'a.csv', content: csv }), {}, url),
          403,
          'AccessDenied',
          'Invalid according to Policy: Policy expired.',
        )
      })
    })

    describe('refused uploads, with the status, code, message and elements AWS answers', () => {
      const file = { name: 'c.csv', content: csv }

      it('403 AccessDenied "Policy expired." for a V2 or V4 form past its expiration', async () => {
        const expiration = expiresIn(target.now(), -1)
        for (const fields of [
          v2({ key: `${prefix}/expired/v2.csv` }, { expiration }),
          v4({ key: `${prefix}/expired/v4.csv` }, { expiration }),
        ]) {
          await expectError(
            await post(formData(fields, file)),
            403,
            'AccessDenied',
            'Invalid according to Policy: Policy expired.',
          )
        }
      })

      it('403 SignatureDoesNotMatch for a tampered policy, with what was signed and its bytes', async () => {
        const cases = [
          { fields: v2({ key: `${prefix}/tampered/a.csv` }), policy: 'policy', signature: 'signature' },
          { fields: v4({ key: `${prefix}/tampered/a.csv` }), policy: 'Policy', signature: 'X-Amz-Signature' },
        ]
        for (const { fields, policy, signature } of cases) {
          const document = JSON.parse(Buffer.from(fields[policy] as string, 'base64').toString()) as Policy
          const tampered = encodePolicy({ ...document, expiration: expiresIn(target.now(), 86_400 * 365) })
          const response = await post(formData({ ...fields, [policy]: tampered }, file))
          await expectError(
            response,
            403,
            'SignatureDoesNotMatch',
            'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
            [
              ['AWSAccessKeyId', target.accessKeyId],
              ['StringToSign', tampered],
              ['SignatureProvided', fields[signature] as string],
              [
                'StringToSignBytes',
                [...Buffer.from(tampered)].map((byte) => byte.toString(16).padStart(2, '0')).join(' '),
              ],
            ],
          )
        }
      })

      it('400 InvalidArgument naming a missing signature field, V2 and V4 (two spaces before "If")', async () => {
        const { signature: _signature, ...withoutV2 } = v2({ key: `${prefix}/unsigned/a.csv` })
        const { 'X-Amz-Signature': _v4Signature, ...withoutV4 } = v4({ key: `${prefix}/unsigned/a.csv` })
        for (const [fields, named] of [
          [withoutV2, 'Signature'],
          [withoutV4, 'X-Amz-Signature'],
        ] as const) {
          await expectError(
            await post(formData(fields, file)),
            400,
            'InvalidArgument',
            `Bucket POST must contain a field named '${named}'.  If it is specified, please check the order of the fields.`,
            [
              ['ArgumentName', named],
              ['ArgumentValue', ''],
            ],
          )
        }
      })

      it('403 AccessDenied naming the failed condition as the policy writes it', async () => {
        const fields = v2(
          { key: `${prefix}/condition/a.png`, 'Content-Type': 'image/png' },
          {
            exactFields: { key: `${prefix}/condition/a.png` },
            conditions: [['starts-with', '$Content-Type', 'text/']],
          },
        )
        await expectError(
          await post(formData(fields, file)),
          403,
          'AccessDenied',
          'Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", "text/"]',
        )
      })

      it('400 EntityTooLarge and EntityTooSmall for a file outside the content-length-range', async () => {
        const fields = v4({ key: `${prefix}/sized/a.csv` }, { conditions: [['content-length-range', 5, 10]] })
        await expectError(
          await post(formData(fields, { name: 'a.csv', content: '123456789012' })),
          400,
          'EntityTooLarge',
          'Your proposed upload exceeds the maximum allowed size',
          [
            ['ProposedSize', 12],
            ['MaxSizeAllowed', 10],
          ],
        )
        await expectError(
          await post(formData(fields, { name: 'a.csv', content: 'ab' })),
          400,
          'EntityTooSmall',
          'Your proposed upload is smaller than the minimum allowed size',
          [
            ['ProposedSize', 2],
            ['MinSizeAllowed', 5],
          ],
        )
        expect((await post(formData(fields, { name: 'a.csv', content: '12345' }))).status).toBe(204)
      })

      it('412 PreconditionFailed for a form that is not multipart', async () => {
        const fields = v2({ key: `${prefix}/urlencoded/a.csv` })
        await expectError(
          await post(new URLSearchParams({ ...fields, file: csv })),
          412,
          'PreconditionFailed',
          'At least one of the pre-conditions you specified did not hold',
          [['Condition', 'Bucket POST must be of the enclosure-type multipart/form-data']],
        )
      })

      it('400 InvalidPolicyDocument for a policy that is not JSON, or a condition object with two keys', async () => {
        const key = `${prefix}/invalid-policy/a.csv`
        const notJson = signV2(signer, '{"expiration": "2099-01-01T00:00:00Z", "conditions": [', { key })
        await expectError(
          await post(formData(notJson, file)),
          400,
          'InvalidPolicyDocument',
          'Invalid Policy: Invalid JSON.',
        )
        const twoKeys = v4(
          { key },
          {
            policy: (policy) => ({ ...policy, conditions: [{ key, acl: 'private' }, ...policy.conditions] }),
          },
        )
        await expectError(
          await post(formData(twoKeys, file)),
          400,
          'InvalidPolicyDocument',
          'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.',
        )
      })

      it('403 InvalidAccessKeyId for an access key S3 does not know, V2 and V4', async () => {
        const stranger = { ...signer, accessKeyId: 'AKIACONTACTKITUNKNOWN', secretAccessKey: 'not-a-secret' }
        const key = `${prefix}/stranger/a.csv`
        const expiration = expiresIn(target.now(), 3600)
        const scope = v4Fields(stranger, target.now())
        for (const fields of [
          signV2(stranger, { expiration, conditions: [{ bucket: target.bucket }, { key }] }, { key }),
          signV4(
            stranger,
            { expiration, conditions: [{ bucket: target.bucket }, ...exact(scope), { key }] },
            {
              ...scope,
              key,
            },
          ),
        ]) {
          await expectError(
            await post(formData(fields, file)),
            403,
            'InvalidAccessKeyId',
            'The AWS Access Key Id you provided does not exist in our records.',
            [['AWSAccessKeyId', 'AKIACONTACTKITUNKNOWN']],
          )
        }
      })

      it('403 AccessDenied for a field no condition covers; x-ignore-* fields need none', async () => {
        const key = `${prefix}/extra/a.csv`
        const fields = v2({ key })
        await expectError(
          await post(formData({ ...fields, 'x-amz-meta-extra': 'sneaked in' }, file)),
          403,
          'AccessDenied',
          'Invalid according to Policy: Extra input fields: x-amz-meta-extra',
        )
        if (target.simulator) {
          expect(stored(key)).toBeUndefined()
        }
        expect((await post(formData({ ...fields, 'x-ignore-note': 'anything' }, file))).status).toBe(204)
      })

      it('refuses a streamed file past content-length-range as it passes the limit, holding none of it', async () => {
        const key = `${prefix}/streamed/big.bin`
        const limit = 1024 * 1024
        const fileBytes = 64 * 1024 * 1024
        const upload = streamedUpload(v4({ key }, { conditions: [['content-length-range', 0, limit]] }), fileBytes)
        const response = await post(upload.stream, { 'Content-Type': upload.contentType })
        const text = await response.clone().text()
        expect(response.status, text).toBe(400)
        const error = Object.fromEntries(readS3Xml(text).elements)
        expect(error).toMatchObject({ Code: 'EntityTooLarge', MaxSizeAllowed: String(limit) })
        // Sent without Content-Length, the size proposed is what was read: past the limit, far short of the file.
        expect(Number(error.ProposedSize)).toBeGreaterThan(limit)
        expect(upload.pulledBytes()).toBeLessThan(fileBytes / 4)
        await expectError(response, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', [
          ['ProposedSize', error.ProposedSize as string],
          ['MaxSizeAllowed', limit],
        ])
        if (target.simulator) {
          expect(stored(key)).toBeUndefined()
          const entry = target.simulator.journal.list().find((candidate) => candidate.requestId === error.RequestId)
          expect(entry?.status).toBe(400)
          expect(entry?.bodyBytes).toBeLessThan(fileBytes / 4)
        }
        // The server goes on taking uploads.
        expect((await post(formData(v2({ key }), file))).status).toBe(204)
      })
    })
  })
}
