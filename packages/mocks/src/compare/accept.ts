import { CompareInputError } from './errors.js'
import type { Finding, FindingKind } from './findings.js'

/** A known, deliberate difference: where, optionally which operation and kind, and why. */
export interface AcceptEntry {
  /** The finding's path: `body.contacts[*].dob`, `header.p3p`; `*` matches one step, `**` any run of them. */
  path: string
  /** The operationId or `GET /path/{template}`; any operation when left out. */
  operation?: string
  /** Only in recordings whose file name matches (`docs-*.har`); any recording when left out. */
  recording?: string
  /** Only findings of this kind; any kind when left out. */
  kind?: FindingKind
  /** Why the simulator differs here on purpose. */
  reason: string
}

/** What an accept file holds: `{ "accepted": [ … ] }`. */
export interface AcceptFile {
  accepted: AcceptEntry[]
}

/** Findings split by an accept file, and the accepted differences that no longer occur. */
export interface AcceptOutcome {
  drift: Finding[]
  accepted: (Finding & { reason: string })[]
  /** Entries that matched no finding: the difference is gone, and the entry can go too. */
  unused: AcceptEntry[]
}

/**
 * Reads an accept file, refusing one that is not `{ accepted: [{ path, reason, operation?, kind? }] }`.
 *
 * @example
 * const accept = readAcceptFile(JSON.parse(text), 'cloudsponge.accept.json')
 */
export function readAcceptFile(value: unknown, name: string): AcceptFile {
  const accepted = (value as Partial<AcceptFile> | null)?.accepted
  if (!Array.isArray(accepted)) {
    throw new CompareInputError(`${name} is not an accept file: it needs an "accepted" list.`)
  }
  accepted.forEach((entry, index) => {
    if (typeof entry?.path !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      throw new CompareInputError(`${name}: accepted[${index}] needs a "path" and a "reason" that says why.`)
    }
  })
  return { accepted }
}

/**
 * Splits findings into drift and accepted differences, and lists the accept entries nothing matched.
 *
 * @example
 * const { drift, accepted, unused } = applyAccepts(findings, acceptFile)
 */
export function applyAccepts(findings: Finding[], file: AcceptFile | undefined): AcceptOutcome {
  const entries = file?.accepted ?? []
  const used = new Set<AcceptEntry>()
  const outcome: AcceptOutcome = { drift: [], accepted: [], unused: [] }
  for (const finding of findings) {
    const entry = entries.find((candidate) => matches(candidate, finding))
    if (entry) {
      used.add(entry)
      outcome.accepted.push({ ...finding, reason: entry.reason })
    } else {
      outcome.drift.push(finding)
    }
  }
  outcome.unused = entries.filter((entry) => !used.has(entry))
  return outcome
}

function matches(entry: AcceptEntry, finding: Finding): boolean {
  if (entry.kind !== undefined && entry.kind !== finding.kind) {
    return false
  }
  if (
    entry.operation !== undefined &&
    entry.operation !== finding.operationId &&
    entry.operation !== finding.operation
  ) {
    return false
  }
  if (entry.recording !== undefined && !namePattern(entry.recording).test(finding.source.replace(/#\d+$/, ''))) {
    return false
  }
  return pathPattern(entry.path).test(finding.path)
}

function namePattern(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
}

const patterns = new Map<string, RegExp>()

function pathPattern(path: string): RegExp {
  let pattern = patterns.get(path)
  if (!pattern) {
    // `**` stands for any run of steps, `*` for one step (a key or an index); `[*]` is written as
    // it is reported, for the merged elements of a list.
    const step = (text: string) =>
      text
        .split(/(\[\*\])/)
        .map((part) =>
          part === '[*]' ? '\\[\\*\\]' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.[\\]]*'),
        )
        .join('')
    pattern = new RegExp(`^${path.split('**').map(step).join('.*')}$`)
    patterns.set(path, pattern)
  }
  return pattern
}
