/** A row that was not imported: its 1-based data row number, its cells and the reason. */
export interface ErredRow {
  row: number
  cells: readonly string[]
  reason: string
}

const needsQuotes = /[",\r\n]/
const quote = /"/g

/**
 * The CSV a user downloads to fix the rows that were not imported and import them again: the
 * file's own columns, then `Row` (the data row number) and `Error` (the reason). RFC 4180: CRLF
 * after every record, fields with a comma, quote or line break in double quotes, quotes doubled.
 * Rows are padded or cut to the header so the added columns line up.
 *
 * @example
 * errorsCsv(['Name', 'Phone'], [{ row: 2, cells: ['Ada, Countess', '555-01'], reason: 'Invalid phone number specified: "555-01"' }])
 * // 'Name,Phone,Row,Error\r\n"Ada, Countess",555-01,2,"Invalid phone number specified: ""555-01"""\r\n'
 */
export function errorsCsv(header: readonly string[], erred: readonly ErredRow[]): string {
  const lines = [csvLine([...header, 'Row', 'Error'])]
  for (const { row, cells, reason } of erred) {
    const fields = header.map((_, column) => cells[column] ?? '')
    lines.push(csvLine([...fields, String(row), reason]))
  }
  return lines.join('')
}

/**
 * One CSV record with its CRLF, quoted as RFC 4180 asks.
 *
 * @example
 * csvLine(['Ada', 'say "hi"']) // 'Ada,"say ""hi"""\r\n'
 */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((field) => (needsQuotes.test(field) ? `"${field.replace(quote, '""')}"` : field)).join(',')}\r\n`
}
