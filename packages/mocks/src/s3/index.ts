import { s3Document } from '@contactkit/specs/s3'
import { defineVendor } from '../core/registry.js'
import { createSimulator, type Simulator, type SimulatorOptions } from '../core/simulator.js'
import { ownUrl, resolveOptions } from '../core/simulator-options.js'
import { type BucketConfig, BucketStore, type ObjectSummary, type StoredObject } from './buckets.js'
import { CredentialStore, defaultBucket, type S3Credentials, sandboxCredentials } from './credentials.js'
import { s3ErrorResponder } from './errors.js'
import { maxPostObjectBytes } from './post-checks.js'
import { type PresignedPost, type PresignPostInput, presignPost } from './presign.js'
import { s3Routes } from './routes.js'
import { createS3State } from './state.js'

export interface S3SimulatorOptions extends SimulatorOptions {
  /** The buckets there are. Default: `contactkit-uploads` alone. */
  buckets?: BucketConfig[]
  /** The access keys forms may be signed with. Default: the sandbox key. */
  credentials?: S3Credentials[]
  /** Where `POST /` goes when the host name names no bucket. Default: the first bucket. */
  defaultBucket?: string
}

/** What `sim.presignPost` needs: the key and the signature version; the rest has defaults. */
export type SimulatorPresignInput = Omit<PresignPostInput, 'bucket' | 'credentials' | 'expiresAt' | 'signedAt'> &
  Partial<Pick<PresignPostInput, 'bucket' | 'credentials' | 'expiresAt' | 'signedAt'>>

/** A presigned POST form with the URL to post it to. */
export interface SimulatorPresignedPost extends PresignedPost {
  url: string
}

/** An S3 simulator: the shared controls plus its buckets, its keys and the forms it accepts. */
export interface S3Simulator extends Simulator {
  /** Uploaded objects, read in-process (by the Omnigage simulator, by tests). */
  readonly objects: {
    get(bucket: string, key: string): StoredObject | undefined
    list(bucket?: string): ObjectSummary[]
  }
  readonly buckets: BucketStore
  readonly credentials: CredentialStore
  /**
   * A presigned POST form for this simulator, and the URL to post it to. Defaults: the default
   * bucket, the sandbox key, signed now on the simulator clock, valid for an hour.
   */
  presignPost(input: SimulatorPresignInput): Promise<SimulatorPresignedPost>
  /** Where forms for a bucket are posted: the simulator's URL, path-style, with a trailing `/`. */
  bucketUrl(bucket?: string): string
}

const defaultPort = 4040
const formLifetimeMs = 60 * 60 * 1000
// The largest POST S3 takes (5 GiB of file) and room for the form around it; the file's own limit is the policy's.
const bodyLimitBytes = maxPostObjectBytes + 1024 * 1024

/**
 * Creates a stateful S3 simulator of browser-based (presigned POST) uploads. Serve `app` with
 * `serve()`, call it in-process with `app.request()`, or hand it to MSW with `createMswHandlers()`.
 *
 * @example
 * const sim = createS3Simulator({ clock: manualClock() })
 * const { url, fields } = await sim.presignPost({ key: 'uploads/${filename}', signatureVersion: 'v4' })
 * const form = new FormData()
 * for (const [name, value] of Object.entries(fields)) form.append(name, value)
 * form.append('file', new File(['a,b'], 'contacts.csv'))
 * await sim.app.request(new URL(url).pathname, { method: 'POST', body: form }) // 204
 * sim.objects.get('contactkit-uploads', 'uploads/contacts.csv')?.bytes
 */
export function createS3Simulator(options: S3SimulatorOptions = {}): S3Simulator {
  const resolved = resolveOptions(options)
  const { clock } = resolved
  const buckets = new BucketStore(clock, options.buckets ?? [{ name: defaultBucket }])
  const credentials = new CredentialStore(options.credentials ?? [sandboxCredentials])
  const fallbackBucket = options.defaultBucket ?? buckets.buckets()[0]?.name ?? defaultBucket
  const simulator = createSimulator(
    {
      name: 's3',
      document: s3Document,
      registration: s3Vendor,
      routes: s3Routes({
        document: s3Document,
        clock,
        buckets,
        credentials,
        defaultBucket: fallbackBucket,
        publicUrl: options.publicUrl,
      }),
      state: createS3State(buckets, credentials),
      errorResponse: s3ErrorResponder(clock),
      // The core matches a path without its trailing slash (its app is not strict), so this one
      // rule covers both bucket URL forms, `/bucket` and `/bucket/`.
      bodyLimits: [{ method: 'POST', path: '/*', maxBytes: bodyLimitBytes }],
    },
    resolved,
  )
  const bucketUrl = (bucket = fallbackBucket) => `${ownUrl(options, s3Vendor)}/${bucket}/`
  const s3 = Object.assign(simulator, {
    objects: { get: buckets.get.bind(buckets), list: buckets.list.bind(buckets) },
    buckets,
    credentials,
    bucketUrl,
    async presignPost(input: SimulatorPresignInput): Promise<SimulatorPresignedPost> {
      const now = clock.now()
      const bucket = input.bucket ?? fallbackBucket
      const form = await presignPost({
        ...input,
        bucket,
        credentials: input.credentials ?? sandboxCredentials,
        expiresAt: input.expiresAt ?? now + formLifetimeMs,
        signedAt: input.signedAt ?? now,
      })
      return { url: bucketUrl(bucket), ...form }
    },
  })
  return s3
}

/**
 * The S3 simulator of the same simulator set, for another simulator that reads uploads in-process
 * (Omnigage reads the file its users uploaded): pass the `peers` your simulator was created with.
 * Undefined outside a set, or in a set without S3.
 *
 * @example
 * const s3 = s3SimulatorOf(options.peers)
 * const upload = s3?.objects.get('contactkit-uploads', key)
 */
export function s3SimulatorOf(peers: SimulatorOptions['peers']): S3Simulator | undefined {
  const simulator = peers?.simulator?.('s3')
  return simulator && 'presignPost' in simulator ? (simulator as S3Simulator) : undefined
}

/** The S3 entry of the vendor registry: what the CLI, the simulator set and MSW read. */
export const s3Vendor = defineVendor({
  name: 's3',
  title: 'Amazon S3 (presigned POST)',
  defaultPort,
  baseUrl: 'https://s3.amazonaws.com',
  baseUrlEnv: 'S3_BASE_URL',
  // The form is posted by the Omnigage client's upload; there is no S3 client of its own.
  client: false,
  create: createS3Simulator,
  credentials: [
    { label: 'access key id', value: sandboxCredentials.accessKeyId, env: 'S3_ACCESS_KEY_ID' },
    { label: 'secret access key', value: sandboxCredentials.secretAccessKey, env: 'S3_SECRET_ACCESS_KEY' },
  ],
  hints: [
    `bucket: ${defaultBucket}; POST a presigned form to /${defaultBucket}/ (sign it with the key above, V2 or V4)`,
  ],
  magicAccounts: [
    {
      input: `form signed with ${sandboxCredentials.accessKeyId}`,
      result: `${defaultBucket}: 204 with ETag and Location`,
    },
    { input: 'form signed with any other key', result: '403 InvalidAccessKeyId' },
    { input: 'form from POST /api/v1/uploads on the Omnigage simulator', result: 'the file an Omnigage import reads' },
  ],
  examples: [
    {
      title: 'A form without a signature or policy: 403 AccessDenied, as S3 answers it for a private bucket',
      command: `curl -F key=contacts.csv -F 'file=@-;filename=contacts.csv' '{baseUrl}/${defaultBucket}/' <<< 'First Name,Phone'`,
    },
    {
      title: 'A browser preflight for the form post',
      command: `curl -i -X OPTIONS -H 'Origin: http://localhost:3000' -H 'Access-Control-Request-Method: POST' '{baseUrl}/${defaultBucket}/'`,
    },
  ],
})

export type { BucketConfig, ExpirationRule, ObjectSummary, StoredObject } from './buckets.js'
export { BucketStore, expiryOf, md5ETag } from './buckets.js'
export { CredentialStore, defaultBucket, type S3Credentials, sandboxCredentials } from './credentials.js'
export { failures, type S3ErrorBody, type S3Failure } from './errors.js'
export { encodePolicy, type PolicyCondition, type PolicyDocument } from './policy.js'
export { maxPostObjectBytes } from './post-checks.js'
export { type PresignedPost, type PresignPostInput, presignPost } from './presign.js'
export { signPolicyV2, signPolicyV4 } from './signatures.js'
export type { S3Seed, SeedObject } from './state.js'
