import { getEventListeners } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { deaf, fakeFetch, json } from '../testing/fake-fetch.js'
import { TimeoutError } from './errors.js'
import { resilientFetch } from './retry.js'
import { sleep } from './sleep.js'

// What a call leaves behind, and what a timed-out attempt tells the fetch and the caller. A timer
// left running keeps a script's process alive for the whole timeout; a listener left on a
// long-lived signal (one AbortController for a whole app) grows with every call.

const url = 'http://api.test/x'

afterEach(() => {
  vi.useRealTimers()
})

describe('resilientFetch leaves nothing behind', () => {
  it('clears its timeout timer once the answer has come', async () => {
    vi.useFakeTimers()
    const fake = fakeFetch(() => json(200, {}))
    await resilientFetch(fake.fetch, { timeoutMs: 60_000 })(new Request(url))
    expect(vi.getTimerCount()).toBe(0)
  })

  it('removes its listeners from the request’s signal after an answer and after a timeout', async () => {
    // The request's own signal (which follows the caller's) is the one the call listens to.
    const answered = new Request(url, { signal: new AbortController().signal })
    const before = getEventListeners(answered.signal, 'abort').length
    await resilientFetch(fakeFetch(() => json(200, {})).fetch)(answered)
    expect(getEventListeners(answered.signal, 'abort')).toHaveLength(before)
    const timedOut = new Request(url, { signal: new AbortController().signal })
    const ignoring = fakeFetch(deaf)
    await resilientFetch(ignoring.fetch, { timeoutMs: 10, maxRetries: 0 })(timedOut).catch(() => {})
    expect(getEventListeners(timedOut.signal, 'abort')).toHaveLength(before)
  })
})

describe('a timed-out attempt', () => {
  it('aborts the signal the fetch was given, so a real fetch lets go of its connection', async () => {
    const seen: AbortSignal[] = []
    const ignoring = fakeFetch((request) => {
      seen.push(request.signal)
      return deaf()
    })
    await resilientFetch(ignoring.fetch, { timeoutMs: 10, maxRetries: 0 })(new Request(url)).catch(() => {})
    expect(seen).toHaveLength(1)
    expect(seen[0]?.aborted).toBe(true)
  })

  it('keeps the timeout as the cause of its TimeoutError', async () => {
    const ignoring = fakeFetch(deaf)
    const error = await resilientFetch(ignoring.fetch, { timeoutMs: 10, maxRetries: 0 })(new Request(url)).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(TimeoutError)
    const cause = (error as Error).cause as DOMException
    expect(cause.name).toBe('TimeoutError')
    expect(cause.message).toBe('No answer within 10 ms.')
  })

  it('lets go quietly of a bodiless answer that arrives after all', async () => {
    let answer: (response: Response) => void = () => {}
    const late = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)))
    await resilientFetch(late.fetch, { timeoutMs: 10, maxRetries: 0 })(new Request(url)).catch(() => {})
    // A 204 has no body to cancel; touching it would be an unhandled rejection, which fails this run.
    answer(new Response(null, { status: 204 }))
    await new Promise((resolve) => setTimeout(resolve, 20))
  })

  it('cancels the body of an answer that arrives after all', async () => {
    let cancelled = false
    let answer: (response: Response) => void = () => {}
    const late = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)))
    await resilientFetch(late.fetch, { timeoutMs: 10, maxRetries: 0 })(new Request(url)).catch(() => {})
    const body = new ReadableStream({
      cancel() {
        cancelled = true
      },
    })
    answer(new Response(body))
    await vi.waitFor(() => expect(cancelled).toBe(true))
  })
})

describe('a caller that aborts', () => {
  it('while the request is being handed to a fetch that ignores it, gets its reason at once', async () => {
    const caller = new AbortController()
    // Aborts before it returns: the call's signal has fired before its answer is even awaited.
    const aborting = () => {
      caller.abort(new Error('the user left'))
      return deaf()
    }
    await expect(
      resilientFetch(aborting, { timeoutMs: 60_000 })(new Request(url, { signal: caller.signal })),
    ).rejects.toThrow('the user left')
  })

  it('from its onRetry callback, is not waited for', async () => {
    const caller = new AbortController()
    const waits: number[] = []
    const fake = fakeFetch(() => json(503, {}))
    const pending = resilientFetch(fake.fetch, {
      onRetry: () => caller.abort(new Error('enough')),
      // A sleep that ignores the signal: only the call's own check can stop before it.
      sleep: async (ms) => {
        waits.push(ms)
      },
    })(new Request(url, { signal: caller.signal }))
    await expect(pending).rejects.toThrow('enough')
    expect(waits).toEqual([])
    expect(fake.requests).toHaveLength(1)
  })
})

describe('the default sleep leaves nothing behind', () => {
  it('clears its timer when the signal aborts', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const pending = sleep(60_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('removes its listener from the signal when the wait ends', async () => {
    const controller = new AbortController()
    await sleep(1, controller.signal)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })
})
