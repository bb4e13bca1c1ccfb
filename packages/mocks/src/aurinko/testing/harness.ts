import { aurinkoDocument } from '@contactkit/specs/aurinko'
import { manualClock } from '../../core/clock.js'
import { specCaller } from '../../core/testing/spec-caller.js'
import { type AurinkoSimulatorOptions, createAurinkoSimulator } from '../index.js'

export type { Answer, CallOptions } from '../../core/testing/spec-caller.js'

/**
 * An Aurinko simulator on a manual clock with helpers for its tests: `call` checks every answer
 * against the spec, `syncAll` follows pages to the end.
 *
 * @example
 * const { sim, call } = aurinkoHarness()
 * const answer = await call('GET', '/v1/contacts')
 */
export function aurinkoHarness(options: AurinkoSimulatorOptions = {}) {
  const sim = createAurinkoSimulator({ clock: manualClock(), ...options })

  const call = specCaller({
    app: sim.app,
    document: aurinkoDocument,
    authorize: (token) => `Bearer ${token}`,
    token: 'aurinko-sandbox-token',
  })

  /** Ready start tokens for an account (provisioning skipped with awaitReady). */
  async function startSync(token?: string | null): Promise<{ updated: string; deleted: string }> {
    const answer = await call('POST', '/v1/contacts/sync?awaitReady=true', { token })
    return { updated: answer.body.syncUpdatedToken, deleted: answer.body.syncDeletedToken }
  }

  /**
   * Every page of one sync from a delta token (or from a page token, to finish a sync already
   * begun): the records in order, the page count and the next delta token.
   */
  async function syncAll(
    scope: 'updated' | 'deleted',
    syncToken: string,
    token?: string | null,
    use: 'deltaToken' | 'pageToken' = 'deltaToken',
  ) {
    const records = []
    let pages = 0
    let query = `${use}=${encodeURIComponent(syncToken)}`
    for (;;) {
      const answer = await call('GET', `/v1/contacts/sync/${scope}?${query}`, { token })
      if (answer.status !== 200 || answer.conformance.length > 0) {
        throw new Error(`sync/${scope} answered ${answer.status}: ${JSON.stringify(answer.body)} ${answer.conformance}`)
      }
      pages++
      records.push(...answer.body.records)
      if (answer.body.nextDeltaToken) {
        return { records, pages, nextDeltaToken: answer.body.nextDeltaToken as string }
      }
      query = `pageToken=${encodeURIComponent(answer.body.nextPageToken)}`
    }
  }

  return { sim, call, startSync, syncAll }
}
