import { describe, expect, it } from 'vitest'
import { PostForm } from './form.js'
import type { PolicyDocument } from './policy.js'
import { type AcceptedForm, checkFileSize, maxPostObjectBytes } from './post-checks.js'
import { expectedError, postForm, s3Fixture, signedFields } from './testing/harness.js'

// The limits of a form at their edge: the answer a client gets exactly at a limit, and one past it.

describe('S3 form limits at their edge', () => {
  it('takes a key of 1,024 bytes, multi-byte characters counted in bytes, and refuses 1,025', async () => {
    const { sim } = s3Fixture()
    const atLimit = await signedFields(sim, { signatureVersion: 'v4', key: `uploads/${'é'.repeat(508)}` })
    const accepted = await postForm(sim, '/contactkit-uploads', { fields: atLimit })
    expect(accepted.status).toBe(204)
    expect(sim.objects.get('contactkit-uploads', `uploads/${'é'.repeat(508)}`)).toBeDefined()
    const over = await signedFields(sim, { signatureVersion: 'v4', key: `uploads/${'é'.repeat(508)}x` })
    const refused = await postForm(sim, '/contactkit-uploads', { fields: over })
    expect(await refused.text()).toBe(
      expectedError(refused, 'KeyTooLongError', 'Your key is too long', [
        ['MaxSizeAllowed', 1024],
        ['Size', 1025],
      ]),
    )
  })

  it('takes a form at the very millisecond its policy expires, and refuses it one millisecond later', async () => {
    const { sim, clock } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v2', expiresAt: clock.now() + 60_000 })
    clock.advance(60_000)
    expect((await postForm(sim, '/contactkit-uploads', { fields })).status).toBe(204)
    clock.advance(1)
    const expired = await postForm(sim, '/contactkit-uploads', { fields })
    expect(expired.status).toBe(403)
    expect(await expired.text()).toBe(
      expectedError(expired, 'AccessDenied', 'Invalid according to Policy: Policy expired.'),
    )
  })
})

describe('S3 file size at its edge', () => {
  const accepted = (conditions: unknown[]): AcceptedForm => ({
    form: new PostForm([{ name: 'key', value: 'big.bin' }]),
    key: 'big.bin',
    policy: { document: { expiration: '2026-01-01T01:00:00Z', conditions } as PolicyDocument, expiresAt: 0 },
    credentials: { accessKeyId: 'AKIACONTACTKITSANDBOX', secretAccessKey: 'secret' },
    maxFileBytes: maxPostObjectBytes,
  })

  it("takes a file of 5 GiB, S3's most for a POST, and refuses one byte more", () => {
    expect(maxPostObjectBytes).toBe(5 * 1024 ** 3)
    expect(checkFileSize(accepted([]), maxPostObjectBytes)).toBeUndefined()
    expect(checkFileSize(accepted([]), maxPostObjectBytes + 1)).toEqual({
      status: 400,
      code: 'EntityTooLarge',
      message: 'Your proposed upload exceeds the maximum allowed size',
      elements: [
        ['ProposedSize', maxPostObjectBytes + 1],
        ['MaxSizeAllowed', maxPostObjectBytes],
      ],
    })
  })

  it('checks only the ranges of the policy once the form passed, whatever its other conditions', () => {
    const conditions = [{ bucket: 'elsewhere' }, ['eq', '$key', 'other.bin'], ['content-length-range', 1, 10]]
    expect(checkFileSize(accepted(conditions), 10)).toBeUndefined()
    expect(checkFileSize(accepted(conditions), 11)).toMatchObject({ code: 'EntityTooLarge' })
  })
})
