/** One way an exchange breaks the vendor's spec. */
export interface Violation {
  /** Whether the request or the answer broke it. */
  in: 'request' | 'response'
  /** Where: `path`, `query.start`, `header.if-match`, `body.service`, `status`, `content-type`. */
  where: string
  /** What is wrong, in words a person can act on. */
  what: string
}

/** The header a recording proxy adds to an answer when the exchange broke the spec. */
export const violationsHeader = 'X-Contactkit-Violations'

const headerListLimit = 10
const headerTextLimit = 200

/**
 * The value of `X-Contactkit-Violations`: a short JSON list (the first ten, each sentence cut at
 * 200 characters), ASCII only so that any HTTP stack passes it on.
 *
 * @example
 * violationsHeaderValue([{ in: 'request', where: 'query.start', what: 'start must be >= 0' }])
 * // '[{"in":"request","where":"query.start","what":"start must be >= 0"}]'
 */
export function violationsHeaderValue(violations: readonly Violation[]): string {
  const short = violations.slice(0, headerListLimit).map((violation) => ({
    in: violation.in,
    where: violation.where,
    what: violation.what.length > headerTextLimit ? `${violation.what.slice(0, headerTextLimit - 1)}…` : violation.what,
  }))
  return JSON.stringify(short).replace(
    /[^\x20-\x7e]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * One line per violation, for the console: `GET /events/1 response body.events: must be array`.
 *
 * @example
 * for (const line of violationLines('GET /events/1', violations)) console.warn(line)
 */
export function violationLines(label: string, violations: readonly Violation[]): string[] {
  return violations.map((violation) => `${label} ${violation.in} ${violation.where}: ${violation.what}`)
}
