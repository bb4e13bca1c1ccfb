import { manualClock } from '@contactkit/mocks'
import { createS3Simulator, defaultBucket, type S3Simulator, sandboxCredentials } from '@contactkit/mocks/s3'
import { servedSimulator, type TargetChoice, targetChoices } from '../targets.js'

/** Where the S3 contract suite uploads, and with which key. */
export interface S3Target {
  name: 'simulator' | 'real'
  /** The endpoint, path-style: forms are posted to `<baseUrl>/<bucket>`. */
  baseUrl: string
  bucket: string
  /** The region forms are signed for (Signature V4's credential scope). */
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** The target's time (epoch ms): the simulator's manual clock, else the machine's. Policies expire by it. */
  now(): number
  /** Present on the simulator target only: its clock and its object store. */
  simulator?: S3Simulator
  close(): Promise<void>
}

/**
 * The S3 targets: the simulator (on a manual clock, served over HTTP on an ephemeral port, its
 * sandbox key and default bucket), and a real bucket when S3_ACCESS_KEY_ID and
 * S3_SECRET_ACCESS_KEY are set: S3_BUCKET names the bucket (default `contactkit-uploads`, the
 * simulator's, so the real-target path can point S3_BASE_URL at `contactkit-mocks`), S3_BASE_URL
 * the endpoint (default `https://s3.amazonaws.com`), S3_REGION the signing region (default
 * `us-east-1`). The suite uploads small objects under `contactkit-contract/` and does not delete
 * them: give the bucket a lifecycle rule.
 *
 * @example
 * for (const choice of s3Targets()) { … }
 */
export function s3Targets(): TargetChoice<S3Target>[] {
  return targetChoices<S3Target>('s3', {
    async simulator() {
      const simulator = createS3Simulator({ clock: manualClock('2026-03-01T12:00:00Z') })
      return {
        ...(await servedSimulator(simulator)),
        bucket: defaultBucket,
        region: 'us-east-1',
        accessKeyId: sandboxCredentials.accessKeyId,
        secretAccessKey: sandboxCredentials.secretAccessKey,
        now: () => simulator.clock.now(),
      }
    },
    async real({ baseUrl, credentials }) {
      const env = process.env
      return {
        name: 'real',
        baseUrl: baseUrl.replace(/\/$/, ''),
        bucket: env.S3_BUCKET || defaultBucket,
        region: env.S3_REGION || 'us-east-1',
        accessKeyId: credentials.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: credentials.S3_SECRET_ACCESS_KEY ?? '',
        now: () => Date.now(),
        close: async () => {},
      }
    },
  })
}
