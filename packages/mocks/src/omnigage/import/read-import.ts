import type { UploadedFile } from './file-kind.js'
import { autoMap, checkMapping, type Mapping } from './mapping.js'
import { type RowOutcome, validateRow } from './row-outcome.js'
import { openRows } from './table-reader.js'

/** One data row of an import and what became of it. */
export interface ImportRow {
  /** 1-based among data rows: the header and blank rows are not counted. */
  row: number
  /** The row's trimmed cells, one per column of the header. */
  cells: string[]
  outcome: RowOutcome
}

/** A mapping sent for an import does not fit the file; the message says what is wrong. */
export class InvalidMappingError extends Error {
  override readonly name = 'InvalidMappingError'
}

/**
 * Reads a whole file and yields every data row with its outcome, one at a time, so the caller can
 * apply each to its store without the file's rows ever being held together. Uses `mapping` when
 * given (checked against the header first: an `InvalidMappingError` says what is wrong) and the
 * automatic mapping of the header otherwise. Throws `UnreadableFileError` when the file cannot be
 * read, at the point where it goes wrong: rows before it have been yielded.
 *
 * @example
 * for await (const { row, cells, outcome } of readImport(file)) {
 *   if (outcome.ok) store.add(outcome.contact)
 *   else erred.push({ row, cells, reason: outcome.reason })
 * }
 */
export async function* readImport(file: UploadedFile, mapping?: Mapping): AsyncGenerator<ImportRow, void, undefined> {
  const rows = await openRows(file)
  try {
    const columns = mappingFor(rows.header, mapping)
    let row = 0
    for (let cells = await rows.next(); cells !== undefined; cells = await rows.next()) {
      row++
      yield { row, cells, outcome: validateRow(cells, columns) }
    }
  } finally {
    rows.close()
  }
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
