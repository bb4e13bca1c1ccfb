/** Where a simulator's time comes from. Vendor code reads time only through this. */
export interface Clock {
  /** `system` follows the wall clock (plus any offset); `manual` moves only when told. */
  readonly mode: 'system' | 'manual'
  /** Milliseconds since the epoch. */
  now(): number
  /** Moves time forward; import progress, expiry and deletion follow on the next request. */
  advance(ms: number): void
  /** Jumps to an instant. A system clock keeps ticking from there. */
  set(instant: Date | number | string): void
}

/**
 * A clock that follows the wall clock. `advance` and `set` shift it by an offset, so a running
 * simulator can still be fast-forwarded from the admin API.
 *
 * @example
 * const clock = systemClock()
 * clock.advance(5 * 60_000) // five minutes later, at once
 */
export function systemClock(): Clock {
  let offsetMs = 0
  return {
    mode: 'system',
    now: () => Date.now() + offsetMs,
    advance(ms) {
      offsetMs += checkedAdvance(ms)
    },
    set(instant) {
      offsetMs = toEpochMs(instant) - Date.now()
    },
  }
}

/**
 * A clock that stands still until advanced, so every time-based behaviour is deterministic and
 * tests never sleep.
 *
 * @example
 * const clock = manualClock('2026-01-01T00:00:00Z')
 * clock.advance(1_000)
 * new Date(clock.now()).toISOString() // '2026-01-01T00:00:01.000Z'
 */
export function manualClock(start: Date | number | string = '2026-01-01T00:00:00Z'): Clock {
  let nowMs = toEpochMs(start)
  return {
    mode: 'manual',
    now: () => nowMs,
    advance(ms) {
      nowMs += checkedAdvance(ms)
    },
    set(instant) {
      nowMs = toEpochMs(instant)
    },
  }
}

/** Reads an instant given as a Date, epoch milliseconds or an ISO 8601 string. */
export function toEpochMs(instant: Date | number | string): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Failed to set the clock: "${String(instant)}" is not a date; use an ISO 8601 time.`)
  }
  return ms
}

function checkedAdvance(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`Failed to advance the clock: ${ms} is not a duration; give a number of milliseconds >= 0.`)
  }
  return ms
}
