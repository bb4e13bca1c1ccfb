import { createSimulatorSet, manualClock, type SimulatorSet } from '@contactkit/mocks'
import { serve } from '@contactkit/mocks/node'
import {
  type OmnigageSimulator,
  type OmnigageSimulatorOptions,
  omnigageVendor,
  sandboxTenant,
  secondTenant,
} from '@contactkit/mocks/omnigage'
import { s3Vendor } from '@contactkit/mocks/s3'
import { type TargetChoice, targetChoices } from '../targets.js'

/** Where the Omnigage contract suite runs, and with which token. */
export interface OmnigageTarget {
  name: 'simulator' | 'real'
  baseUrl: string
  tokenKey: string
  tokenSecret: string
  accountKey: string
  /** An account key the token does not belong to (a 403 when sent). */
  otherAccountKey: string
  /** How the client waits between reads of an import: the simulator's clock moves instead of the test sleeping. */
  sleep?: (ms: number) => Promise<void>
  /** Time between reads of an import: a second on the simulator clock, a quarter of a real second elsewhere. */
  pollIntervalMs: number
  /** Present on the simulator target only: the Omnigage simulator and the set it shares with S3. */
  simulator?: OmnigageSimulator
  set?: SimulatorSet
  close(): Promise<void>
}

/**
 * Omnigage and the S3 simulator its upload forms point at, in one set on a manual clock, both
 * served over HTTP on ephemeral ports. Each URL is given to the set as soon as it is known, before
 * any upload is made, so a form's `request-url` is the served S3.
 *
 * @example
 * const served = await serveOmnigageSet({ timing: { queuedMs: 5_000 } })
 * const client = createOmnigageClient({ ...tokens, baseUrl: served.omnigageUrl, sleep: served.sleep })
 */
export async function serveOmnigageSet(options: OmnigageSimulatorOptions = {}) {
  const clock = manualClock('2026-03-01T12:00:00Z')
  const set = createSimulatorSet([omnigageVendor, s3Vendor], { clock, vendors: { omnigage: options } })
  const s3Server = await serve(set.get('s3'))
  set.setUrl('s3', s3Server.url)
  const omnigageServer = await serve(set.get('omnigage'))
  set.setUrl('omnigage', omnigageServer.url)
  return {
    set,
    clock,
    simulator: set.get('omnigage') as OmnigageSimulator,
    omnigageUrl: omnigageServer.url,
    s3Url: s3Server.url,
    /** A client's wait: the set's clock moves by that much at once. */
    sleep: async (ms: number) => clock.advance(ms),
    close: async () => {
      await Promise.all([omnigageServer.close(), s3Server.close()])
    },
  }
}

/**
 * The Omnigage targets: the simulator set above, and the real API when OMNIGAGE_TOKEN_KEY,
 * OMNIGAGE_TOKEN_SECRET and OMNIGAGE_ACCOUNT_KEY are set (OMNIGAGE_BASE_URL overrides its URL).
 * On the real target the clock cannot be moved, so imports are polled every 250 ms of real time;
 * the suite's files are a few rows each. The real account gets contacts from the suite's imports,
 * which it deletes at the end; its uploads and imports stay (the API has no way to delete them).
 *
 * @example
 * for (const choice of omnigageTargets()) { … }
 */
export function omnigageTargets(): TargetChoice<OmnigageTarget>[] {
  return targetChoices<OmnigageTarget>('omnigage', {
    async simulator() {
      const served = await serveOmnigageSet()
      return {
        name: 'simulator',
        baseUrl: served.omnigageUrl,
        tokenKey: sandboxTenant.tokenKey,
        tokenSecret: sandboxTenant.tokenSecret,
        accountKey: sandboxTenant.accountKey,
        otherAccountKey: secondTenant.accountKey,
        sleep: served.sleep,
        pollIntervalMs: 1000,
        simulator: served.simulator,
        set: served.set,
        close: served.close,
      }
    },
    async real({ baseUrl, credentials }) {
      const accountKey = credentials.OMNIGAGE_ACCOUNT_KEY ?? ''
      return {
        name: 'real',
        baseUrl: baseUrl.replace(/\/$/, ''),
        tokenKey: credentials.OMNIGAGE_TOKEN_KEY ?? '',
        tokenSecret: credentials.OMNIGAGE_TOKEN_SECRET ?? '',
        accountKey,
        // Any key but the token's own: the simulator's second account, or the sandbox's when that is ours.
        otherAccountKey: accountKey === secondTenant.accountKey ? sandboxTenant.accountKey : secondTenant.accountKey,
        pollIntervalMs: 250,
        close: async () => {},
      }
    },
  })
}
