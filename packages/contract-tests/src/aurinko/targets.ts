import { manualClock } from '@contactkit/mocks'
import { type AurinkoSimulator, createAurinkoSimulator, sandboxAccount } from '@contactkit/mocks/aurinko'
import { servedSimulator, type TargetChoice, targetChoices } from '../targets.js'

/** Where the Aurinko contract suite runs, and with which account. */
export interface AurinkoTarget {
  name: 'simulator' | 'real'
  baseUrl: string
  /** The account's access token (`Authorization: Bearer`). */
  accessToken: string
  /** How the client waits (readiness polls, retries): the simulator's clock moves instead of the test sleeping. */
  sleep?: (ms: number) => Promise<void>
  /** Present on the simulator target only. */
  simulator?: AurinkoSimulator
  close(): Promise<void>
}

/** Sync pages on the simulator target: small, so the sandbox book of 25 contacts spans several pages. */
export const simulatorPageSize = 10

/**
 * The Aurinko targets: the simulator (on a manual clock, served over HTTP on an ephemeral port,
 * sync pages of ten so paging is exercised), and the real API when AURINKO_ACCESS_TOKEN is set
 * (AURINKO_BASE_URL overrides its URL). The real account's address book is changed by the suite:
 * it creates contacts and deletes the ones it made.
 */
export function aurinkoTargets(): TargetChoice<AurinkoTarget>[] {
  return targetChoices<AurinkoTarget>('aurinko', {
    async simulator() {
      const simulator = createAurinkoSimulator({
        clock: manualClock('2026-03-01T12:00:00Z'),
        sync: { pageSize: simulatorPageSize },
      })
      return {
        ...(await servedSimulator(simulator)),
        accessToken: sandboxAccount.accessToken,
        sleep: async (ms) => simulator.clock.advance(ms),
      }
    },
    async real({ baseUrl, credentials }) {
      return {
        name: 'real',
        baseUrl,
        accessToken: credentials.AURINKO_ACCESS_TOKEN ?? '',
        close: async () => {},
      }
    },
  })
}
