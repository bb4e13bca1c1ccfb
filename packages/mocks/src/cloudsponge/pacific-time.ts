/**
 * Pacific time, as CloudSponge's Rails application writes every time it answers with (its
 * servers' zone), from epoch milliseconds of the simulator clock.
 */

const hourMs = 3_600_000
const dayMs = 24 * hourMs

/** Epoch milliseconds of 00:00 UTC on the `nth` Sunday (1-based; 0 = last) of a month. */
function sundayOf(year: number, month: number, nth: number): number {
  if (nth === 0) {
    const last = Date.UTC(year, month + 1, 0)
    return last - new Date(last).getUTCDay() * dayMs
  }
  const first = Date.UTC(year, month, 1)
  return first + ((7 - new Date(first).getUTCDay()) % 7) * dayMs + (nth - 1) * 7 * dayMs
}

/**
 * The offset of America/Los_Angeles from UTC in minutes at an instant: -420 (PDT) or -480 (PST).
 * Computed from the US rules rather than Intl's time zone data, so it is the same everywhere:
 * since 2007 daylight time runs from the second Sunday of March, 02:00 PST, to the first Sunday
 * of November, 02:00 PDT; from 1987 to 2006 from the first Sunday of April to the last Sunday of
 * October. Earlier years use the 1987 rule.
 *
 * @example
 * pacificOffsetMinutes(Date.parse('2016-04-12T22:18:57Z')) // -420
 * pacificOffsetMinutes(Date.parse('2016-01-12T22:18:57Z')) // -480
 */
export function pacificOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear()
  const [startDay, endDay] =
    year >= 2007 ? [sundayOf(year, 2, 2), sundayOf(year, 10, 1)] : [sundayOf(year, 3, 1), sundayOf(year, 9, 0)]
  // 02:00 PST is 10:00 UTC; 02:00 PDT is 09:00 UTC.
  return ms >= startDay + 10 * hourMs && ms < endDay + 9 * hourMs ? -420 : -480
}

function pacific(ms: number, fraction: boolean): string {
  const offset = pacificOffsetMinutes(ms)
  const local = new Date(ms + offset * 60_000).toISOString()
  const zone = `-0${-offset / 60}:00`
  return `${fraction ? local.slice(0, 23) : local.slice(0, 19)}${zone}`
}

/**
 * Pacific time with milliseconds and the offset, as CloudSponge's Rails writes times in JSON:
 * `2016-04-12T15:18:57.000-07:00` (`-08:00` in winter).
 *
 * @example
 * pacificMillis(Date.parse('2016-04-12T22:18:57Z')) // '2016-04-12T15:18:57.000-07:00'
 */
export function pacificMillis(ms: number): string {
  return pacific(ms, true)
}

/**
 * Pacific time to the second with the offset, Ruby's `Time#xmlschema` in the vendor's zone (Rails
 * XML `type="datetime"`): `2016-04-12T15:18:57-07:00`.
 *
 * @example
 * pacificSeconds(Date.parse('2016-12-01T20:00:00.500Z')) // '2016-12-01T12:00:00-08:00'
 */
export function pacificSeconds(ms: number): string {
  return pacific(ms, false)
}
