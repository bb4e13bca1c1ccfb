import type { Clock } from '../core/clock.js'
import { httpDate } from '../core/time-format.js'
import type { StoredObject } from '../s3/buckets.js'
import type { S3Simulator } from '../s3/index.js'
import type { PolicyCondition } from '../s3/policy.js'
import type { IdSource } from './ids.js'

/** The largest file an upload form takes: 5 GiB and a little, as the vendor's forms say. */
export const maxUploadBytes = 5368724480
const formLifetimeMs = 60 * 60 * 1000

/** An upload: the file it announced and the S3 form made for it. */
export interface Upload {
  readonly id: string
  readonly name: string
  readonly type: string
  readonly size: number
  readonly bucket: string
  /** `uploads/<32 hex>/`: the form allows any key under it (`${filename}`). */
  readonly keyPrefix: string
  readonly createdAt: number
  readonly expiresAt: number
  readonly requestUrl: string
  /** The form's fields, in the order to send them. */
  readonly formData: readonly (readonly [string, string])[]
}

/**
 * Creates an upload: a Signature V2 form for the S3 simulator, with the vendor's policy (`acl`
 * private, the bucket, `starts-with $key uploads/<hex>/`, `starts-with $Content-Type ""`, and a
 * `content-length-range` up to 5 GiB), valid for an hour.
 *
 * @example
 * const upload = await createUpload({ name: 'import-5.xlsx', type, size: 37482 }, { s3, ids, clock })
 * upload.formData.map(([name]) => name) // ['acl', 'AWSAccessKeyId', 'key', 'policy', 'signature']
 */
export async function createUpload(
  file: { name: string; type: string; size: number },
  context: { s3: S3Simulator; ids: IdSource; clock: Clock },
): Promise<Upload> {
  const { s3, ids, clock } = context
  const id = ids.next()
  const keyPrefix = `uploads/${ids.hex()}/`
  const createdAt = clock.now()
  // The vendor's expires-at and policy expiration are whole seconds (23:29:08 and 23:29:08.000Z).
  const expiresAt = Math.floor((createdAt + formLifetimeMs) / 1000) * 1000
  const form = await s3.presignPost({
    key: `${keyPrefix}\${filename}`,
    signatureVersion: 'v2',
    expiresAt,
    fields: { acl: 'private' },
    conditions: [
      ['starts-with', '$Content-Type', ''],
      ['content-length-range', 0, maxUploadBytes],
    ],
  })
  return {
    id,
    name: file.name,
    type: file.type,
    size: file.size,
    bucket: bucketOf(form.policy.conditions),
    keyPrefix,
    createdAt,
    expiresAt,
    requestUrl: form.url,
    formData: Object.entries(form.fields),
  }
}

/**
 * The file posted with an upload's form: the latest object under its key prefix, or undefined
 * before the file has been posted (or once S3 has expired it).
 *
 * @example
 * const object = uploadedObject(upload, s3)
 */
export function uploadedObject(upload: Upload, s3: S3Simulator): StoredObject | undefined {
  const bucket = upload.bucket
  let latest: { key: string; uploadedAt: number } | undefined
  for (const summary of s3.objects.list(bucket)) {
    if (summary.key.startsWith(upload.keyPrefix) && (!latest || summary.uploadedAt >= latest.uploadedAt)) {
      latest = summary
    }
  }
  return latest ? s3.objects.get(bucket, latest.key) : undefined
}

/**
 * The upload's JSON:API document, in the vendor's attribute order.
 *
 * @example
 * return c.json(uploadDocument(upload), 201)
 */
export function uploadDocument(upload: Upload) {
  return {
    data: {
      type: 'uploads',
      id: upload.id,
      attributes: {
        'expires-at': httpDate(upload.expiresAt),
        'max-length-in-bytes': maxUploadBytes,
        'request-url': upload.requestUrl,
        'request-method': 'post',
        'request-headers': [{ 'x-amz-server-side-encryption': 'AES256' }],
        'request-form-data': upload.formData.map(([name, value]) => ({ [name]: value })),
      },
    },
  }
}

// The bucket the form was signed for, from its policy's `{"bucket": …}` condition, which the S3
// simulator always writes.
function bucketOf(conditions: readonly PolicyCondition[]): string {
  return (conditions.find((condition) => 'bucket' in condition) as { bucket: string }).bucket
}
