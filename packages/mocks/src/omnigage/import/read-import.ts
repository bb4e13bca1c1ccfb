import type { UploadedFile } from './file-kind.js'
import { autoMap, checkMapping, type Mapping } from './mapping.js'
import { readsBack } from './record-source.js'
import { type RowOutcome, validateRow } from './row-outcome.js'
import { openRows } from './table-reader.js'

/** One data row of an import and what became of it. */
export interface ImportRow {
  /** 1-based among data rows: the header and blank rows are not counted. */
  row: number
  /** The row's trimmed cells, one per column of the header. */
  cells: string[]
  outcome: RowOutcome
  /** The row's bytes in the file, when `recordSource` can read it back from them. */
  record?: { start: number; end: number }
}

/** A mapping sent for an import does not fit the file; the message says what is wrong. */
export class InvalidMappingError extends Error {
  override readonly name = 'InvalidMappingError'
}

/**
 * Opens a file for import and answers its data rows with their outcomes, read one at a time as
 * the iteration asks (no promise per row: a million-row import is one loop), so the caller can
 * apply each to its store without the file's rows ever being held together. Uses `mapping` when
 * given (checked against the header first: an `InvalidMappingError` says what is wrong) and the
 * automatic mapping of the header otherwise. Rejects, or throws while iterating, with
 * `UnreadableFileError` when the file cannot be read, at the point where it goes wrong: rows
 * before it have been given.
 *
 * @example
 * for (const { row, cells, outcome } of await openImport(file)) {
 *   if (outcome.ok) store.add(outcome.contact)
 *   else erred.push({ row, cells, reason: outcome.reason })
 * }
 */
export async function openImport(
  file: UploadedFile,
  mapping?: Mapping,
): Promise<Generator<ImportRow, void, undefined>> {
  // Nothing reads ahead of the rows asked for: a reader let go (a mapping refused, a loop broken
  // off) leaves nothing running.
  const rows = await openRows(file)
  const columns = mappingFor(rows.header, mapping)
  return (function* () {
    let row = 0
    for (let cells = rows.next(); cells !== undefined; cells = rows.next()) {
      row++
      const record = rows.record
      yield {
        row,
        cells,
        outcome: validateRow(cells, columns),
        ...(record !== undefined && readsBack(file, record) ? { record } : {}),
      }
    }
  })()
}

/**
 * `openImport` as an async iterable: the rows of a file with their outcomes.
 *
 * @example
 * for await (const { row, outcome } of readImport(file)) if (!outcome.ok) console.log(row, outcome.reason)
 */
export async function* readImport(file: UploadedFile, mapping?: Mapping): AsyncGenerator<ImportRow, void, undefined> {
  yield* await openImport(file, mapping)
}

function mappingFor(header: string[], mapping: Mapping | undefined): Mapping {
  if (mapping === undefined) {
    return autoMap(header)
  }
  const checked = checkMapping(mapping, header)
  if (!checked.ok) {
    throw new InvalidMappingError(checked.reason)
  }
  return checked.mapping
}
