import type { Clock } from '../core/clock.js'
import { digest, toHex } from '../core/kit/hashes.js'

const dayMs = 24 * 60 * 60 * 1000

/** A lifecycle rule that deletes objects some days after their upload, as S3 rounds it. */
export interface ExpirationRule {
  /** Days after the upload; S3 deletes at the next midnight UTC after that. */
  expireAfterDays: number
  /** The rule's name, shown in `x-amz-expiration`. */
  ruleId: string
}

/** A bucket the simulator knows. */
export interface BucketConfig {
  name: string
  /** Shown in the admin view; not compared with the signing region. Default `us-east-1`. */
  region?: string
  /** Objects disappear (on the clock) once the rule says so. Default: they stay. */
  lifecycle?: ExpirationRule
}

/** An uploaded object, as the store keeps it. */
export interface StoredObject {
  bucket: string
  key: string
  /** The file's bytes, exactly as uploaded. */
  bytes: Uint8Array
  /** The form's `Content-Type` field, else `binary/octet-stream`. */
  contentType: string
  /** The quoted lower-case hex MD5 of the bytes, as S3 answers it for a single POST. */
  etag: string
  size: number
  /** Clock time of the upload, epoch milliseconds. */
  uploadedAt: number
  /** `x-amz-meta-*` fields, names lower-cased without the prefix. */
  metadata: Record<string, string>
  /** Other stored headers from the form: `Cache-Control`, `Content-Disposition`, `Content-Encoding`, `Expires`, `acl`. */
  headers: Record<string, string>
  /** The file name the client gave, if any. */
  filename?: string
  /** When a lifecycle rule deletes it (epoch ms), if the bucket has one. */
  expiresAt?: number
}

/** An object as the admin view and `list()` show it: everything but the bytes. */
export type ObjectSummary = Omit<StoredObject, 'bytes'>

interface Bucket {
  config: BucketConfig
  objects: Map<string, StoredObject>
}

/**
 * The simulator's buckets and their objects, in memory. Reads follow the clock: an object past its
 * bucket's lifecycle expiry is gone. Other simulators of a set read uploads in-process through
 * `get` and `list`.
 *
 * @example
 * const store = new BucketStore(clock, [{ name: 'contactkit-uploads' }])
 * store.get('contactkit-uploads', 'uploads/contacts.csv')?.bytes
 */
export class BucketStore {
  readonly #clock: Clock
  readonly #configured: readonly BucketConfig[]
  readonly #buckets = new Map<string, Bucket>()

  constructor(clock: Clock, configured: readonly BucketConfig[]) {
    this.#clock = clock
    this.#configured = configured.map((config) => checkBucket(config))
    this.reset()
  }

  /** Whether the bucket exists. */
  has(bucket: string): boolean {
    return this.#buckets.has(bucket)
  }

  /** The bucket's configuration, or undefined when there is no such bucket. */
  bucket(bucket: string): BucketConfig | undefined {
    return this.#buckets.get(bucket)?.config
  }

  /** Every bucket's configuration, in creation order. */
  buckets(): BucketConfig[] {
    return [...this.#buckets.values()].map((bucket) => bucket.config)
  }

  /** Creates a bucket (or keeps the one of that name, with the new configuration). */
  create(config: BucketConfig): BucketConfig {
    const checked = checkBucket(config)
    const existing = this.#buckets.get(checked.name)
    this.#buckets.set(checked.name, { config: checked, objects: existing?.objects ?? new Map() })
    return checked
  }

  /**
   * Stores an object, replacing any under the same key; its lifecycle expiry follows the bucket's rule.
   *
   * @example
   * store.put({ bucket, key, bytes, contentType: 'text/csv', etag, metadata: {}, headers: {} })
   */
  put(object: Omit<StoredObject, 'size' | 'uploadedAt' | 'expiresAt'>): StoredObject {
    const bucket = this.#buckets.get(object.bucket)
    if (!bucket) {
      throw new RangeError(`Failed to store ${object.key}: there is no bucket ${object.bucket}; create it first.`)
    }
    const uploadedAt = this.#clock.now()
    const rule = bucket.config.lifecycle
    const stored: StoredObject = {
      ...object,
      size: object.bytes.byteLength,
      uploadedAt,
      ...(rule ? { expiresAt: expiryOf(uploadedAt, rule) } : {}),
    }
    bucket.objects.set(object.key, stored)
    return stored
  }

  /**
   * The object under a key, or undefined when there is none (or its bucket's lifecycle rule has
   * deleted it by the clock's time).
   *
   * @example
   * const upload = store.get('contactkit-uploads', 'uploads/1f0e…/contacts.csv')
   * new TextDecoder().decode(upload?.bytes)
   */
  get(bucket: string, key: string): StoredObject | undefined {
    const object = this.#buckets.get(bucket)?.objects.get(key)
    return object && this.#alive(object) ? object : undefined
  }

  /**
   * Objects without their bytes, sorted by bucket and key; of one bucket when named.
   *
   * @example
   * store.list('contactkit-uploads').map((object) => object.key)
   */
  list(bucket?: string): ObjectSummary[] {
    const buckets = bucket === undefined ? [...this.#buckets.values()] : [this.#buckets.get(bucket)].filter(Boolean)
    return (buckets as Bucket[])
      .flatMap((entry) => [...entry.objects.values()])
      .filter((object) => this.#alive(object))
      .sort((a, b) => (a.bucket === b.bucket ? compare(a.key, b.key) : compare(a.bucket, b.bucket)))
      .map(({ bytes: _bytes, ...summary }) => summary)
  }

  /** Deletes an object; true when there was one. */
  delete(bucket: string, key: string): boolean {
    return this.#buckets.get(bucket)?.objects.delete(key) ?? false
  }

  /** Forgets every object and every bucket but the configured ones. */
  reset(): void {
    this.#buckets.clear()
    for (const config of this.#configured) {
      this.#buckets.set(config.name, { config, objects: new Map() })
    }
  }

  #alive(object: StoredObject): boolean {
    return object.expiresAt === undefined || this.#clock.now() < object.expiresAt
  }
}

/**
 * When a lifecycle rule deletes an object: its upload time plus the rule's days, rounded up to the
 * next midnight UTC, as S3 computes it.
 *
 * @example
 * expiryOf(Date.parse('2026-01-01T22:29:08Z'), { expireAfterDays: 1, ruleId: 'r' }) // 2026-01-03T00:00:00Z
 */
export function expiryOf(uploadedAt: number, rule: ExpirationRule): number {
  return (Math.floor((uploadedAt + rule.expireAfterDays * dayMs) / dayMs) + 1) * dayMs
}

const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/**
 * Checks a bucket's configuration, with S3's naming rules; throws a RangeError saying what to fix.
 *
 * @example
 * checkBucket({ name: 'Uploads' }) // throws: a bucket name is 3 to 63 lower-case letters…
 */
export function checkBucket(config: BucketConfig): BucketConfig {
  if (typeof config?.name !== 'string' || !bucketName.test(config.name) || config.name.includes('..')) {
    throw new RangeError(
      `Failed to create bucket ${JSON.stringify(config?.name)}: a bucket name is 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.`,
    )
  }
  const rule = config.lifecycle
  if (rule !== undefined && !(Number.isInteger(rule.expireAfterDays) && rule.expireAfterDays >= 1 && rule.ruleId)) {
    throw new RangeError(
      `Failed to create bucket ${config.name}: a lifecycle rule needs "expireAfterDays" (a whole number of days, 1 or more) and a "ruleId".`,
    )
  }
  return { name: config.name, region: config.region ?? 'us-east-1', ...(rule ? { lifecycle: { ...rule } } : {}) }
}

/**
 * The ETag S3 gives an object uploaded in one request: the MD5 of its bytes in lower-case hex,
 * in double quotes.
 *
 * @example
 * md5ETag(new TextEncoder().encode('hello')) // '"5d41402abc4b2a76b9719d911017c592"'
 */
export function md5ETag(bytes: Uint8Array): string {
  return `"${toHex(digest('md5', bytes))}"`
}

/** Orders two different names (keys are unique in a bucket, and equal buckets compare by key). */
function compare(a: string, b: string): number {
  return a < b ? -1 : 1
}
