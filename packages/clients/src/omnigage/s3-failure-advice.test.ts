import { describe, expect, it } from 'vitest'
import { fakeFetch } from '../testing/fake-fetch.js'
import { testUpload } from '../testing/omnigage-upload.js'
import { UnsupportedFileError } from './file-source.js'
import { readS3Error, S3UploadError, uploadToS3 } from './s3-upload.js'

// What S3UploadError tells the user to do, code by code, and what it says when S3's answer
// cannot be read at all; and a stream that ends before its size.

const upload = testUpload()

const s3Error = (status: number, code: string, message?: string) =>
  new Response(`<Error><Code>${code}</Code>${message === undefined ? '' : `<Message>${message}</Message>`}</Error>`, {
    status,
    headers: { 'Content-Type': 'application/xml' },
  })

async function failureOf(answer: () => Response): Promise<S3UploadError> {
  const fake = fakeFetch(answer)
  const error = await uploadToS3(upload, new File(['a,b\n'], 'a.csv'), { fetch: fake.fetch, idempotent: false }).catch(
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(S3UploadError)
  return error as S3UploadError
}

describe('S3UploadError advice', () => {
  it.each([
    [
      'EntityTooLarge',
      400,
      'The file is larger than the upload takes (max-length-in-bytes): split it and import each part.',
    ],
    ['EntityTooSmall', 400, 'The file is smaller than the upload takes: check that the file is not empty.'],
    ['PreconditionFailed', 412, 'S3 takes only a multipart/form-data POST: send the form as uploadToS3 builds it.'],
    [
      'NoSuchBucket',
      404,
      "The upload's request-url names a bucket that does not exist: create a new upload, and tell Omnigage support if it persists.",
    ],
    ['ExpiredToken', 400, 'Create a new upload and post the file again.'],
    ['RequestTimeout', 400, 'Create a new upload and post the file again.'],
  ])('for %s (%i) says what to do', async (code, status, advice) => {
    const error = await failureOf(() => s3Error(status, code, 'S3 said so.'))
    expect(error.message).toBe(`S3 refused the file upload with ${status} ${code}: S3 said so. ${advice}`)
  })

  it('gives the code alone when S3 gave no message, and a denial without one is not an expiry', async () => {
    const error = await failureOf(() => s3Error(403, 'AccessDenied'))
    expect(error.message).toBe(
      'S3 refused the file upload with 403 AccessDenied. The form was changed or sent out of order: post request-form-data exactly as createUpload gave it, in order, then Content-Type, then the file last; if it still fails, create a new upload.',
    )
    expect(error.s3Message).toBeUndefined()
  })

  it.each([
    ['InvalidArgument', 400],
    ['InvalidPolicyDocument', 400],
  ])('for %s (%i) tells how to send the form', async (code, status) => {
    const error = await failureOf(() => s3Error(status, code, 'Bad form'))
    expect(error.message).toBe(
      `S3 refused the file upload with ${status} ${code}: Bad form. The form was changed or sent out of order: post request-form-data exactly as createUpload gave it, in order, then Content-Type, then the file last; if it still fails, create a new upload.`,
    )
  })

  it('gives the expiry advice to an AccessDenied alone', async () => {
    const error = await failureOf(() => s3Error(400, 'ExpiredToken', 'The provided token has expired.'))
    expect(error.message).toBe(
      'S3 refused the file upload with 400 ExpiredToken: The provided token has expired. Create a new upload and post the file again.',
    )
  })

  it("reads an expiry in any case, and drops every full stop that ends S3's sentence", async () => {
    const error = await failureOf(() => s3Error(403, 'AccessDenied', 'Request has Expired...'))
    expect(error.message).toBe(
      'S3 refused the file upload with 403 AccessDenied: Request has Expired. The upload form lasts one hour: create a new upload and post the file again.',
    )
    expect(error.s3Message).toBe('Request has Expired...')
  })

  it.each([
    [429, 'S3 failed or is busy: wait a moment'],
    [500, 'S3 failed or is busy: wait a moment'],
    [499, 'Create a new upload and post the file again; if it keeps failing'],
  ])('without a known code, a %i says %s', async (status, advice) => {
    const error = await failureOf(() => new Response('', { status }))
    expect(error.message).toContain(`S3 refused the file upload with ${status}. ${advice}`)
  })

  it('reports an answer whose body breaks off by its status, with an empty body', async () => {
    const broken = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new Error('connection reset'))
          },
        }),
        { status: 500, headers: { 'x-amz-request-id': 'REQ-9' } },
      )
    const error = await failureOf(broken)
    expect(error.status).toBe(500)
    expect(error.body).toBe('')
    expect(error.requestId).toBe('REQ-9')
    expect(error.message).toMatch(/^S3 refused the file upload with 500\. S3 failed or is busy/)
  })
})

describe('uploadToS3 with a stream', () => {
  it('refuses a stream that ends before its size, saying how many bytes it gave', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 204 }))
    const stream = new Blob(['a,b\n']).stream()
    const error = await uploadToS3(upload, { stream, name: 'a.csv', size: 10 }, { fetch: fake.fetch }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect((error as Error).message).toBe(
      'Cannot post "a.csv": the stream gave 4 bytes, not the 10 its size says; give the right size, or none to have it counted.',
    )
  })
})

describe('readS3Error, untidy documents', () => {
  it('trims each element and leaves out the empty ones', () => {
    expect(
      readS3Error('<Error><Code>\n  SlowDown \n</Code><Message></Message><RequestId> </RequestId></Error>'),
    ).toStrictEqual({ code: 'SlowDown' })
    expect(
      readS3Error('<Error><Code></Code><Message> Busy. </Message><RequestId>R-2</RequestId></Error>'),
    ).toStrictEqual({
      message: 'Busy.',
      requestId: 'R-2',
    })
  })

  it('decodes numeric entities in hex of either case and in decimal, and &amp; last', () => {
    expect(
      readS3Error('<Error><Message>&#x4a;&#X4B;&#76; &amp;lt;b&amp;gt; &apos;q&apos;</Message></Error>'),
    ).toStrictEqual({
      message: "JKL &lt;b&gt; 'q'",
    })
  })

  it("takes the header's request id when the document's is empty", async () => {
    const error = await failureOf(
      () =>
        new Response('<Error><Code>SlowDown</Code><RequestId></RequestId></Error>', {
          status: 503,
          headers: { 'x-amz-request-id': 'HDR-1' },
        }),
    )
    expect(error.requestId).toBe('HDR-1')
    expect(error.code).toBe('SlowDown')
  })
})
