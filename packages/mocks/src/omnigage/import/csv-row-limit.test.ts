import { describe, expect, it } from 'vitest'
import { maxRowChars } from './csv-errors.js'
import { readRows } from './table-reader.js'
import { collect, csvFile } from './testing/fixtures.js'

/** How far a file reads: its rows, or the sentence it fails with. */
async function outcome(text: string): Promise<{ rows: number } | { error: string }> {
  try {
    return { rows: (await collect(readRows(csvFile(text)))).length }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

const tooLong = (line: number) => ({
  error:
    `Line ${line}: the row is longer than 1 MiB, more than a contact can hold. Check that the file is a list of ` +
    'contacts, one per line, and upload it again.',
})
const unclosed = (line: number) => ({
  error:
    `Line ${line}: a quoted field is not closed. A field that starts with a double quote (") must end with one, and a ` +
    'quote inside it must be doubled (""); fix the quotes on that line and upload the file again.',
})

describe('the row limit', () => {
  it('reads a row of exactly the limit, and refuses one character more by its own line', async () => {
    expect(await outcome(`Name\n${'x'.repeat(maxRowChars)}\nBo\n`)).toEqual({ rows: 3 })
    expect(await outcome(`Name\n${'x'.repeat(maxRowChars + 1)}\nBo\n`)).toEqual(tooLong(2))
  })

  it('counts a quoted field by what is between its quotes', async () => {
    expect(await outcome(`Name\n"${'x'.repeat(maxRowChars)}"\nBo\n`)).toEqual({ rows: 3 })
    expect(await outcome(`Name\n"${'x'.repeat(maxRowChars + 1)}"\nBo\n`)).toEqual(unclosed(2))
  })

  it('counts the cells of a row, not its commas, and names the later row that broke the limit', async () => {
    // Ten one-letter cells and their commas, then the rest of the limit: the cells hold exactly the limit.
    const full = `${'a,'.repeat(10)}${'x'.repeat(maxRowChars - 10)}`
    expect(await outcome(`Name,Note\n${full}\nBo,y\n`)).toEqual({ rows: 3 })
    expect(await outcome(`Name,Note\n${full}\nBo,${'y'.repeat(maxRowChars + 10)}\nCy,z\n`)).toEqual(tooLong(3))
  })

  it('counts a doubled quote once, and names the later row that broke the limit', async () => {
    // Twenty doubled quotes are twenty characters of the field: it holds the limit less twenty.
    const quoted = `"${'""'.repeat(20)}${'x'.repeat(maxRowChars - 40)}"`
    expect(await outcome(`Name\n${quoted}\nBo\n`)).toEqual({ rows: 3 })
    expect(await outcome(`Name\n${quoted}\n${'y'.repeat(maxRowChars + 10)}\n`)).toEqual(tooLong(3))
  })
})
