import type { RecordedExchange } from '../har.js'

/**
 * A recorded GET with the given request headers and answer, for tests of what compare makes of
 * one exchange (its credentials, its answer's values).
 *
 * @example
 * recordedExchange([['authorization', 'Basic <secret:1>']], 200, '{"token":"<secret:3>"}')
 */
export function recordedExchange(
  headers: [string, string][],
  status: number,
  answer = '',
  url = 'https://api.example.com/x',
): RecordedExchange {
  return {
    source: 'a.har#1',
    startedAt: 0,
    method: 'GET',
    url: new URL(url),
    requestHeaders: headers,
    requestBody: undefined,
    status,
    responseHeaders: [],
    responseBody: answer
      ? { mediaType: 'application/json', bytes: new TextEncoder().encode(answer), truncated: false }
      : undefined,
    partialHeaders: false,
  }
}
