import { manualClock } from '@contactkit/mocks'
import { type CloudSpongeSimulator, createCloudSpongeSimulator, documentedTenant } from '@contactkit/mocks/cloudsponge'
import { servedSimulator, type TargetChoice, targetChoices } from '../targets.js'

/** Where the CloudSponge contract suite runs, and with which account. */
export interface CloudSpongeTarget {
  name: 'simulator' | 'real'
  baseUrl: string
  domainKey: string
  domainPassword: string
  /** The account imported by the username/password tests. */
  account: { service: string; username: string; password: string }
  /** How the client waits between polls: the simulator's clock moves instead of the test sleeping. */
  sleep?: (ms: number) => Promise<void>
  /** Present on the simulator target only. */
  simulator?: CloudSpongeSimulator
  close(): Promise<void>
}

/**
 * The CloudSponge targets: the simulator, and the real API when CLOUDSPONGE_DOMAIN_KEY and
 * CLOUDSPONGE_DOMAIN_PASSWORD are set (CLOUDSPONGE_BASE_URL overrides its URL;
 * CLOUDSPONGE_TEST_SERVICE, _USERNAME and _PASSWORD name the account to import).
 */
export function cloudspongeTargets(): TargetChoice<CloudSpongeTarget>[] {
  return targetChoices<CloudSpongeTarget>('cloudsponge', {
    async simulator() {
      const simulator = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
      return {
        ...(await servedSimulator(simulator)),
        domainKey: documentedTenant.domainKey,
        domainPassword: documentedTenant.domainPassword,
        account: { service: 'icloud', username: 'foo', password: 'bar' },
        sleep: async (ms) => simulator.clock.advance(ms),
      }
    },
    async real({ baseUrl, credentials }) {
      const env = process.env
      return {
        name: 'real',
        baseUrl,
        domainKey: credentials.CLOUDSPONGE_DOMAIN_KEY ?? '',
        domainPassword: credentials.CLOUDSPONGE_DOMAIN_PASSWORD ?? '',
        account: {
          service: env.CLOUDSPONGE_TEST_SERVICE ?? 'icloud',
          username: env.CLOUDSPONGE_TEST_USERNAME ?? 'foo',
          password: env.CLOUDSPONGE_TEST_PASSWORD ?? 'bar',
        },
        close: async () => {},
      }
    },
  })
}
