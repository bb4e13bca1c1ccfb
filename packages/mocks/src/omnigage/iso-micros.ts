/**
 * ISO 8601 with microseconds and an explicit UTC offset: `2020-02-28T20:44:47.940000+00:00`, as
 * Python's `datetime.isoformat()` writes an aware time (Omnigage). The clock has milliseconds, so
 * the last three digits are zeros.
 *
 * @example
 * isoMicros(1500) // '1970-01-01T00:00:01.500000+00:00'
 */
export function isoMicros(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}000+00:00`
}
