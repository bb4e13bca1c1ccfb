/** An access key the simulator knows, as an IAM user's key pair. */
export interface S3Credentials {
  accessKeyId: string
  secretAccessKey: string
  /**
   * The buckets this key may upload to; a valid form for another bucket is refused with 403
   * AccessDenied. Default: every bucket.
   */
  buckets?: string[]
}

/** The documented sandbox key: signs the forms of the simulator's own tests, docs and `presignPost`. */
export const sandboxCredentials: Readonly<S3Credentials> = Object.freeze({
  accessKeyId: 'AKIACONTACTKITSANDBOX',
  secretAccessKey: 'contactkit-sandbox-secret-access-key',
})

/** The bucket every simulator has: uploads without a bucket in the path or host name land here. */
export const defaultBucket = 'contactkit-uploads'

/**
 * The simulator's access keys: the configured ones and any seeded since the last reset.
 *
 * @example
 * const keys = new CredentialStore([sandboxCredentials])
 * keys.find('AKIACONTACTKITSANDBOX')?.secretAccessKey
 */
export class CredentialStore {
  readonly #configured: readonly S3Credentials[]
  readonly #byId = new Map<string, S3Credentials>()

  constructor(configured: readonly S3Credentials[]) {
    this.#configured = configured.map(checkAccessKey)
    this.reset()
  }

  find(accessKeyId: string): S3Credentials | undefined {
    return this.#byId.get(accessKeyId)
  }

  /** Adds a key, or replaces the one with the same id. */
  add(credentials: S3Credentials): void {
    const checked = checkAccessKey(credentials)
    this.#byId.set(checked.accessKeyId, checked)
  }

  list(): S3Credentials[] {
    return [...this.#byId.values()]
  }

  /** Whether the key may upload to the bucket. */
  allows(credentials: S3Credentials, bucket: string): boolean {
    return credentials.buckets === undefined || credentials.buckets.includes(bucket)
  }

  reset(): void {
    this.#byId.clear()
    for (const credentials of this.#configured) {
      this.#byId.set(credentials.accessKeyId, credentials)
    }
  }
}

/**
 * Checks an access key's shape; throws a RangeError saying what to fix.
 *
 * @example
 * checkAccessKey({ accessKeyId: 'AKIA1', secretAccessKey: '' }) // throws: give its "secretAccessKey"…
 */
export function checkAccessKey(credentials: S3Credentials): S3Credentials {
  const { accessKeyId, secretAccessKey, buckets } = credentials ?? {}
  if (typeof accessKeyId !== 'string' || !/^[A-Za-z0-9]{3,128}$/.test(accessKeyId)) {
    throw new RangeError(
      `Failed to add the access key ${JSON.stringify(accessKeyId)}: an access key id is 3 to 128 letters and digits.`,
    )
  }
  if (typeof secretAccessKey !== 'string' || secretAccessKey.length === 0) {
    throw new RangeError(
      `Failed to add the access key ${accessKeyId}: give its "secretAccessKey" as a non-empty string.`,
    )
  }
  if (buckets !== undefined && !(Array.isArray(buckets) && buckets.every((bucket) => typeof bucket === 'string'))) {
    throw new RangeError(`Failed to add the access key ${accessKeyId}: "buckets" must be a list of bucket names.`)
  }
  return { accessKeyId, secretAccessKey, ...(buckets ? { buckets: [...buckets] } : {}) }
}
