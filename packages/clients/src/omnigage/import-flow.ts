import { ContactKitError, PollTimeoutError } from '../core/errors.js'
import { poll } from '../core/poll.js'
import type { Sleep } from '../core/sleep.js'
import type { ClientUploadOptions, ImportContact, ImportSettings, OmnigageClient } from './client.js'
import { type ImportSource, resolveFileSource } from './file-source.js'

/** Where an import stands: posting the file, then the import's own status. */
export type ImportPhase = 'uploading' | 'queued' | 'processing' | 'completed'

export interface ImportProgress {
  phase: ImportPhase
  /** The import as last read; absent while uploading. */
  import?: ImportContact
}

export interface ImportFileOptions extends ImportSettings {
  /** Called once as the upload starts, then after every read of the import (the created one first). */
  onProgress?: (progress: ImportProgress) => void
  /** Stops the flow at once: upload, polling and the result iterables reject with the signal's reason. */
  signal?: AbortSignal
  /** Time between reads of the import. Default 1 s. */
  pollIntervalMs?: number
  /** Give up with ImportTimeoutError once the import has been waited for this long. Default: as long as the signal allows. */
  maxWaitMs?: number
  /** How to wait between reads; tests pass one that advances a simulated clock. */
  sleep?: Sleep
  /** The S3 post's own options: `idempotent`, `timeoutMs`. */
  upload?: Pick<ClientUploadOptions, 'idempotent' | 'timeoutMs'>
}

/** What became of the file's data rows. */
export interface ImportCounts {
  /** Rows that made a new contact. */
  created: number
  /** Rows that changed the existing contact with the same primary phone or email. */
  updated: number
  /** Rows refused by validation; they are in `errors` and the errors file. */
  erred: number
  /** Rows matched to a contact that already held every value. */
  skipped: number
  /** Rows matched to an existing contact (updated + skipped). */
  resolved: number
  /** Data rows in the file. */
  total: number
}

/** A row the import refused. */
export interface RowError {
  /** 1 is the first row after the header. */
  row: number
  /** The row's cells as read. */
  values: string[]
  /** Why it was refused, in the vendor's words. */
  error: string
}

/** A contact a row created or updated. */
export interface ImportedContact {
  /** The contact's id, for `getContact` or `deleteContacts`. */
  id: string
  row: number
  status: 'created' | 'updated'
}

/**
 * A completed import. `import` and `counts` are in memory; `errors` and `contacts` are lazy: each
 * `for await` reads the import's results a page at a time from the start, so a file of a million
 * rows never holds a million objects.
 */
export interface ImportedFile {
  import: ImportContact
  counts: ImportCounts
  /** The refused rows, in file order (results filtered by `erred`); nothing is fetched when none erred. */
  errors: AsyncIterable<RowError>
  /** The contacts created or updated, in file order; skipped and erred rows have none. */
  contacts: AsyncIterable<ImportedContact>
}

/** The import ended `failed`: the file could not be read. `failureReason` says why. */
export class ImportFailedError extends ContactKitError {
  override name = 'ImportFailedError'
  readonly importId: string
  /** The vendor's `failure-reason`, when it gave one. */
  readonly failureReason: string | undefined
  /** What became of the rows read before the file failed; they stay imported. */
  readonly counts: ImportCounts

  constructor(readonly importContact: ImportContact) {
    const reason = importContact.attributes['failure-reason']
    super(
      `Import ${importContact.id} failed: ${(reason ?? 'no reason given').replace(/[.\s]+$/, '')}. Fix the file (a CSV or XLSX with a header row) and import it again.`,
    )
    this.importId = importContact.id
    this.failureReason = reason
    this.counts = countsOf(importContact)
  }
}

/** The import did not end within `maxWaitMs`; a PollTimeoutError, so `maxWaitMs`, `elapsedMs` and `attempts` are on it. */
export class ImportTimeoutError extends PollTimeoutError {
  override name = 'ImportTimeoutError'
}

/**
 * Polls an import until it is `completed` (returned) or `failed` (ImportFailedError), starting
 * from `current`, the import as last read, so no read is spent on an import just created.
 *
 * @example
 * const done = await waitForImport(omnigage, created, { onProgress: (p) => console.log(p.phase) })
 */
export async function waitForImport(
  client: OmnigageClient,
  current: ImportContact,
  options: ImportFileOptions = {},
): Promise<ImportContact> {
  const id = current.id
  const finished = await poll<ImportContact, ImportProgress>(
    async ({ attempt, signal }) => {
      const read = attempt === 1 ? current : await client.getImport(id, { signal })
      const { status } = read.attributes
      if (status === 'failed') {
        return { done: true, value: read }
      }
      const progress: ImportProgress = { phase: status, import: read }
      return status === 'completed' ? { done: true, value: read, progress } : { done: false, progress }
    },
    {
      intervalMs: options.pollIntervalMs ?? 1000,
      maxWaitMs: options.maxWaitMs,
      signal: options.signal,
      sleep: options.sleep,
      onProgress: options.onProgress,
      timeoutError: (details) =>
        new ImportTimeoutError(
          `Import ${id} did not finish within ${details.maxWaitMs} ms; raise maxWaitMs, or read it later with getImport("${id}").`,
          details,
        ),
    },
  )
  if (finished.attributes.status === 'failed') {
    throw new ImportFailedError(finished)
  }
  return finished
}

/**
 * The whole import: create an upload for the file, post it to S3, create the import, wait for it
 * to complete, and answer its counts with lazy iterables of the refused rows and of the contacts
 * made. An unsupported file (not .csv or .xlsx) throws UnsupportedFileError before any request;
 * a failed import throws ImportFailedError.
 *
 * @example
 * const { counts, errors, contacts } = await importFile(omnigage, './contacts.csv', { uniquePrimaryPhone: true })
 * console.log(`${counts.created} created, ${counts.erred} refused`)
 * for await (const { row, error } of errors) console.log(row, error)
 */
export async function importFile(
  client: OmnigageClient,
  source: ImportSource,
  options: ImportFileOptions = {},
): Promise<ImportedFile> {
  const { signal } = options
  const file = await resolveFileSource(source)
  signal?.throwIfAborted()
  options.onProgress?.({ phase: 'uploading' })
  const upload = await client.createUpload({ name: file.name, type: file.type, size: file.size }, { signal })
  await client.uploadToS3(upload, file, { ...options.upload, signal })
  const created = await client.createImport(upload, options, { signal })
  const completed = await waitForImport(client, created, options)
  const counts = countsOf(completed)
  return {
    import: completed,
    counts,
    errors: lazy(() => rowErrors(client, completed.id, counts, signal)),
    contacts: lazy(() => importedContacts(client, completed.id, counts, signal)),
  }
}

function countsOf({ attributes }: ImportContact): ImportCounts {
  return {
    created: attributes['count-created'],
    updated: attributes['count-updated'],
    erred: attributes['count-erred'],
    skipped: attributes['count-skipped'],
    resolved: attributes['count-resolved'],
    total: attributes['count-total'],
  }
}

/** An iterable that starts a new generator for every `for await`. */
function lazy<T>(start: () => AsyncGenerator<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: start }
}

async function* rowErrors(
  client: OmnigageClient,
  id: string,
  counts: ImportCounts,
  signal: AbortSignal | undefined,
): AsyncGenerator<RowError> {
  if (counts.erred === 0) {
    return
  }
  for await (const result of client.importResults(id, { status: 'erred', signal })) {
    const { row, values, error } = result.attributes
    yield { row, values: values ?? [], error: error ?? 'No reason given.' }
  }
}

async function* importedContacts(
  client: OmnigageClient,
  id: string,
  counts: ImportCounts,
  signal: AbortSignal | undefined,
): AsyncGenerator<ImportedContact> {
  if (counts.created + counts.updated === 0) {
    return
  }
  // One outcome is a filter the server applies; both mean reading every row and keeping theirs.
  const status = counts.updated === 0 ? 'created' : counts.created === 0 ? 'updated' : undefined
  for await (const result of client.importResults(id, { status, signal })) {
    const { row, status: outcome } = result.attributes
    const contactId = result.relationships.contact.data?.id
    if ((outcome === 'created' || outcome === 'updated') && contactId) {
      yield { id: contactId, row, status: outcome }
    }
  }
}
