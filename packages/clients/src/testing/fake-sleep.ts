import type { Sleep } from '../core/sleep.js'

/**
 * A sleep that only ends when its signal aborts, as the real one does when cancelled, and a
 * promise that settles once something starts waiting: a test awaits it, then aborts, and so
 * knows the abort arrived during a wait.
 *
 * @example
 * const { sleep, waiting } = sleepUntilAborted()
 * const pending = resilientFetch(fetch, { sleep })(request)
 * await waiting
 * controller.abort(new Error('user went away'))
 */
export function sleepUntilAborted(): { sleep: Sleep; waiting: Promise<void> } {
  let started: () => void = () => {}
  const waiting = new Promise<void>((resolve) => {
    started = resolve
  })
  const sleep: Sleep = (_ms, signal) =>
    new Promise((_resolve, reject) => {
      started()
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
    })
  return { sleep, waiting }
}

/**
 * How many waits one instant sleep allows. No test here waits more than a few dozen times, so a
 * loop that reaches this many is one that never ends; and a thousand client calls on fake answers
 * take about a second, well within a test's timeout.
 */
export const instantSleepLimit = 1000

/**
 * A sleep that returns at once and records each wait in `waits`; `onWait` runs first (a fake
 * clock advances there, or throws to refuse the wait).
 *
 * A loop that never ends on it (a poll whose check never says done) never yields to a timer, so
 * vitest's timeout cannot fire and the worker runs until it is out of memory, naming no test. The
 * bound turns that into an error in the test that loops: after `limit` waits the sleep rejects,
 * saying so.
 *
 * @example
 * const { sleep, waits } = instantSleep()
 * await createOmnigageClient({ tokenKey, tokenSecret, fetch, sleep }).importContacts(input)
 * expect(waits).toEqual([1000, 1000])
 */
export function instantSleep(options: { limit?: number; onWait?: (ms: number, signal?: AbortSignal) => void } = {}): {
  sleep: Sleep
  waits: number[]
} {
  const { limit = instantSleepLimit, onWait } = options
  const waits: number[] = []
  const sleep: Sleep = async (ms, signal) => {
    if (waits.length >= limit) {
      throw new Error(
        `The fake sleep was asked to wait ${waits.length + 1} times, past its limit of ${limit}: a poll or retry loop never ends.`,
      )
    }
    onWait?.(ms, signal)
    waits.push(ms)
  }
  return { sleep, waits }
}
