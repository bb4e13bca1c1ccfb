import { createHash, createHmac } from 'node:crypto'

/** A policy document as a form carries it (base64 of its JSON). */
export interface Policy {
  expiration: string
  conditions: unknown[]
}

/** Who signs, and where: the access key, and for Signature V4 the region and signing time. */
export interface Signer {
  accessKeyId: string
  secretAccessKey: string
  region: string
}

/**
 * The base64 `policy` field for a document, written as given (a string is sent as it is, so a
 * test can send JSON that is not a policy).
 *
 * @example
 * encodePolicy({ expiration: '2026-03-01T13:00:00Z', conditions: [{ bucket: 'b' }] })
 */
export function encodePolicy(policy: Policy | string): string {
  return Buffer.from(typeof policy === 'string' ? policy : JSON.stringify(policy)).toString('base64')
}

/**
 * The fields of a Signature V2 form (HMAC-SHA1 over the base64 policy, as AWS documents it),
 * written here from the documentation rather than taken from the simulator's own signer.
 *
 * @example
 * const fields = signV2(signer, policy, { key: 'a.csv' })
 */
export function signV2(
  signer: Signer,
  policy: Policy | string,
  fields: Record<string, string>,
): Record<string, string> {
  const encoded = encodePolicy(policy)
  return {
    ...fields,
    AWSAccessKeyId: signer.accessKeyId,
    policy: encoded,
    signature: createHmac('sha1', signer.secretAccessKey).update(encoded).digest('base64'),
  }
}

/** `X-Amz-Date` for a time: `20260301T120000Z`. */
export function amzDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/**
 * The `X-Amz-*` fields of a Signature V4 form signed at a time; the policy must carry them as
 * conditions, so they come before it is signed: `v4Fields` then `signV4`.
 *
 * @example
 * const scope = v4Fields(signer, now)
 * const fields = signV4(signer, { expiration, conditions: [...exact(scope), …] }, { ...scope, key })
 */
export function v4Fields(signer: Signer, signedAt: number): Record<string, string> {
  const date = amzDate(signedAt)
  return {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${signer.accessKeyId}/${date.slice(0, 8)}/${signer.region}/s3/aws4_request`,
    'X-Amz-Date': date,
  }
}

/**
 * Signs a Signature V4 form: `Policy` and `X-Amz-Signature` = hex(HMAC-SHA256(signing key, policy)),
 * the signing key derived from the secret, the day of `X-Amz-Date`, the region and `s3`.
 *
 * @example
 * const fields = signV4(signer, policy, { ...v4Fields(signer, now), key: 'a.csv' })
 */
export function signV4(
  signer: Signer,
  policy: Policy | string,
  fields: Record<string, string>,
): Record<string, string> {
  const encoded = encodePolicy(policy)
  const day = (fields['X-Amz-Date'] ?? '').slice(0, 8)
  const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest()
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${signer.secretAccessKey}`, day), signer.region), 's3'), 'aws4_request')
  return {
    ...fields,
    Policy: encoded,
    'X-Amz-Signature': createHmac('sha256', signingKey).update(encoded).digest('hex'),
  }
}

/** Exact-match conditions for fields: `[{ name: value }, …]`. */
export function exact(fields: Record<string, string>): Record<string, string>[] {
  return Object.entries(fields).map(([name, value]) => ({ [name]: value }))
}

/** An ISO expiration some seconds from a time. */
export function expiresIn(now: number, seconds: number): string {
  return new Date(now + seconds * 1000).toISOString()
}

/** The ETag S3 gives a single-request upload: the MD5 of the bytes, in lower-case hex, quoted. */
export function md5ETag(bytes: string | Uint8Array): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`
}

/** A key as S3 writes it in `Location`: everything but letters, digits and `-_.~` percent-encoded. */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * A browser's form: the fields in order, then the file, then fields after it.
 *
 * @example
 * const body = formData(fields, { name: 'people.csv', content: 'a,b\n' })
 */
export function formData(
  fields: Record<string, string> | [string, string][],
  file: { name: string; content: string | Uint8Array; type?: string } | null,
  after: [string, string][] = [],
): FormData {
  const form = new FormData()
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) {
    form.append(name, value)
  }
  if (file) {
    form.append('file', new File([file.content as BlobPart], file.name, { type: file.type ?? '' }))
  }
  for (const [name, value] of after) {
    form.append(name, value)
  }
  return form
}

const encoder = new TextEncoder()

/**
 * A form as .NET's `MultipartFormDataContent` writes it, byte for byte: a quoted boundary with
 * spaces, `/` and `:`; `Content-Type: text/plain; charset=utf-8` before the disposition of every
 * text part; names unquoted; the file part's Content-Type `multipart/form-data`, and its name as
 * `filename` and `filename*=utf-8''…`.
 *
 * @example
 * const { body, contentType } = dotnetMultipart(fields, { name: 'you have mail.csv', content: 'a,b\n' })
 */
export function dotnetMultipart(
  fields: Record<string, string>,
  file: { name: string; content: string },
): { body: Uint8Array; contentType: string } {
  const boundary = 'Upload----25/11/2026 18:10:14'
  let text = ''
  for (const [name, value] of Object.entries(fields)) {
    text += `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=${name}\r\n\r\n${value}\r\n`
  }
  const quoted = /^[!#$%&'*+.^\w`|~-]+$/.test(file.name) ? file.name : `"${file.name}"`
  text += `--${boundary}\r\nContent-Type: multipart/form-data\r\nContent-Disposition: form-data; name=file; filename=${quoted}; filename*=utf-8''${encodeURIComponent(file.name)}\r\n\r\n${file.content}\r\n`
  text += `--${boundary}--\r\n`
  return { body: encoder.encode(text), contentType: `multipart/form-data; boundary="${boundary}"` }
}

/**
 * A form whose file is generated as it is pulled, never held: `fileBytes` of `x`, in 64 KiB chunks,
 * counting what was pulled, for tests that a large upload is refused without being read.
 *
 * @example
 * const upload = streamedUpload(fields, 64 * 1024 ** 2)
 * await fetch(url, { method: 'POST', body: upload.stream, headers: { 'Content-Type': upload.contentType }, duplex: 'half' })
 */
export function streamedUpload(
  fields: Record<string, string>,
  fileBytes: number,
): { stream: ReadableStream<Uint8Array>; contentType: string; pulledBytes(): number } {
  const boundary = 'contactkit-streamed-upload'
  let head = ''
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`
  const chunk = new Uint8Array(64 * 1024).fill(120)
  let sent = 0
  let started = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(head))
        return
      }
      if (sent < fileBytes) {
        const size = Math.min(chunk.byteLength, fileBytes - sent)
        sent += size
        controller.enqueue(chunk.slice(0, size))
        return
      }
      controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`))
      controller.close()
    },
  })
  return { stream, contentType: `multipart/form-data; boundary=${boundary}`, pulledBytes: () => sent }
}
