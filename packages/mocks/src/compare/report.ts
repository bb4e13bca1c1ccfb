import type { AcceptEntry } from './accept.js'
import { type Finding, findingLine } from './findings.js'
import type { RecordedExchange } from './har.js'
import type { MatchedOperation } from './operations.js'

/** Per spec operation: how many exchanges were replayed and how they compared. */
export interface OperationSummary {
  /** Whose spec the operation is in: the vendor's, or a peer's (S3 for Omnigage's form posts). */
  vendor: string
  operationId: string
  /** `GET /v1/contacts/{contId}` */
  operation: string
  exchanges: number
  /** Exchanges without any difference. */
  identical: number
  /** Exchanges whose only differences are accepted. */
  accepted: number
  /** Exchanges with a difference no accept entry covers. */
  drifted: number
  /** The recordings (file names) its exchanges came from. */
  recordings: string[]
  /** When the newest of its exchanges was recorded (ISO 8601). */
  newest: string
}

/** What `compare` found, as the CLI prints it and `--json` writes it. */
export interface CompareReport {
  vendor: string
  recordings: { name: string; exchanges: number; newest: string | undefined }[]
  exchanges: number
  operations: OperationSummary[]
  /** Differences no accept entry covers: any makes the exit status 1. */
  drift: Finding[]
  accepted: (Finding & { reason: string })[]
  /** Accepted differences that no longer occur. */
  unusedAccepts: AcceptEntry[]
}

/**
 * The report as text: a table per operation, then each difference on one line.
 *
 * @example
 * console.log(formatReport(report))
 */
export function formatReport(report: CompareReport): string {
  const rows = [
    ['operation', 'exchanges', 'identical', 'accepted', 'drifted'],
    ...report.operations.map((row) => [
      row.operation,
      String(row.exchanges),
      String(row.identical),
      String(row.accepted),
      String(row.drifted),
    ]),
  ]
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? []
  const table = rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  '),
  )
  const lines = [
    `${report.vendor}: ${report.exchanges} exchanges from ${report.recordings.map((recording) => recording.name).join(', ')}`,
    ...table,
  ]
  if (report.drift.length > 0) {
    lines.push('', `drift (${report.drift.length}):`, ...report.drift.map(findingLine))
  }
  if (report.accepted.length > 0) {
    lines.push(
      '',
      `accepted (${report.accepted.length}):`,
      ...report.accepted.map((finding) => `${findingLine(finding)}: ${finding.reason}`),
    )
  }
  if (report.unusedAccepts.length > 0) {
    lines.push(
      '',
      `accepted differences that no longer occur (${report.unusedAccepts.length}):`,
      ...report.unusedAccepts.map(
        (entry) => `${entry.operation ? `${entry.operation}: ` : ''}${entry.path}: ${entry.reason}`,
      ),
    )
  }
  lines.push('', report.drift.length === 0 ? 'no drift' : `drift in ${report.drift.length} places`)
  return lines.join('\n')
}

/** One replayed exchange: its operation and what was found in it. */
export interface ExchangeResult {
  exchange: RecordedExchange
  operation: MatchedOperation
  findings: Finding[]
}

/**
 * The table per operation, in the order operations first appear: an exchange is identical without
 * findings, accepted when every finding is accepted, drifted otherwise.
 *
 * @example
 * summariseOperations(results, new Set(outcome.drift))[0] // { operationId: 'beginImport', exchanges: 1, identical: 1, … }
 */
export function summariseOperations(results: ExchangeResult[], drift: ReadonlySet<Finding>): OperationSummary[] {
  const summaries = new Map<string, OperationSummary>()
  for (const { exchange, operation, findings } of results) {
    const key = `${operation.vendor} ${operation.operationId}`
    const summary = summaries.get(key) ?? {
      vendor: operation.vendor,
      operationId: operation.operationId,
      operation: operation.label,
      exchanges: 0,
      identical: 0,
      accepted: 0,
      drifted: 0,
      recordings: [],
      newest: new Date(exchange.startedAt).toISOString(),
    }
    summary.exchanges += 1
    const file = exchange.source.replace(/#\d+$/, '')
    if (!summary.recordings.includes(file)) {
      summary.recordings.push(file)
    }
    if (exchange.startedAt > Date.parse(summary.newest)) {
      summary.newest = new Date(exchange.startedAt).toISOString()
    }
    if (findings.length === 0) {
      summary.identical += 1
    } else if (findings.some((finding) => drift.has(finding))) {
      summary.drifted += 1
    } else {
      summary.accepted += 1
    }
    summaries.set(key, summary)
  }
  return [...summaries.values()]
}
