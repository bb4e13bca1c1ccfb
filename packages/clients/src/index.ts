export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  type FetchResult,
  type UnwrappedResult,
} from './core/api-client.js'
export {
  type Authenticator,
  basicAuth,
  bearerAuth,
  combineAuth,
  headerAuth,
  queryAuth,
  type TokenSource,
} from './core/auth.js'
export * from './core/errors.js'
export { formUrlEncoded } from './core/form-body.js'
export { type Page, paginate } from './core/paginate.js'
export { type PollAttempt, type PollOptions, type PollStep, poll } from './core/poll.js'
export {
  type CallOptions,
  callInit,
  type RequestPolicy,
  requestPolicy,
  withRequestPolicy,
} from './core/request-policy.js'
export { backoff, type RetryOptions, resilientFetch, retryAfterMs, retrySettings } from './core/retry.js'
export { idempotentMethods, isRetryableStatus, mayRetry } from './core/retry-policy.js'
export { type Sleep, sleep } from './core/sleep.js'
