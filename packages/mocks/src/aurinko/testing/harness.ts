import { aurinkoDocument } from '@contactkit/specs/aurinko'
import { createValidator } from '@contactkit/specs/validator'
import { manualClock } from '../../core/clock.js'
import { type AurinkoSimulatorOptions, createAurinkoSimulator } from '../index.js'

/** An answer, its body parsed, and what the spec says is wrong with it (nothing, normally). */
export interface Answer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever fields the answer has.
  body: any
  headers: Headers
  /** Problems with the answer against the spec: each test expects none. */
  conformance: string[]
}

export interface CallOptions {
  /** Bearer token; `null` for none. Default: the sandbox account's. */
  token?: string | null
  /** JSON-encoded unless it is a string. */
  body?: unknown
  headers?: Record<string, string>
}

const validator = createValidator(aurinkoDocument)

/** More sync pages than any test reads (the largest book here spans a few dozen). */
const maxSyncPages = 1000

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

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const token = options.token === undefined ? 'aurinko-sandbox-token' : options.token
    const headers: Record<string, string> = { ...(token === null ? {} : { Authorization: `Bearer ${token}` }) }
    if (options.body !== undefined && typeof options.body !== 'string') {
      headers['Content-Type'] = 'application/json'
    }
    Object.assign(headers, options.headers)
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body)
    const response = await sim.app.request(path, { method, headers, body })
    const text = await response.text()
    const parsed = text ? JSON.parse(text) : undefined
    const match = validator.matchOperation(method, new URL(path, 'http://x').pathname)
    const conformance = match
      ? validator
          .validateResponse(match.operationId, response.status, text ? 'application/json' : '', parsed)
          .map((problem) => `${problem.location}: ${problem.message}`)
      : []
    return { status: response.status, body: parsed, headers: response.headers, conformance }
  }

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
      // Every call here runs in-process, without a timer, so a sync that never ends would never
      // let the test's timeout fire: fail the test instead.
      if (pages === maxSyncPages) {
        throw new Error(`sync/${scope} gave ${pages} pages without a delta token: the sync never ends.`)
      }
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
