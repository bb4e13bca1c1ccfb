import { describe, expect, it } from 'vitest'
import { ConnectionError } from './errors.js'
import { backoff, resilientFetch, retryAfterMs } from './retry.js'

const noWait = async () => {}

describe('resilientFetch', () => {
  it('retries network errors and 5xx, resending the same body each time', async () => {
    const bodies: string[] = []
    let calls = 0
    const flaky = resilientFetch(
      async (request) => {
        bodies.push(await request.text())
        calls++
        if (calls === 1) {
          throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })
        }
        return new Response(null, { status: calls === 2 ? 502 : 200 })
      },
      { sleep: noWait },
    )
    const response = await flaky(new Request('http://api.test/x', { method: 'POST', body: 'service=icloud' }))
    expect(response.status).toBe(200)
    expect(bodies).toEqual(['service=icloud', 'service=icloud', 'service=icloud'])
  })

  it('does not retry a 400', async () => {
    let calls = 0
    const fetch400 = resilientFetch(
      async () => {
        calls++
        return new Response(null, { status: 400 })
      },
      { sleep: noWait },
    )
    expect((await fetch400(new Request('http://api.test/x'))).status).toBe(400)
    expect(calls).toBe(1)
  })

  it('throws ConnectionError naming the cause once retries run out', async () => {
    const down = resilientFetch(
      async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
      },
      { sleep: noWait, maxRetries: 1 },
    )
    await expect(down(new Request('http://api.test/x'))).rejects.toThrow(
      new ConnectionError('Could not reach GET http://api.test/x: ECONNREFUSED.'),
    )
  })

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController()
    const pending = resilientFetch(async () => new Response(null, { status: 503 }), {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    })(new Request('http://api.test/x', { signal: controller.signal }))
    controller.abort(new Error('user went away'))
    await expect(pending).rejects.toThrow('user went away')
  })
})

describe('backoff', () => {
  it('doubles from the initial delay up to the cap, jittered down by at most a quarter', () => {
    for (const [attempt, base] of [
      [0, 500],
      [1, 1000],
      [2, 2000],
      [6, 8000],
    ] as const) {
      const delay = backoff(attempt, 500, 8000)
      expect(delay).toBeLessThanOrEqual(base)
      expect(delay).toBeGreaterThanOrEqual(base * 0.75)
    }
  })
})

describe('retryAfterMs', () => {
  it('reads seconds, milliseconds and HTTP dates, capped', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), 8000)).toBe(2000)
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '150' }), 8000)).toBe(150)
    expect(retryAfterMs(new Headers({ 'retry-after': '120' }), 8000)).toBe(8000)
    const inFive = new Date(Date.now() + 5000).toUTCString()
    expect(retryAfterMs(new Headers({ 'retry-after': inFive }), 8000)).toBeGreaterThan(3000)
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), 8000)).toBeUndefined()
    expect(retryAfterMs(new Headers(), 8000)).toBeUndefined()
  })
})
