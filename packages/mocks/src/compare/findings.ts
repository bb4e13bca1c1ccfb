/**
 * How an answer differs from the recorded one:
 * - `status`: another status code;
 * - `header`: Content-Type, caching, the vendor's own headers, or a header's presence (ETag, Location…);
 * - `key-missing` / `key-added`: a key the recording has and the simulator lacks, or the other way;
 * - `type`: string, number, boolean or null changed;
 * - `shape`: an array became an object, a value became a container, and the like;
 * - `key-order`: the same keys in another order, where the format fixes it;
 * - `error`: an error answer's code or message changed;
 * - `value`: a value the request determined (`echo`, a created contact's fields), a fixed word of
 *   the API (`status`, `type`), or the pattern of ids (one id where the recording had two).
 */
export type FindingKind =
  | 'status'
  | 'header'
  | 'key-missing'
  | 'key-added'
  | 'type'
  | 'shape'
  | 'key-order'
  | 'error'
  | 'value'

/** One difference inside one exchange, before it is tied to its operation. */
export interface Difference {
  kind: FindingKind
  /** `status`, `header.content-type`, `body.contacts[*].email`, `body.errors[0].code`. */
  path: string
  recorded: string
  simulated: string
}

/** A difference with the exchange it was found in. */
export interface Finding extends Difference {
  /** `GET /v1/contacts/{contId}`: method and path template of the spec operation. */
  operation: string
  operationId: string
  /** Which recording and entry: `flow.har#3`. */
  source: string
}

/**
 * A finding on one line, as the CLI prints it.
 *
 * @example
 * findingLine(finding) // 'GET /v1/contacts/{contId}: body.emailAddresses[*].type: recorded string, simulator missing'
 */
export function findingLine(finding: Finding): string {
  return `${finding.operation}: ${finding.path}: recorded ${finding.recorded}, simulator ${finding.simulated} (${finding.kind}, ${finding.source})`
}
