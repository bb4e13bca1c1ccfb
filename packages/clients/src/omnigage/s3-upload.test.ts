import { describe, expect, it } from 'vitest'
import { ConnectionError } from '../core/errors.js'
import { fakeFetch, networkError } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { UnsupportedFileError } from './file-source.js'
import { readS3Error, S3UploadError, type Upload, uploadToS3 } from './s3-upload.js'

// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent literally
const formKey = 'uploads/28636c96bd134863ba83450d56c/${filename}'

const upload: Upload = {
  type: 'uploads',
  id: 'Q843fc2UoJf4B5CrQxQ6Cd',
  attributes: {
    'expires-at': 'Fri, 28 Feb 2020 21:27:24 GMT',
    'max-length-in-bytes': 5368724480,
    'request-url': 'https://omnigage-example.s3-us-west-1.amazonaws.com/',
    'request-method': 'post',
    'request-headers': [{ 'x-amz-server-side-encryption': 'AES256' }],
    'request-form-data': [
      { acl: 'private' },
      { AWSAccessKeyId: 'AKIASCCH57' },
      { key: formKey },
      { policy: 'eyJleHBpcmF0aW9uIjogIjIwMjAifQ==' },
      { signature: 'XZHFYrd/AjmsGnUS1Bg=' },
    ],
  },
}

const csv = 'First Name,Phone Number\nSampson,14076341732\n'
const s3Ok = () => new Response(null, { status: 204, headers: { ETag: '"abc"', 'x-amz-request-id': 'S3REQ' } })
const s3Error = (status: number, code: string, message: string) =>
  new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>REQ-1</RequestId><HostId>h</HostId></Error>`,
    { status, headers: { 'Content-Type': 'application/xml' } },
  )

/** The multipart parts in order: name, filename and body of each. */
async function partsOf(request: Request) {
  const form = await request.clone().formData()
  return [...form.entries()].map(([name, value]) =>
    typeof value === 'string' ? { name, value } : { name, filename: (value as File).name, type: value.type },
  )
}

describe('uploadToS3: the form', () => {
  it('sends request-headers as headers, the fields in order, then Content-Type, then the file last', async () => {
    const fake = fakeFetch(s3Ok)
    const file = new File([csv], 'contacts.csv', { type: 'application/vnd.ms-excel' })
    const result = await uploadToS3(upload, file, { fetch: fake.fetch })
    expect(result).toEqual({ status: 204, location: null, etag: '"abc"', requestId: 'S3REQ' })
    const [sent] = fake.requests
    expect(sent?.method).toBe('POST')
    expect(sent?.url.href).toBe('https://omnigage-example.s3-us-west-1.amazonaws.com/')
    expect(sent?.headers.get('x-amz-server-side-encryption')).toBe('AES256')
    expect(sent?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/)
    expect(await partsOf(sent?.request as Request)).toEqual([
      { name: 'acl', value: 'private' },
      { name: 'AWSAccessKeyId', value: 'AKIASCCH57' },
      { name: 'key', value: formKey },
      { name: 'policy', value: 'eyJleHBpcmF0aW9uIjogIjIwMjAifQ==' },
      { name: 'signature', value: 'XZHFYrd/AjmsGnUS1Bg=' },
      { name: 'Content-Type', value: 'text/csv' },
      // The file part carries the type from the name, not the browser's guess.
      { name: 'file', filename: 'contacts.csv', type: 'text/csv' },
    ])
    expect(sent?.body).toContain(csv)
  })

  it('streams a stream of known size with its Content-Length, in the same order', async () => {
    const fake = fakeFetch(s3Ok)
    const bytes = new TextEncoder().encode(csv)
    const stream = new Blob([bytes]).stream()
    await uploadToS3(upload, { stream, name: 'contacts.csv', size: bytes.byteLength }, { fetch: fake.fetch })
    const [sent] = fake.requests
    expect(sent?.headers.get('content-length')).toBe(String(new TextEncoder().encode(sent?.body).byteLength))
    expect(sent?.headers.get('x-amz-server-side-encryption')).toBe('AES256')
    const parts = await partsOf(sent?.request as Request)
    expect(parts.map((part) => part.name)).toEqual([
      'acl',
      'AWSAccessKeyId',
      'key',
      'policy',
      'signature',
      'Content-Type',
      'file',
    ])
    expect(parts.at(-1)).toEqual({ name: 'file', filename: 'contacts.csv', type: 'text/csv' })
    // A boundary of letters, digits and dashes needs no quotes in the header.
    expect(sent?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=[0-9A-Za-z-]+$/)
    const boundary = sent?.headers.get('content-type')?.split('boundary=')[1]
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    expect(sent?.body).toBe(
      field('acl', 'private') +
        field('AWSAccessKeyId', 'AKIASCCH57') +
        field('key', formKey) +
        field('policy', 'eyJleHBpcmF0aW9uIjogIjIwMjAifQ==') +
        field('signature', 'XZHFYrd/AjmsGnUS1Bg=') +
        field('Content-Type', 'text/csv') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contacts.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    )
  })

  it('refuses a stream that gives more bytes than its size says', async () => {
    const fake = fakeFetch(s3Ok)
    const stream = new Blob([csv]).stream()
    const error = await uploadToS3(upload, { stream, name: 'contacts.csv', size: 5 }, { fetch: fake.fetch }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect((error as Error).message).toMatch(/gave 4\d or more bytes, not the 5 its size says/)
  })

  it('refuses a file larger than max-length-in-bytes before posting anything', async () => {
    const fake = fakeFetch(s3Ok)
    const small = { ...upload, attributes: { ...upload.attributes, 'max-length-in-bytes': 10 } }
    await expect(uploadToS3(small, new File([csv], 'contacts.csv'), { fetch: fake.fetch })).rejects.toThrow(
      /takes at most 10; split the file/,
    )
    expect(fake.requests).toHaveLength(0)
  })
})

describe('uploadToS3: failures', () => {
  it("throws S3UploadError with S3's code, message and request id, and says what to do", async () => {
    const fake = fakeFetch(() => s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.'))
    const error = await uploadToS3(upload, new File([csv], 'contacts.csv'), { fetch: fake.fetch }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(S3UploadError)
    expect(error).toMatchObject({
      name: 'S3UploadError',
      status: 403,
      code: 'AccessDenied',
      s3Message: 'Invalid according to Policy: Policy expired.',
      requestId: 'REQ-1',
    })
    expect((error as Error).message).toBe(
      'S3 refused the file upload with 403 AccessDenied: Invalid according to Policy: Policy expired. The upload form lasts one hour: create a new upload and post the file again.',
    )
    expect(fake.requests).toHaveLength(1)
  })

  it('tells how to send the form when the signature does not match', async () => {
    const fake = fakeFetch(() =>
      s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match'),
    )
    await expect(uploadToS3(upload, new File([csv], 'a.csv'), { fetch: fake.fetch })).rejects.toThrow(
      /403 SignatureDoesNotMatch: .* post request-form-data exactly as createUpload gave it, in order/,
    )
  })

  it('retries a File on 503 and network errors (the same key again is harmless), building the body afresh', async () => {
    const fake = fakeFetch(
      () => s3Error(503, 'SlowDown', 'Please reduce your request rate.'),
      networkError('ECONNRESET'),
      s3Ok,
    )
    const result = await uploadToS3(upload, new File([csv], 'a.csv'), {
      fetch: fake.fetch,
      sleep: instantSleep().sleep,
    })
    expect(result.status).toBe(204)
    expect(fake.requests).toHaveLength(3)
    expect(fake.requests.every((sent) => sent.body.includes(csv))).toBe(true)
  })

  it('does not retry when told idempotent: false', async () => {
    const fake = fakeFetch(() => s3Error(503, 'SlowDown', 'Please reduce your request rate.'), s3Ok)
    const error = await uploadToS3(upload, new File([csv], 'a.csv'), {
      fetch: fake.fetch,
      sleep: instantSleep().sleep,
      idempotent: false,
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 503, code: 'SlowDown' })
    expect((error as Error).message).toMatch(/S3 failed or is busy/)
    expect(fake.requests).toHaveLength(1)
  })

  it('never retries a stream, which can be read only once', async () => {
    const fake = fakeFetch(networkError('ECONNRESET'), s3Ok)
    const stream = new Blob([csv]).stream()
    const { sleep, waits } = instantSleep()
    const error = await uploadToS3(
      upload,
      { stream, name: 'a.csv', size: csv.length },
      {
        fetch: fake.fetch,
        sleep,
        idempotent: true,
      },
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toMatch(
      /: ECONNRESET\. It was not retried because a POST may already have taken effect/,
    )
    expect(fake.requests).toHaveLength(1)
    expect(waits).toEqual([])
  })

  it('reports a failure without an error document by its status', async () => {
    const fake = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 400 }))
    await expect(uploadToS3(upload, new File([csv], 'a.csv'), { fetch: fake.fetch })).rejects.toThrow(
      'S3 refused the file upload with 400. Create a new upload and post the file again; if it keeps failing, quote the request id to Omnigage support.',
    )
  })
})

describe('readS3Error', () => {
  it('reads Code, Message and RequestId, decoding entities', () => {
    expect(
      readS3Error(
        '<Error><Code>InvalidArgument</Code><Message>Field &quot;a&quot; &amp; b &lt;x&gt;</Message><RequestId>R</RequestId></Error>',
      ),
    ).toEqual({ code: 'InvalidArgument', message: 'Field "a" & b <x>', requestId: 'R' })
    expect(readS3Error('not xml')).toEqual({})
  })
})
