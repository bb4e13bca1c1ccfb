import { describe, expect, it } from 'vitest'
import { expectedError, postForm, s3Fixture, signedFields } from './testing/harness.js'

// What a browser sees: the preflight before a cross-origin upload, and the CORS headers on every
// answer to a request that sent Origin, errors included.

const origin = 'https://app.example.org'
const preflight = (url: string, headers: Record<string, string>) =>
  s3Fixture().sim.app.request(url, { method: 'OPTIONS', headers: { origin, ...headers } })

describe('S3 preflights', () => {
  it('allows a POST to a bucket named in the host name', async () => {
    const response = await preflight('http://contactkit-uploads.s3.amazonaws.com/', {
      'access-control-request-method': 'POST',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, HEAD')
  })

  it('answers a preflight for a bucket that does not exist with NoSuchBucket, and CORS headers', async () => {
    for (const url of ['/nowhere-bucket', 'http://nowhere-bucket.s3.amazonaws.com/']) {
      const response = await preflight(url, { 'access-control-request-method': 'POST' })
      expect(response.status).toBe(404)
      expect(await response.text()).toBe(
        expectedError(response, 'NoSuchBucket', 'The specified bucket does not exist', [
          ['BucketName', 'nowhere-bucket'],
        ]),
      )
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
    }
  })

  it('answers a preflight for a bucket name S3 cannot have with InvalidBucketName', async () => {
    const response = await preflight('/Bad_Bucket', { 'access-control-request-method': 'POST' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('<Code>InvalidBucketName</Code>')
  })

  it('refuses a preflight that names no method, with an empty Method', async () => {
    const response = await preflight('/contactkit-uploads', {})
    expect(response.status).toBe(403)
    expect(await response.text()).toBe(
      expectedError(
        response,
        'AccessForbidden',
        "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
        [
          ['Method', ''],
          ['ResourceType', 'BUCKET'],
        ],
      ),
    )
  })
})

describe('S3 answers to a browser POST', () => {
  it('carry the CORS headers, so that the page can read ETag and Location', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const response = await postForm(sim, '/contactkit-uploads', { fields }, { Origin: origin })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag, Location')
  })

  it('carry them on an error too, so that the page can read it', async () => {
    const { sim } = s3Fixture()
    const response = await sim.app.request('/contactkit-uploads', {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'text/plain' },
      body: 'not a form',
    })
    expect(response.status).toBe(412)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers, Access-Control-Request-Method')
  })

  it('carry none for a request without Origin', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const response = await postForm(sim, '/contactkit-uploads', { fields })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('S3 request headers', () => {
  it('refuses an encryption header S3 does not have, naming the value sent, before reading the form', async () => {
    const { sim } = s3Fixture()
    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    for (const path of ['/contactkit-uploads', 'http://contactkit-uploads.s3.amazonaws.com/']) {
      const response = await postForm(sim, path, { fields }, { 'x-amz-server-side-encryption': 'rot13' })
      expect(response.status).toBe(400)
      expect(await response.text()).toBe(
        expectedError(response, 'InvalidArgument', 'The encryption method specified is not supported', [
          ['ArgumentName', 'x-amz-server-side-encryption'],
          ['ArgumentValue', 'rot13'],
        ]),
      )
    }
  })
})

describe('S3 POSTs without a body', () => {
  it('refuses a multipart POST that sends no body at all as malformed', async () => {
    const { sim } = s3Fixture()
    const response = await sim.app.request('/contactkit-uploads', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(
      expectedError(
        response,
        'MalformedPOSTRequest',
        'The body of your POST request is not well-formed multipart/form-data.',
      ),
    )
  })

  it('refuses a POST without a Content-Type as not multipart', async () => {
    const { sim } = s3Fixture()
    const response = await sim.app.request('/contactkit-uploads', { method: 'POST', body: new Uint8Array([1, 2]) })
    expect(response.status).toBe(412)
    expect(await response.text()).toContain(
      '<Condition>Bucket POST must be of the enclosure-type multipart/form-data</Condition>',
    )
  })
})
