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

  it('refuses an encryption header S3 does not have before the form, even after the same request with a good one', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const unsigned = { key: 'uploads/a.csv' }
    const send = (encryption: string | undefined, form: Record<string, string>) =>
      postForm(
        sim,
        '/contactkit-uploads',
        { fields: form },
        encryption === undefined ? {} : { 'x-amz-server-side-encryption': encryption },
      )
    expect((await send(undefined, fields)).status).toBe(204)
    expect((await send('AES256', fields)).status).toBe(204)
    // A form S3 would refuse for its signature: the header is refused first, whatever came before.
    for (const encryption of ['rot13', '', 'undefined']) {
      const refused = await send(encryption, unsigned)
      expect(refused.status).toBe(400)
      expect(await refused.text()).toBe(
        expectedError(refused, 'InvalidArgument', 'The encryption method specified is not supported', [
          ['ArgumentName', 'x-amz-server-side-encryption'],
          ['ArgumentValue', encryption],
        ]),
      )
    }
    const withoutHeader = await send(undefined, unsigned)
    expect(await withoutHeader.text()).toBe(expectedError(withoutHeader, 'AccessDenied', 'Access Denied'))
  })

  it('answers a form without a file with what is wrong with its fields first, and only then with the missing file', async () => {
    const { sim } = s3Fixture()
    const unsigned = await postForm(sim, '/contactkit-uploads', { fields: { key: 'uploads/a.csv' }, file: null })
    expect(await unsigned.text()).toBe(expectedError(unsigned, 'AccessDenied', 'Access Denied'))
    const noKey = await postForm(sim, '/contactkit-uploads', { fields: { acl: 'private' }, file: null })
    expect(await noKey.text()).toContain("<Message>Bucket POST must contain a field named 'key'.")
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const signed = await postForm(sim, '/contactkit-uploads', { fields, file: null })
    expect(await signed.text()).toBe(
      expectedError(signed, 'InvalidArgument', 'POST requires exactly one file upload per request.', [
        ['ArgumentName', 'file'],
        ['ArgumentValue', ''],
      ]),
    )
  })

  it('stores a POST to a host that names no bucket in the default bucket, its Location path-style', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const response = await postForm(sim, 'http://127.0.0.1:4040/', { fields })
    expect(response.status).toBe(204)
    expect(response.headers.get('location')).toBe('http://127.0.0.1:4040/contactkit-uploads/uploads%2Fcontacts.csv')
    const preflight = await sim.app.request('http://127.0.0.1:4040/', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.org', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(200)
  })

  it('answers with the encryption the header asked for, else the form, else AES256', async () => {
    const { sim } = s3Fixture()
    const plain = await signedFields(sim, { signatureVersion: 'v4' })
    const kms = await signedFields(sim, {
      signatureVersion: 'v4',
      fields: { 'x-amz-server-side-encryption': 'aws:kms' },
    })
    const encryption = async (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      (await postForm(sim, '/contactkit-uploads', { fields }, headers)).headers.get('x-amz-server-side-encryption')
    expect(await encryption(plain)).toBe('AES256')
    expect(await encryption(plain, { 'x-amz-server-side-encryption': 'aws:kms' })).toBe('aws:kms')
    expect(await encryption(kms)).toBe('aws:kms')
    expect(await encryption(kms, { 'x-amz-server-side-encryption': 'aws:kms:dsse' })).toBe('aws:kms:dsse')
  })
})
