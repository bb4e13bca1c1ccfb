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
