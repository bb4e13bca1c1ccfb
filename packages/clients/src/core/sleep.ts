/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/**
 * The default sleep: a timer that an AbortSignal cancels.
 *
 * @example
 * await sleep(1_000, controller.signal)
 */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      // Stryker disable next-line OptionalChaining: onAbort is only ever added to a signal
      reject(signal?.reason)
    }
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: an aborted signal never fires again; `once` only lets go of the listener sooner
    signal?.addEventListener('abort', onAbort, { once: true })
  })
