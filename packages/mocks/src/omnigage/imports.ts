import { type Timeline, timeline } from '../core/timeline.js'
import type { Account } from './accounts.js'
import type { ContactValues } from './contacts.js'
import { csvType, errorsFileName, type StoredFile } from './files.js'
import type { IdSource } from './ids.js'
import type { ContactField, UploadedFile } from './import/index.js'
import { importEngine } from './import-engine.js'
import { RowLog, type RowStatus } from './row-log.js'

export type { RowStatus } from './row-log.js'

/** How long an import waits and works, on the simulator clock. */
export interface ImportTiming {
  /** Time in `queued`. Default 1 s. */
  queuedMs: number
  /** Time in `processing`, plus `processingMsPerMegabyte` for each MiB of the file. Default 2 s. */
  processingMs: number
  /** Default 100 ms: a 100 MB file takes 12 s of simulator time. */
  processingMsPerMegabyte: number
}

export const defaultImportTiming: ImportTiming = { queuedMs: 1000, processingMs: 2000, processingMsPerMegabyte: 100 }

/** The options an import is created with. */
export interface ImportSettings {
  uniquePrimaryPhone: boolean
  uniquePrimaryEmail: boolean
  updatePruning: boolean
  enablePreflights: boolean
}

export interface ImportCounts {
  created: number
  updated: number
  erred: number
  total: number
  resolved: number
  skipped: number
}

/** What became of the file: counts, each row's outcome, and why it failed if it did. */
export interface ImportResult {
  status: 'completed' | 'failed'
  failureReason?: string
  counts: ImportCounts
  /** Each row's status and the contact it went to. */
  rows: RowLog
  /** Erred rows' cells and reasons, by row number. */
  erred: Map<number, { values: string[]; reason: string }>
  errorsFileId: string | null
  finishedAt: number
}

/** A contact import: what it was given, what it previewed, and (once the clock has passed its end) its result. */
export interface ImportJob {
  readonly id: string
  readonly uploadId: string
  readonly createdAt: number
  readonly settings: ImportSettings
  readonly header: string[]
  readonly mapping: (ContactField | null)[]
  readonly sample: string[]
  readonly file: UploadedFile
  readonly originalFileId: string
  /** Why the file cannot be imported, found when previewing it; the import fails when processing ends. */
  readonly previewFailure?: string
  readonly timeline: Timeline<'queued' | 'processing'>
  result?: ImportResult
  settling?: Promise<ImportResult>
}

/**
 * The timeline of an import created now: queued, then processing for a time that grows with the
 * file's size.
 *
 * @example
 * const steps = importTimeline(clock.now(), file.bytes.length, defaultImportTiming)
 */
export function importTimeline(createdAt: number, bytes: number, timing: ImportTiming) {
  const processingMs = timing.processingMs + Math.round((bytes / (1024 * 1024)) * timing.processingMsPerMegabyte)
  return timeline<'queued' | 'processing'>(createdAt, [
    { phase: 'queued', durationMs: timing.queuedMs },
    { phase: 'processing', durationMs: processingMs },
  ])
}

/**
 * The import's status at a clock time: queued and processing from its timeline, then the result's.
 * A job past its timeline without a result has yet to be settled (`settleImport`).
 */
export function statusAt(job: ImportJob, now: number): 'queued' | 'processing' | 'completed' | 'failed' {
  const phase = job.timeline.at(now).phase
  if (phase !== 'done') {
    return phase
  }
  return job.result?.status ?? 'processing'
}

/**
 * Reads the whole file and applies it to the account's contacts, once: the first request to see
 * the import past its timeline does it, and any request arriving meanwhile waits for the same work.
 * Rows are applied as they are read, so a million-row file never sits in memory as rows. For a job
 * without a result yet (`settleDue` picks those): a settled one would be read again.
 *
 * @example
 * if (!job.result && job.timeline.at(clock.now()).phase === 'done') await settleImport(job, account, ids)
 */
export function settleImport(job: ImportJob, account: Account, ids: IdSource): Promise<ImportResult> {
  job.settling ??= runImport(job, account, ids).then((result) => {
    job.result = result
    job.settling = undefined
    return result
  })
  return job.settling
}

async function runImport(job: ImportJob, account: Account, ids: IdSource): Promise<ImportResult> {
  const { errorsCsv, openImport, recordSource, UnreadableFileError } = await importEngine()
  const at = job.timeline.endsAt
  const result: ImportResult = {
    status: 'completed',
    counts: { created: 0, updated: 0, erred: 0, total: 0, resolved: 0, skipped: 0 },
    rows: new RowLog((slot) => account.contacts.idAt(slot)),
    erred: new Map(),
    errorsFileId: null,
    finishedAt: at,
  }
  if (job.previewFailure !== undefined) {
    return { ...result, status: 'failed', failureReason: job.previewFailure }
  }
  try {
    // The file's rows are read back from it by byte range when it allows, rather than held: the
    // file is registered as a source at the first row that can be.
    let source: number | undefined
    const sourceOf = () => (source ??= account.contacts.addSource(recordSource(job.file, job.mapping)))
    for (const { row, cells, outcome, record: bytes } of await openImport(job.file, job.mapping)) {
      if (++result.counts.total % rowsBetweenPauses === 0) {
        await pause()
      }
      if (!outcome.ok) {
        record(result, 'erred', undefined)
        result.erred.set(row, { values: cells, reason: outcome.reason })
        continue
      }
      const [status, slot] = applyRow(outcome.contact, job.settings, account, ids, at, bytes, sourceOf)
      record(result, status, slot)
    }
  } catch (error) {
    // Rows before the unreadable part stay imported and counted, as a real importer leaves them.
    // Any other error fails this import too, with what went wrong, rather than every later request
    // of the account (each would settle the import again and meet the same error).
    result.status = 'failed'
    result.failureReason =
      error instanceof UnreadableFileError
        ? error.message
        : `The simulator could not import "${job.file.name}" (${error instanceof Error ? error.message : String(error)}); the rows before this point were imported.`
  }
  if (result.erred.size > 0) {
    const file: StoredFile = {
      id: ids.next(),
      name: errorsFileName(job.file.name),
      type: csvType,
      bytes: new TextEncoder().encode(
        errorsCsv(
          job.header,
          [...result.erred].map(([row, { values, reason }]) => ({ row, cells: values, reason })),
        ),
      ),
      createdAt: at,
    }
    account.files.set(file.id, file)
    result.errorsFileId = file.id
  }
  return result
}

// Rows are read without a promise each; every so often the import lets other requests in.
const rowsBetweenPauses = 16_384
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function record(result: ImportResult, status: RowStatus, slot: number | undefined): void {
  result.rows.push(status, slot)
  result.counts[status]++
  if (status === 'updated' || status === 'skipped') {
    result.counts.resolved++
  }
}

/**
 * One valid row: the existing contact it names by primary phone or email (when the import asks
 * for that), updated or left as it is, or a new contact (read back from its record when it has
 * one, in the source `sourceOf` answers). Answers the row's status and the contact's slot.
 */
function applyRow(
  values: ContactValues,
  settings: ImportSettings,
  account: Account,
  ids: IdSource,
  at: number,
  record: { start: number; end: number } | undefined,
  sourceOf: () => number,
): [RowStatus, number] {
  const { contacts, membershipId } = account
  const phone = values.phoneNumbers[0]
  const email = values.emailAddresses[0]
  const existing =
    (settings.uniquePrimaryPhone && phone !== undefined ? contacts.slotOfPrimaryPhone(phone) : undefined) ??
    (settings.uniquePrimaryEmail && email !== undefined ? contacts.slotOfPrimaryEmail(email) : undefined)
  if (existing !== undefined) {
    const changed = contacts.update(existing, values, at, membershipId, settings.updatePruning)
    return [changed ? 'updated' : 'skipped', existing]
  }
  const position = ids.reserve()
  const slot =
    record === undefined
      ? contacts.add(position, values, at, membershipId)
      : contacts.addRecord(position, sourceOf(), record, values, at, membershipId)
  return ['created', slot]
}
