/**
 * The wire formats of time more than one vendor writes, each from epoch milliseconds of the
 * simulator clock. A format only one vendor writes lives with that vendor (CloudSponge's Pacific
 * time, Omnigage's microseconds).
 */

/**
 * ISO 8601 in UTC with milliseconds: `2026-01-01T00:00:00.000Z` (JSON:API and most JSON APIs).
 *
 * @example
 * isoMillis(0) // '1970-01-01T00:00:00.000Z'
 */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString()
}

/**
 * ISO 8601 in UTC to the second: `2026-01-01T00:00:00Z` (Rails' `xmlschema`, AWS XML bodies).
 *
 * @example
 * isoSeconds(1500) // '1970-01-01T00:00:01Z'
 */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/**
 * An HTTP date (RFC 9110 IMF-fixdate): `Thu, 01 Jan 1970 00:00:00 GMT`, for `Date`, `Last-Modified`
 * and `Expires` headers.
 *
 * @example
 * httpDate(0) // 'Thu, 01 Jan 1970 00:00:00 GMT'
 */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString()
}

/** Truncates to whole seconds, for vendors that store time to the second. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}
