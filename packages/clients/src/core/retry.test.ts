import { describe, expect, it } from 'vitest'
import { deaf, fakeFetch, hang, json, networkError } from '../testing/fake-fetch.js'
import { instantSleep, sleepUntilAborted } from '../testing/fake-sleep.js'
import { ConnectionError, TimeoutError } from './errors.js'
import { withRequestPolicy } from './request-policy.js'
import { backoff, resilientFetch, retryAfterMs, retrySettings } from './retry.js'

const url = 'http://api.test/x'

describe('resilientFetch: which requests are retried', () => {
  for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) {
    it(`retries a ${method} on 5xx until it succeeds`, async () => {
      const fake = fakeFetch(
        () => json(503, {}),
        () => json(502, {}),
        () => new Response(null, { status: 200 }),
      )
      const response = await resilientFetch(fake.fetch, { sleep: instantSleep().sleep })(new Request(url, { method }))
      expect(response.status).toBe(200)
      expect(fake.requests.map((request) => request.method)).toEqual([method, method, method])
    })
  }

  for (const method of ['POST', 'PATCH']) {
    it(`sends a ${method} once, whatever the failure`, async () => {
      for (const answer of [() => json(503, {}), () => json(429, {}), () => json(408, {})]) {
        const fake = fakeFetch(answer, () => json(200, {}))
        const response = await resilientFetch(fake.fetch, { sleep: instantSleep().sleep })(
          new Request(url, { method, body: 'service=icloud' }),
        )
        expect(response.status).not.toBe(200)
        expect(fake.requests).toHaveLength(1)
      }
    })
  }

  it('does not resend a POST after a network error, and says how to allow it', async () => {
    const fake = fakeFetch(networkError('ECONNRESET'), () => json(200, {}))
    const error = await resilientFetch(fake.fetch, { sleep: instantSleep().sleep })(
      new Request(url, { method: 'POST', body: 'x' }),
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toBe(
      'Could not reach POST http://api.test/x: ECONNRESET. It was not retried because a POST may already have taken effect; pass idempotent: true if repeating it is safe.',
    )
    expect(fake.requests).toHaveLength(1)
  })

  it('retries a POST marked idempotent, resending the same body each time', async () => {
    const fake = fakeFetch(
      networkError('ECONNRESET'),
      () => json(502, {}),
      () => json(200, {}),
    )
    const request = withRequestPolicy(new Request(url, { method: 'POST', body: 'service=icloud' }), {
      idempotent: true,
    })
    const response = await resilientFetch(fake.fetch, { sleep: instantSleep().sleep })(request)
    expect(response.status).toBe(200)
    expect(fake.requests.map((sent) => sent.body)).toEqual(['service=icloud', 'service=icloud', 'service=icloud'])
  })

  it('does not retry a GET marked idempotent: false', async () => {
    const fake = fakeFetch(
      () => json(503, {}),
      () => json(200, {}),
    )
    const request = withRequestPolicy(new Request(url), { idempotent: false })
    expect((await resilientFetch(fake.fetch, { sleep: instantSleep().sleep })(request)).status).toBe(503)
    expect(fake.requests).toHaveLength(1)
  })

  it('never retries a 409, even for a GET or a marked POST', async () => {
    for (const request of [
      new Request(url),
      withRequestPolicy(new Request(url, { method: 'POST', body: 'x' }), { idempotent: true }),
    ]) {
      const fake = fakeFetch(
        () => json(409, {}),
        () => json(200, {}),
      )
      expect((await resilientFetch(fake.fetch, { sleep: instantSleep().sleep })(request)).status).toBe(409)
      expect(fake.requests).toHaveLength(1)
    }
  })

  it('does not retry other 4xx answers', async () => {
    for (const status of [400, 401, 403, 404, 410, 412, 422]) {
      const fake = fakeFetch(
        () => json(status, {}),
        () => json(200, {}),
      )
      expect((await resilientFetch(fake.fetch, { sleep: instantSleep().sleep })(new Request(url))).status).toBe(status)
      expect(fake.requests).toHaveLength(1)
    }
  })

  it('returns the last failing response once maxRetries is used up', async () => {
    const fake = fakeFetch(() => json(500, { attempt: 'any' }))
    const response = await resilientFetch(fake.fetch, { sleep: instantSleep().sleep, maxRetries: 3 })(new Request(url))
    expect(response.status).toBe(500)
    expect(fake.requests).toHaveLength(4)
  })
})

describe('resilientFetch: waits', () => {
  it('honours Retry-After on a 429 and a 503, and backs off otherwise', async () => {
    const { sleep, waits } = instantSleep()
    const fake = fakeFetch(
      () => json(429, {}, { 'Retry-After': '3' }),
      () => json(503, {}, { 'retry-after-ms': '250' }),
      () => json(500, {}),
      () => json(200, {}),
    )
    const retries: string[] = []
    await resilientFetch(fake.fetch, {
      maxRetries: 3,
      initialDelayMs: 100,
      sleep,
      onRetry: ({ attempt, reason }) => retries.push(`${attempt}: ${reason}`),
    })(new Request(url))
    expect(waits.slice(0, 2)).toEqual([3000, 250])
    // The third wait is the backoff of attempt 2: 400 ms, jittered down by at most a quarter.
    expect(waits[2]).toBeGreaterThanOrEqual(300)
    expect(waits[2]).toBeLessThanOrEqual(400)
    expect(retries).toEqual(['1: status 429', '2: status 503', '3: status 500'])
  })

  it('caps Retry-After at maxDelayMs', async () => {
    const { sleep, waits } = instantSleep()
    const fake = fakeFetch(
      () => json(429, {}, { 'Retry-After': '120' }),
      () => json(200, {}),
    )
    await resilientFetch(fake.fetch, { maxDelayMs: 5000, sleep })(new Request(url))
    expect(waits).toEqual([5000])
  })

  it('stops waiting and retrying as soon as the caller aborts', async () => {
    const controller = new AbortController()
    const fake = fakeFetch(() => json(503, {}))
    const { sleep, waiting } = sleepUntilAborted()
    const pending = resilientFetch(fake.fetch, { sleep })(new Request(url, { signal: controller.signal }))
    await waiting
    controller.abort(new Error('user went away'))
    await expect(pending).rejects.toThrow('user went away')
    expect(fake.requests).toHaveLength(1)
  })

  it('sends nothing when the signal has already aborted', async () => {
    const fake = fakeFetch(() => json(200, {}))
    const request = new Request(url, { signal: AbortSignal.abort(new Error('too late')) })
    await expect(resilientFetch(fake.fetch)(request)).rejects.toThrow('too late')
    expect(fake.requests).toHaveLength(0)
  })
})

describe('resilientFetch: timeouts', () => {
  it('times out each attempt, retries a GET, then throws TimeoutError', async () => {
    const fake = fakeFetch(hang)
    const error = await resilientFetch(fake.fetch, { timeoutMs: 20, maxRetries: 1, sleep: instantSleep().sleep })(
      new Request(url),
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as Error).message).toBe('No answer from GET http://api.test/x within 20 ms.')
    expect(fake.requests).toHaveLength(2)
  })

  it('times out a fetch that ignores its signal, and still honours the caller aborting one', async () => {
    const ignoring = fakeFetch(deaf)
    await expect(resilientFetch(ignoring.fetch, { timeoutMs: 15, maxRetries: 0 })(new Request(url))).rejects.toThrow(
      new TimeoutError('No answer from GET http://api.test/x within 15 ms.'),
    )
    const caller = new AbortController()
    const pending = resilientFetch(ignoring.fetch, { timeoutMs: 60_000 })(new Request(url, { signal: caller.signal }))
    caller.abort(new Error('the user left'))
    await expect(pending).rejects.toThrow('the user left')
  })

  it('uses the timeout a request carries in place of the client default', async () => {
    const fake = fakeFetch(hang)
    const request = withRequestPolicy(new Request(url), { timeoutMs: 15 })
    // The message names the timeout that fired: 15 ms, not the client's 60 s.
    await expect(resilientFetch(fake.fetch, { timeoutMs: 60_000, maxRetries: 0 })(request)).rejects.toThrow(
      'within 15 ms',
    )
  })

  it('does not resend a timed-out POST', async () => {
    const fake = fakeFetch(hang)
    await expect(
      resilientFetch(fake.fetch, { timeoutMs: 15, sleep: instantSleep().sleep })(
        new Request(url, { method: 'POST', body: 'x' }),
      ),
    ).rejects.toBeInstanceOf(TimeoutError)
    expect(fake.requests).toHaveLength(1)
  })
})

describe('resilientFetch: connection errors', () => {
  it('throws ConnectionError naming the cause once retries run out', async () => {
    const fake = fakeFetch(networkError('ECONNREFUSED'))
    await expect(
      resilientFetch(fake.fetch, { sleep: instantSleep().sleep, maxRetries: 1 })(new Request(url)),
    ).rejects.toThrow(new ConnectionError('Could not reach GET http://api.test/x: ECONNREFUSED.'))
    expect(fake.requests).toHaveLength(2)
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

describe('retrySettings', () => {
  it("takes a client's retry settings and leaves its other options behind", () => {
    const onRetry = () => undefined
    const { sleep } = instantSleep()
    const options = { token: 'secret', baseUrl: 'http://x.test', maxRetries: 4, timeoutMs: 50, sleep, onRetry }
    expect(retrySettings(options)).toEqual({
      maxRetries: 4,
      initialDelayMs: undefined,
      maxDelayMs: undefined,
      timeoutMs: 50,
      sleep,
      onRetry,
    })
  })
})
