export * from './core/errors.js'
export { type Page, paginate } from './core/paginate.js'
export { backoff, type RetryOptions, resilientFetch, retryAfterMs } from './core/retry.js'
export { type Sleep, sleep } from './core/sleep.js'
