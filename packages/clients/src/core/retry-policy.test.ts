import { describe, expect, it } from 'vitest'
import { withRequestPolicy } from './request-policy.js'
import { isRetryableStatus, mayRetry } from './retry-policy.js'

const url = 'http://api.test/x'

describe('mayRetry', () => {
  it('allows the idempotent methods and refuses POST and PATCH by default', () => {
    const allowed = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'].filter((method) =>
      mayRetry(new Request(url, { method })),
    )
    expect(allowed).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
  })

  it('follows the idempotent flag a request carries, either way', () => {
    expect(mayRetry(withRequestPolicy(new Request(url, { method: 'POST' }), { idempotent: true }))).toBe(true)
    expect(mayRetry(withRequestPolicy(new Request(url, { method: 'PATCH' }), { idempotent: true }))).toBe(true)
    expect(mayRetry(withRequestPolicy(new Request(url), { idempotent: false }))).toBe(false)
  })

  it('ignores a flag that is not a boolean, so a stray property never turns retries on', () => {
    const request = Object.assign(new Request(url, { method: 'POST' }), { idempotent: 'yes' })
    expect(mayRetry(request)).toBe(false)
  })
})

describe('isRetryableStatus', () => {
  it('is true for 408, 429 and 5xx only; never for 409', () => {
    const statuses = [200, 304, 400, 401, 403, 404, 408, 409, 410, 412, 422, 429, 500, 502, 503, 504]
    expect(statuses.filter(isRetryableStatus)).toEqual([408, 429, 500, 502, 503, 504])
  })
})
