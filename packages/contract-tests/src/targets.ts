import { manualClock } from '@contactkit/mocks'
import { type CloudSpongeSimulator, createCloudSpongeSimulator, documentedTenant } from '@contactkit/mocks/cloudsponge'
import { type RunningServer, serve } from '@contactkit/mocks/node'

/** Something the contract suite runs against: the simulator, or the vendor's real API. */
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

export interface TargetChoice {
  name: 'simulator' | 'real'
  /** Why this target does not run, printed by the suite; undefined when it runs. */
  skipReason?: string
  start(): Promise<CloudSpongeTarget>
}

// CONTACTKIT_TARGETS=real runs only the real target (CI points it at a separately started simulator).
const only = process.env.CONTACTKIT_TARGETS?.split(',').map((name) => name.trim())

/**
 * The targets of the CloudSponge contract suite: the simulator always, served over HTTP on an
 * ephemeral port; the real API when CLOUDSPONGE_DOMAIN_KEY and CLOUDSPONGE_DOMAIN_PASSWORD are set
 * (CLOUDSPONGE_BASE_URL overrides its URL).
 */
export function cloudspongeTargets(): TargetChoice[] {
  const env = process.env
  const hasCredentials = Boolean(env.CLOUDSPONGE_DOMAIN_KEY && env.CLOUDSPONGE_DOMAIN_PASSWORD)
  const targets: TargetChoice[] = [
    {
      name: 'simulator',
      start: async () => {
        const simulator = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
        const server: RunningServer = await serve(simulator)
        return {
          name: 'simulator',
          baseUrl: server.url,
          domainKey: documentedTenant.domainKey,
          domainPassword: documentedTenant.domainPassword,
          account: { service: 'icloud', username: 'foo', password: 'bar' },
          sleep: async (ms) => simulator.clock.advance(ms),
          simulator,
          close: () => server.close(),
        }
      },
    },
    {
      name: 'real',
      skipReason: hasCredentials
        ? undefined
        : 'CLOUDSPONGE_DOMAIN_KEY and CLOUDSPONGE_DOMAIN_PASSWORD are not set, so the real CloudSponge API is not called.',
      start: async () => ({
        name: 'real',
        baseUrl: env.CLOUDSPONGE_BASE_URL ?? 'https://api.cloudsponge.com',
        domainKey: env.CLOUDSPONGE_DOMAIN_KEY ?? '',
        domainPassword: env.CLOUDSPONGE_DOMAIN_PASSWORD ?? '',
        account: {
          service: env.CLOUDSPONGE_TEST_SERVICE ?? 'icloud',
          username: env.CLOUDSPONGE_TEST_USERNAME ?? 'foo',
          password: env.CLOUDSPONGE_TEST_PASSWORD ?? 'bar',
        },
        close: async () => {},
      }),
    },
  ]
  return targets.map((target) =>
    only && !only.includes(target.name)
      ? { ...target, skipReason: `CONTACTKIT_TARGETS=${only.join(',')} leaves out the ${target.name} target.` }
      : target,
  )
}
