import { type PollTimeoutDetails, PollTimeoutError } from './errors.js'
import { sleep as defaultSleep, type Sleep } from './sleep.js'

export interface PollOptions<Progress> {
  /** Time between the end of one check and the start of the next. Default 1 s. */
  intervalMs?: number
  /**
   * Give up once this long has passed and the last check was not done. Checks are never closer
   * than `intervalMs` (vendors limit polling), so the wait may overrun by up to one interval.
   * Default: as long as the signal allows.
   */
  maxWaitMs?: number
  /** Stops polling; the poll rejects with the signal's reason. */
  signal?: AbortSignal
  /** Called with each check's `progress`, when it reports one, the last check included. */
  onProgress?: (progress: Progress, attempt: PollAttempt) => void
  /** How to wait between checks; tests pass one that advances a fake clock. */
  sleep?: Sleep
  /** The error thrown when `maxWaitMs` passes. Default: a PollTimeoutError. */
  timeoutError?: (details: Required<PollTimeoutDetails>) => Error
}

/** Where a poll stands when `check` is called. */
export interface PollAttempt {
  /** 1 for the first check. */
  attempt: number
  /** Time spent polling so far. */
  elapsedMs: number
  /** The poll's signal, to pass on to the request the check makes. */
  signal: AbortSignal | undefined
}

/** What a check found: done with a value, or not yet; either may report progress. */
export type PollStep<Value, Progress = undefined> =
  | { done: true; value: Value; progress?: Progress }
  | { done: false; progress?: Progress }

/**
 * Calls `check` until it says done and returns its value: the one loop behind "wait until the
 * import completes" and "wait until the sync is ready". A check that throws ends the poll with
 * its error; `maxWaitMs` ends it with a PollTimeoutError (or `timeoutError`); the signal ends it
 * with the signal's reason.
 *
 * @example
 * const status = await poll(
 *   async ({ signal }) => {
 *     const status = await aurinko.getSyncStatus({ signal })
 *     return { done: status.ready, value: status, progress: status }
 *   },
 *   { intervalMs: 2_000, maxWaitMs: 60_000, onProgress: (status) => console.log(status) },
 * )
 */
export async function poll<Value, Progress = undefined>(
  check: (attempt: PollAttempt) => Promise<PollStep<Value, Progress>> | PollStep<Value, Progress>,
  options: PollOptions<Progress> = {},
): Promise<Value> {
  const intervalMs = options.intervalMs ?? 1000
  const maxWaitMs = options.maxWaitMs ?? Number.POSITIVE_INFINITY
  const wait = options.sleep ?? defaultSleep
  const { signal } = options
  const startedAt = Date.now()
  let sleptMs = 0
  // Real time when waits are real; the sum of waits when a test's sleep only advances a fake
  // clock, so maxWaitMs means the same to both.
  const elapsed = () => Math.max(sleptMs, Date.now() - startedAt)

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted()
    const current: PollAttempt = { attempt, elapsedMs: elapsed(), signal }
    const step = await check(current)
    if (step.progress !== undefined) {
      options.onProgress?.(step.progress, current)
    }
    if (step.done) {
      return step.value
    }
    const elapsedMs = elapsed()
    if (elapsedMs >= maxWaitMs) {
      const details = { maxWaitMs, elapsedMs, attempts: attempt }
      throw (
        options.timeoutError?.(details) ??
        new PollTimeoutError(
          `Polling did not finish within ${maxWaitMs} ms (${attempt} checks); raise maxWaitMs or check why the job is stuck.`,
          details,
        )
      )
    }
    // A sleep that ignores an already aborted signal would otherwise wait a whole interval.
    signal?.throwIfAborted()
    await wait(intervalMs, signal)
    sleptMs += intervalMs
  }
}
