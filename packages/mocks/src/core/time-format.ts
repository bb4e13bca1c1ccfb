/**
 * The wire formats of time more than one vendor writes, each from epoch milliseconds of the
 * simulator clock. A format only one vendor writes lives with that vendor (CloudSponge's Pacific
 * time, Omnigage's microseconds).
 */

// Each format's last answer: requests come many to a second (a Date header, the times of a record
// just written), and a Date costs more to format than a comparison. One entry each, so nothing grows;
// NaN never equals itself, so an invalid time is formatted (or refused) every time.
const lastMillis = { ms: Number.NaN, text: '' }
const lastSecond = { second: Number.NaN, text: '' }
const lastHttpDate = { second: Number.NaN, text: '' }

/**
 * ISO 8601 in UTC with milliseconds: `2026-01-01T00:00:00.000Z` (JSON:API and most JSON APIs).
 *
 * @example
 * isoMillis(0) // '1970-01-01T00:00:00.000Z'
 */
export function isoMillis(ms: number): string {
  if (ms !== lastMillis.ms) {
    lastMillis.text = new Date(ms).toISOString()
    lastMillis.ms = ms
  }
  return lastMillis.text
}

/**
 * ISO 8601 in UTC to the second: `2026-01-01T00:00:00Z` (Rails' `xmlschema`, AWS XML bodies).
 *
 * @example
 * isoSeconds(1500) // '1970-01-01T00:00:01Z'
 */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond.second) {
    lastSecond.text = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
    lastSecond.second = second
  }
  return lastSecond.text
}

/**
 * An HTTP date (RFC 9110 IMF-fixdate): `Thu, 01 Jan 1970 00:00:00 GMT`, for `Date`, `Last-Modified`
 * and `Expires` headers.
 *
 * @example
 * httpDate(0) // 'Thu, 01 Jan 1970 00:00:00 GMT'
 */
export function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second !== lastHttpDate.second) {
    lastHttpDate.text = new Date(ms).toUTCString()
    lastHttpDate.second = second
  }
  return lastHttpDate.text
}

/** Truncates to whole seconds, for vendors that store time to the second. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}
