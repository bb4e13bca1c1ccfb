// Behaviour of the client core that the first mutation run (`pnpm mutation`) showed no test pinned
// down: what a user sees in error names and causes, odd Retry-After values, aborts mid-request,
// the default sleep, and request policies.
import { describe, expect, it } from 'vitest'
import { fakeFetch, hang, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { createApiClient } from './api-client.js'
import {
  ApiError,
  ConnectionError,
  ContactKitError,
  GoneError,
  InternalServerError,
  PollTimeoutError,
  RateLimitError,
  TimeoutError,
} from './errors.js'
import { requestPolicy, withRequestPolicy } from './request-policy.js'
import { resilientFetch, retryAfterMs } from './retry.js'
import { sleep } from './sleep.js'

const url = 'http://api.test/x'

describe('error classes', () => {
  it('name themselves, so logs and stack traces say which failure it was', () => {
    const headers = new Headers()
    const errors: [Error, string][] = [
      [new ContactKitError('x'), 'ContactKitError'],
      [new ConnectionError('x'), 'ConnectionError'],
      [new TimeoutError('x'), 'TimeoutError'],
      [new PollTimeoutError('x'), 'PollTimeoutError'],
      [new ApiError(418, {}, null, headers), 'ApiError'],
      [new GoneError(410, {}, null, headers), 'GoneError'],
      [new RateLimitError(429, {}, null, headers), 'RateLimitError'],
      [new InternalServerError(500, {}, null, headers), 'InternalServerError'],
    ]
    for (const [error, name] of errors) {
      expect(error.name).toBe(name)
      expect(String(error)).toBe(`${name}: ${error.message}`)
      expect(error).toBeInstanceOf(ContactKitError)
    }
  })

  it('PollTimeoutError keeps the cause it is given, and has none otherwise', () => {
    const cause = new Error('the last check failed')
    const withCause = new PollTimeoutError('gave up', { cause, maxWaitMs: 10, elapsedMs: 12, attempts: 3 })
    expect(withCause.cause).toBe(cause)
    expect(withCause).toMatchObject({ maxWaitMs: 10, elapsedMs: 12, attempts: 3 })
    const without = new PollTimeoutError('gave up', { maxWaitMs: 10 })
    expect('cause' in without).toBe(false)
  })
})

describe('resilientFetch: more failures', () => {
  it('retries a 503 without a body, reporting the status as the reason', async () => {
    const fake = fakeFetch(
      () => new Response(null, { status: 503 }),
      () => json(200, {}),
    )
    const reasons: string[] = []
    const response = await resilientFetch(fake.fetch, {
      sleep: instantSleep().sleep,
      onRetry: ({ reason }) => reasons.push(reason),
    })(new Request(url))
    expect(response.status).toBe(200)
    expect(reasons).toEqual(['status 503'])
  })

  it('rejects with the caller reason, not a ConnectionError, when it aborts while the last attempt is in flight', async () => {
    const controller = new AbortController()
    let sent = 0
    const fetchImpl = (request: Request) => {
      sent++
      const answer = (hang as (request: Request) => Promise<Response>)(request)
      controller.abort(new Error('user went away'))
      return answer
    }
    const error = await resilientFetch(fetchImpl, { sleep: instantSleep().sleep, maxRetries: 0 })(
      new Request(url, { signal: controller.signal }),
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe('user went away')
    expect(error).not.toBeInstanceOf(ConnectionError)
    expect(sent).toBe(1)
  })

  it('keeps the network error as the cause of a ConnectionError', async () => {
    const failure = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    const error = await resilientFetch(
      async () => {
        throw failure
      },
      { sleep: instantSleep().sleep, maxRetries: 0 },
    )(new Request(url)).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).cause).toBe(failure)
  })

  it('describes a fetch that rejects with something other than an Error', async () => {
    for (const [thrown, said] of [
      ['boom', 'boom'],
      [undefined, 'undefined'],
      [null, 'null'],
      [new Error('plain failure'), 'plain failure'],
      [new TypeError('fetch failed', { cause: { message: 'socket hang up' } }), 'socket hang up'],
    ] as const) {
      const error = await resilientFetch(
        async () => {
          throw thrown
        },
        { sleep: instantSleep().sleep, maxRetries: 0 },
      )(new Request(url)).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ConnectionError)
      expect((error as Error).message).toBe(`Could not reach GET ${url}: ${said}.`)
    }
  })
})

describe('retryAfterMs: edge values', () => {
  it('takes retry-after-ms of 0 as "now", and ignores a negative one', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '0' }), 8000)).toBe(0)
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '-5' }), 8000)).toBeUndefined()
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '-5', 'retry-after': '2' }), 8000)).toBe(2000)
  })

  it('waits until an HTTP date, not longer', () => {
    const inThree = new Date(Date.now() + 3000).toUTCString()
    const delay = retryAfterMs(new Headers({ 'retry-after': inThree }), 60_000)
    expect(delay).toBeGreaterThan(1000)
    expect(delay).toBeLessThanOrEqual(3000)
    const past = new Date(Date.now() - 60_000).toUTCString()
    expect(retryAfterMs(new Headers({ 'retry-after': past }), 60_000)).toBe(0)
  })
})

describe('the default sleep', () => {
  it('waits about the time asked', async () => {
    const started = Date.now()
    await sleep(30)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
  })

  it('rejects at once with the reason of a signal that has already aborted', async () => {
    const started = Date.now()
    await expect(sleep(60_000, AbortSignal.abort(new Error('stopped')))).rejects.toThrow('stopped')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('rejects with the reason as soon as the signal aborts during the wait', async () => {
    const controller = new AbortController()
    const started = Date.now()
    const pending = sleep(60_000, controller.signal)
    setTimeout(() => controller.abort(new Error('cancelled')), 10)
    await expect(pending).rejects.toThrow('cancelled')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('resolves when the wait ends before the signal aborts', async () => {
    const controller = new AbortController()
    await expect(sleep(5, controller.signal)).resolves.toBeUndefined()
    controller.abort(new Error('later'))
  })
})

describe('request policies', () => {
  it('keep earlier marks when a request is marked again', () => {
    const request = withRequestPolicy(new Request(url, { method: 'POST', body: 'x' }), { idempotent: true })
    withRequestPolicy(request, { timeoutMs: 5_000 })
    expect(requestPolicy(request)).toEqual({ idempotent: true, timeoutMs: 5_000 })
    withRequestPolicy(request, {})
    expect(requestPolicy(request)).toEqual({ idempotent: true, timeoutMs: 5_000 })
  })

  it('ignore a timeout that is not a positive number of milliseconds', () => {
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '5000']) {
      const request = Object.assign(new Request(url), { timeoutMs })
      expect(requestPolicy(request)).toEqual({})
    }
  })
})

describe('createApiClient: base URL', () => {
  it('ignores several trailing slashes and keeps the path', async () => {
    const fake = fakeFetch(() => json(200, {}))
    const api = createApiClient<Record<string, never>>({
      defaultBaseUrl: 'https://api.vendor.test/v1',
      baseUrl: 'http://127.0.0.1:4010/proxy//',
      readError: () => ({}),
      fetch: fake.fetch,
    })
    await (api.raw as unknown as { GET(path: string): Promise<unknown> }).GET('/items')
    expect(fake.requests[0]?.url.href).toBe('http://127.0.0.1:4010/proxy/items')
  })
})
