/** How long to wait, and how often to ask. */
export interface HealthWaitOptions {
  /** Give up after this many milliseconds. */
  timeoutMs: number
  /** Pause between two rounds of asking. Default 100. */
  intervalMs?: number
}

/** Every URL answered, or the sentence saying which did not and what it last said. */
export type HealthWaitResult = { ready: true } | { ready: false; reason: string }

/**
 * Waits until `GET <url>/__admin/health` answers 200 for every URL, asking again every
 * `intervalMs`; each request is cut short at the deadline, so a server that accepts the connection
 * and never answers cannot hold the wait past it.
 *
 * @example
 * const result = await waitForHealth(['http://127.0.0.1:4010'], { timeoutMs: 30_000 })
 * if (!result.ready) console.error(result.reason)
 */
export async function waitForHealth(urls: readonly string[], options: HealthWaitOptions): Promise<HealthWaitResult> {
  const deadline = performance.now() + options.timeoutMs
  const pending = new Map(urls.map((url) => [healthUrlOf(url), noAnswerYet]))
  while (true) {
    await Promise.all(
      [...pending.keys()].map(async (url) => {
        const outcome = await ask(url, Math.max(1, Math.ceil(deadline - performance.now())))
        if (outcome === undefined) {
          pending.delete(url)
        } else if (outcome !== noAnswerInTime || pending.get(url) === noAnswerYet) {
          // A request cut short by the deadline says less than the answer before it.
          pending.set(url, outcome)
        }
      }),
    )
    if (pending.size === 0) {
      return { ready: true }
    }
    const left = deadline - performance.now()
    if (left <= 0) {
      const [url, last] = [...pending][0] ?? ['', '']
      const others = pending.size > 1 ? ` (and ${pending.size - 1} more)` : ''
      return {
        ready: false,
        reason: `${url}${others} did not answer 200 within ${formatSeconds(options.timeoutMs)} (last: ${last}); is contactkit-mocks running there?`,
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs ?? 100, left)))
  }
}

/**
 * The health URL of a simulator or index URL: its origin and path, then `/__admin/health`.
 *
 * @example
 * healthUrlOf('http://127.0.0.1:4010/') // 'http://127.0.0.1:4010/__admin/health'
 */
export function healthUrlOf(url: string): string {
  return `${url.replace(/\/+$/, '')}/__admin/health`
}

const noAnswerYet = 'no answer yet'
const noAnswerInTime = 'no answer in time'

/** Undefined when the URL answered 200, else what happened instead. */
async function ask(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    await response.body?.cancel()
    return response.status === 200 ? undefined : `HTTP ${response.status}`
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      return noAnswerInTime
    }
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in its cause.
    return (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}
