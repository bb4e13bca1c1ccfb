import { afterEach, describe, expect, it, vi } from 'vitest'
import { instantSleep, sleepUntilAborted } from '../testing/fake-sleep.js'
import { PollTimeoutError } from './errors.js'
import { type PollAttempt, poll } from './poll.js'

/**
 * A fake clock: sleeping advances it instantly and records each wait, and fails the test should a
 * poll never end (instantSleep's bound). The poller's elapsed time is the larger of what it slept
 * and the wall clock's, so the wall clock stands still meanwhile: a slow machine cannot add
 * milliseconds to the figures the tests expect.
 */
function fakeClock() {
  vi.useFakeTimers({ toFake: ['Date'] })
  let now = 0
  const { sleep, waits } = instantSleep({
    onWait: (ms, signal) => {
      signal?.throwIfAborted()
      now += ms
    },
  })
  const clock = {
    get now() {
      return now
    },
    waits,
  }
  return { clock, sleep }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('poll', () => {
  it('checks every intervalMs until done and returns the value', async () => {
    const { clock, sleep } = fakeClock()
    const seenAt: number[] = []
    const value = await poll(
      () => {
        seenAt.push(clock.now)
        return clock.now >= 6000 ? { done: true, value: 'ready' } : { done: false }
      },
      { intervalMs: 2000, sleep },
    )
    expect(value).toBe('ready')
    expect(seenAt).toEqual([0, 2000, 4000, 6000])
    expect(clock.waits).toEqual([2000, 2000, 2000])
  })

  it('does not wait at all when the first check is done', async () => {
    const { clock, sleep } = fakeClock()
    expect(await poll(async () => ({ done: true, value: 42 }), { sleep })).toBe(42)
    expect(clock.waits).toEqual([])
  })

  it('waits 1 s between checks by default', async () => {
    const { clock, sleep } = fakeClock()
    let checks = 0
    await poll(() => (++checks === 3 ? { done: true, value: null } : { done: false }), { sleep })
    expect(clock.waits).toEqual([1000, 1000])
  })

  it('passes the attempt number, the elapsed time and the signal to each check', async () => {
    const { sleep } = fakeClock()
    const controller = new AbortController()
    const attempts: PollAttempt[] = []
    await poll(
      (attempt) => {
        attempts.push(attempt)
        return attempt.attempt === 3 ? { done: true, value: undefined } : { done: false }
      },
      { intervalMs: 500, sleep, signal: controller.signal },
    )
    expect(attempts.map(({ attempt, elapsedMs }) => [attempt, elapsedMs])).toEqual([
      [1, 0],
      [2, 500],
      [3, 1000],
    ])
    expect(attempts.every((attempt) => attempt.signal === controller.signal)).toBe(true)
  })

  it('reports every progress, the final one included, and skips checks without progress', async () => {
    const { sleep } = fakeClock()
    const reported: Array<[number, number]> = []
    let gathered = 0
    await poll<string, number>(
      () => {
        gathered += 10
        if (gathered === 20) {
          return { done: false }
        }
        return gathered === 40 ? { done: true, value: 'done', progress: gathered } : { done: false, progress: gathered }
      },
      { sleep, onProgress: (progress, attempt) => reported.push([progress, attempt.attempt]) },
    )
    expect(reported).toEqual([
      [10, 1],
      [30, 3],
      [40, 4],
    ])
  })

  it('throws PollTimeoutError once maxWaitMs has passed without a done check', async () => {
    const { clock, sleep } = fakeClock()
    let checks = 0
    const error = await poll(
      () => {
        checks++
        return { done: false }
      },
      { intervalMs: 1000, maxWaitMs: 2500, sleep },
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PollTimeoutError)
    expect(error).toMatchObject({ maxWaitMs: 2500, elapsedMs: 3000, attempts: 4 })
    expect((error as Error).message).toBe(
      'Polling did not finish within 2500 ms (4 checks); raise maxWaitMs or check why the job is stuck.',
    )
    expect(checks).toBe(4)
    expect(clock.now).toBe(3000)
  })

  it('still returns a value found by the check that reaches maxWaitMs', async () => {
    const { clock, sleep } = fakeClock()
    const value = await poll(() => (clock.now >= 2000 ? { done: true, value: 'just in time' } : { done: false }), {
      intervalMs: 1000,
      maxWaitMs: 2000,
      sleep,
    })
    expect(value).toBe('just in time')
  })

  it('throws the error timeoutError builds, with the details', async () => {
    const { sleep } = fakeClock()
    class SyncNotReadyError extends Error {}
    const error = await poll(() => ({ done: false }), {
      maxWaitMs: 1000,
      sleep,
      timeoutError: ({ maxWaitMs, attempts }) => new SyncNotReadyError(`not ready after ${maxWaitMs} ms, ${attempts}`),
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SyncNotReadyError)
    expect((error as Error).message).toBe('not ready after 1000 ms, 2')
  })

  it('rejects with the signal reason when aborted during a wait, and checks no more', async () => {
    const controller = new AbortController()
    const { sleep, waiting } = sleepUntilAborted()
    let checks = 0
    const pending = poll(
      () => {
        checks++
        return { done: false }
      },
      { signal: controller.signal, sleep },
    )
    await waiting
    controller.abort(new Error('user closed the dialog'))
    await expect(pending).rejects.toThrow('user closed the dialog')
    expect(checks).toBe(1)
  })

  it('checks nothing when the signal has already aborted', async () => {
    let checks = 0
    const pending = poll(
      () => {
        checks++
        return { done: true, value: 1 }
      },
      { signal: AbortSignal.abort(new Error('gone')) },
    )
    await expect(pending).rejects.toThrow('gone')
    expect(checks).toBe(0)
  })

  it('stops before waiting when the signal aborts during a check', async () => {
    const controller = new AbortController()
    let checks = 0
    const pending = poll(
      () => {
        checks++
        controller.abort(new Error('stop'))
        return { done: false }
      },
      { signal: controller.signal, sleep: async () => {} },
    )
    await expect(pending).rejects.toThrow('stop')
    expect(checks).toBe(1)
  })

  it('ends with the error a check throws', async () => {
    const { sleep } = fakeClock()
    await expect(
      poll(
        () => {
          throw new Error('the import failed')
        },
        { sleep },
      ),
    ).rejects.toThrow('the import failed')
  })

  it('uses the real sleep by default', async () => {
    let checks = 0
    const started = Date.now()
    const value = await poll(() => (++checks === 2 ? { done: true, value: 'ok' } : { done: false }), { intervalMs: 20 })
    expect(value).toBe('ok')
    expect(Date.now() - started).toBeGreaterThanOrEqual(15)
  })
})
