import { describe, expect, it } from 'vitest'
import { explainCsvError, maxRowChars } from './csv-errors.js'
import { readRows } from './table-reader.js'
import { collect, csvFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

async function failure(text: string): Promise<string> {
  try {
    await collect(readRows(csvFile(text)))
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFileError)
    return (error as Error).message
  }
  throw new Error('expected an UnreadableFileError')
}

const unclosed = (line: number) =>
  `Line ${line}: a quoted field is not closed. A field that starts with a double quote (") must end with one, and a ` +
  'quote inside it must be doubled (""); fix the quotes on that line and upload the file again.'
const tooLong = (line: number) =>
  `Line ${line}: the row is longer than 1 MiB, more than a contact can hold. Check that the file is a list of ` +
  'contacts, one per line, and upload it again.'

describe('a quoted field that never closes', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('is named by the line it opens on, lines ended by %s', async (_ending, eol) => {
    const text = ['Name,Email', 'Ada,ada@example.com', 'Bo,"bo@example.com', 'Cy,cy@example.com', ''].join(eol)
    expect(await failure(text)).toBe(unclosed(3))
  })

  it('opens only at the start of a field: a quote inside one is kept as written', async () => {
    const text = 'Name,Note\nAda,5" tall\nBo,"open\nCy,x\n'
    expect(await failure(text)).toBe(unclosed(3))
  })

  it.each([
    ['the file', '"Name,Email\nAda,x\n', 1],
    ['a line after LF', 'Name\n"Ada\nBo\n', 2],
    ['a line after a lone CR', 'Name\r"Ada\rBo\r', 2],
  ])('opens at the start of %s', async (_where, text, line) => {
    expect(await failure(text)).toBe(unclosed(line))
  })

  it('stays open over doubled quotes, and closes at a single one', async () => {
    const text = 'Name,Note\nAda,"say ""hi"", then go"\nBo,"say ""hi""\nCy,x\n'
    expect(await failure(text)).toBe(unclosed(3))
  })

  it('opens again after a quoted field that closed on the same line', async () => {
    const text = 'Name,Note,Email\nAda,"ok",a@example.com\nBo,"ok","b@example.com\nCy,x,y\n'
    expect(await failure(text)).toBe(unclosed(3))
  })
})

describe('a row longer than 1 MiB', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('is named by the line it starts on, lines ended by %s', async (_ending, eol) => {
    const text = ['Name,Note', 'Ada,short', `Bo,${'x'.repeat(maxRowChars + 10)}`, 'Cy,short', ''].join(eol)
    expect(await failure(text)).toBe(tooLong(3))
  })

  it.each([
    ['a row of exactly 1 MiB', `${'x'.repeat(maxRowChars)}`],
    ['a quoted field open for exactly 1 MiB of its row', `"${'x'.repeat(maxRowChars - 1)}"`],
  ])('is found past %s, which is not too long', async (_what, row) => {
    const text = `Name\n${row}\nBo,${'y'.repeat(maxRowChars + 10)}\n`
    expect(await failure(text)).toBe(tooLong(3))
  })

  it('is named by the line of a quote open for more than 1 MiB, though it closes further on', async () => {
    const text = `Name,Note\nAda,"${'x'.repeat(maxRowChars + 10)}"\nBo,short\n`
    expect(await failure(text)).toBe(unclosed(2))
  })

  it('is named by the line of the quote left open in it', async () => {
    const text = `Name,Note\r\nAda,"open\r\nBo,${'x'.repeat(maxRowChars + 10)}\r\n`
    expect(await failure(text)).toBe(unclosed(2))
  })
})

describe('explainCsvError', () => {
  const file = csvFile('Name\nAda\n')

  it.each([
    ['an error without a code', new Error('disk full')],
    ['an error whose code is not csv-parse', Object.assign(new Error('no file'), { code: 'ENOENT' })],
    ['an error whose code is a number', Object.assign(new Error('odd'), { code: 42 })],
    ['something thrown that is no error', { code: 'CSV_QUOTE_NOT_CLOSED' }],
  ])('passes %s through as it is', (_what, error) => {
    expect(explainCsvError(error, file)).toBe(error)
  })

  it('words any other csv-parse error with its line when it gives one', () => {
    const withLine = Object.assign(new Error('Invalid Record Length'), { code: 'CSV_RECORD_INCONSISTENT', lines: 7 })
    expect((explainCsvError(withLine, file) as Error).message).toBe(
      'Line 7: "contacts.csv" could not be read as CSV (Invalid Record Length).',
    )
    const withoutLine = Object.assign(new Error('Invalid option'), { code: 'CSV_INVALID_OPTION' })
    expect((explainCsvError(withoutLine, file) as Error).message).toBe(
      '"contacts.csv" could not be read as CSV (Invalid option).',
    )
  })

  it('looks for an open quote only when csv-parse says a quote or a row runs on', () => {
    const withOpenQuote = csvFile('Name\n"Ada\n')
    const error = Object.assign(new Error('Invalid Closing Quote'), { code: 'CSV_INVALID_CLOSING_QUOTE', lines: 2 })
    expect((explainCsvError(error, withOpenQuote) as Error).message).toBe(
      'Line 2: "contacts.csv" could not be read as CSV (Invalid Closing Quote).',
    )
  })

  it('searched from the start, names the first row longer than the limit, not one that holds it exactly', () => {
    const file = csvFile(`Name\n${'x'.repeat(maxRowChars)}\n${'y'.repeat(maxRowChars + 1)}\n`)
    const error = Object.assign(new Error('Max Record Size'), { code: 'CSV_MAX_RECORD_SIZE', lines: 3 })
    expect((explainCsvError(error, file) as Error).message).toBe(tooLong(3))
  })

  it('words a quote csv-parse finds unclosed where the file has none as any other error', () => {
    const error = Object.assign(new Error('Quote Not Closed'), { code: 'CSV_QUOTE_NOT_CLOSED', lines: 2 })
    expect((explainCsvError(error, file) as Error).message).toBe(
      'Line 2: "contacts.csv" could not be read as CSV (Quote Not Closed).',
    )
  })
})
