import { type JsonSchema, seedFailure, seedSchema } from '../core/kit/seed-schema.js'
import type { VendorState } from '../core/simulator.js'
import { isoMillis } from '../core/time-format.js'
import { type BucketConfig, type BucketStore, checkBucket, md5ETag, type StoredObject } from './buckets.js'
import { type CredentialStore, checkAccessKey, type S3Credentials } from './credentials.js'

/** An object to put in a bucket from `POST /__admin/state`: its bytes as text, or as base64 (what snapshots write). */
export interface SeedObject {
  bucket: string
  key: string
  body?: string
  bodyBase64?: string
  contentType?: string
  metadata?: Record<string, string>
}

/** What `POST /__admin/state` takes: more buckets, more access keys, objects. */
export interface S3Seed {
  buckets?: BucketConfig[]
  credentials?: S3Credentials[]
  objects?: SeedObject[]
}

/** The seed's JSON Schema; bucket names and access keys are then checked as configured ones are. */
export const s3SeedSchema: JsonSchema = {
  description: 'an object with "buckets", "credentials" or "objects"',
  type: 'object',
  additionalProperties: false,
  properties: {
    buckets: { type: 'array', items: { type: 'object', required: ['name'] } },
    credentials: { type: 'array', items: { type: 'object', required: ['accessKeyId', 'secretAccessKey'] } },
    objects: {
      type: 'array',
      items: {
        description: 'an object with a "bucket", a "key" and either a "body" or a "bodyBase64" string',
        // No `type: 'object'`: the oneOf refuses anything else already (a `required` holds for a
        // value that is not an object, so both branches would match), in the same words.
        required: ['bucket', 'key'],
        properties: {
          bucket: { type: 'string' },
          key: { type: 'string', minLength: 1 },
          body: { type: 'string' },
          bodyBase64: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$', description: 'base64' },
          contentType: { type: 'string' },
          metadata: { type: 'object', additionalProperties: { type: 'string' } },
        },
        oneOf: [{ required: ['body'] }, { required: ['bodyBase64'] }],
      },
    },
  },
}

const checkShape = seedSchema<S3Seed>({ title: 'S3', schema: s3SeedSchema })

/**
 * The admin view of an S3 simulator (`/__admin/state`): inspect buckets and their objects (never
 * bytes) and the access key ids (never secrets); seed buckets, keys and objects, checked whole
 * first so that one bad part changes nothing; reset to the configured buckets and keys.
 *
 * @example
 * state.seed({ buckets: [{ name: 'imports' }], objects: [{ bucket: 'imports', key: 'a.csv', body: 'a,b' }] })
 */
export function createS3State(buckets: BucketStore, credentials: CredentialStore): VendorState {
  // What the simulator was created with; a snapshot holds what came after.
  const configuredBuckets = new Set(buckets.buckets().map((bucket) => bucket.name))
  const configuredKeys = new Set(credentials.list().map((key) => key.accessKeyId))
  return {
    inspect() {
      return {
        buckets: buckets.buckets().map((bucket) => ({
          ...bucket,
          objects: buckets.list(bucket.name).map(({ bucket: _bucket, uploadedAt, expiresAt, ...object }) => ({
            ...object,
            uploadedAt: isoMillis(uploadedAt),
            ...(expiresAt === undefined ? {} : { expiresAt: isoMillis(expiresAt) }),
          })),
        })),
        credentials: credentials.list().map((key) => ({
          accessKeyId: key.accessKeyId,
          buckets: key.buckets ?? 'all',
        })),
      }
    },

    seed(input) {
      const seed = checkSeed(input, buckets)
      for (const bucket of seed.buckets ?? []) {
        buckets.create(bucket)
      }
      for (const key of seed.credentials ?? []) {
        credentials.add(key)
      }
      const objects = (seed.objects ?? []).map((object) => {
        const bytes =
          object.bodyBase64 === undefined
            ? new TextEncoder().encode(object.body)
            : Uint8Array.from(atob(object.bodyBase64), (char) => char.charCodeAt(0))
        return buckets.put({
          bucket: object.bucket,
          key: object.key,
          bytes,
          contentType: object.contentType ?? 'binary/octet-stream',
          etag: md5ETag(bytes),
          metadata: { ...object.metadata },
          headers: {},
        })
      })
      return {
        buckets: (seed.buckets ?? []).map((bucket) => bucket.name),
        credentials: (seed.credentials ?? []).map((key) => key.accessKeyId),
        objects: objects.map((object) => ({ bucket: object.bucket, key: object.key, etag: object.etag })),
      }
    },

    reset() {
      buckets.reset()
      credentials.reset()
    },

    /** Seeded buckets and keys (secrets included: a snapshot must restore them) and every object, base64. */
    snapshot(): S3Seed {
      return {
        buckets: buckets.buckets().filter((bucket) => !configuredBuckets.has(bucket.name)),
        credentials: credentials.list().filter((key) => !configuredKeys.has(key.accessKeyId)),
        objects: buckets.list().map((summary) => {
          // Listed a moment ago on the same clock, so still there.
          const object = buckets.get(summary.bucket, summary.key) as StoredObject
          let binary = ''
          for (const byte of object.bytes) {
            binary += String.fromCharCode(byte)
          }
          return {
            bucket: summary.bucket,
            key: summary.key,
            bodyBase64: btoa(binary),
            contentType: summary.contentType,
            ...(Object.keys(summary.metadata).length > 0 ? { metadata: summary.metadata } : {}),
          }
        }),
      }
    },
  }
}

function checkSeed(input: unknown, buckets: BucketStore): S3Seed {
  const seed = checkShape(input)
  const fail = (why: string): never => {
    throw seedFailure('S3', why)
  }
  const named = new Set(buckets.buckets().map((bucket) => bucket.name))
  for (const [index, bucket] of (seed.buckets ?? []).entries()) {
    named.add(checked(`buckets[${index}]`, () => checkBucket(bucket)).name)
  }
  for (const [index, key] of (seed.credentials ?? []).entries()) {
    checked(`credentials[${index}]`, () => checkAccessKey(key))
  }
  for (const [index, object] of (seed.objects ?? []).entries()) {
    if (!named.has(object.bucket)) {
      fail(
        `objects[${index}]: there is no bucket ${JSON.stringify(object.bucket)} for ${object.key}; add it under "buckets"`,
      )
    }
  }
  return seed

  function checked<T>(where: string, check: () => T): T {
    try {
      return check()
    } catch (error) {
      return fail(`${where}: ${(error as Error).message.replace('Failed to ', 'failed to ')}`)
    }
  }
}
