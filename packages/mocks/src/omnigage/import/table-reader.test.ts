import { describe, expect, it } from 'vitest'
import { openRows, readRows } from './table-reader.js'
import { bytesFile, collect, csvFile, documentedHeader, documentedSample, xlsxFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

async function failure(rows: AsyncIterable<unknown>): Promise<string> {
  try {
    await collect(rows)
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFileError)
    return (error as Error).message
  }
  throw new Error('expected an UnreadableFileError')
}

const documentedCsv = `${documentedHeader.join(',')}\r\n${documentedSample.join(',')}\r\n`

describe('readRows from CSV', () => {
  it('reads the documented example: the header, then the data row', async () => {
    expect(await collect(readRows(csvFile(documentedCsv)))).toEqual([documentedHeader, documentedSample])
  })

  it('trims cells and reads quoted commas, quotes and line breaks', async () => {
    const text = ' First Name , Company ,Email\n"Ada"," Lovelace, ""Analytical"" Engines\nLtd. ",  ada@example.com \n'
    expect(await collect(readRows(csvFile(text)))).toEqual([
      ['First Name', 'Company', 'Email'],
      ['Ada', 'Lovelace, "Analytical" Engines\nLtd.', 'ada@example.com'],
    ])
  })

  it('skips blank lines and rows of empty cells, before and after the header', async () => {
    const text = '\n  \nName,Email\n\n,\nAda,ada@example.com\r\n\r\n , \nGrace,grace@example.com'
    expect(await collect(readRows(csvFile(text)))).toEqual([
      ['Name', 'Email'],
      ['Ada', 'ada@example.com'],
      ['Grace', 'grace@example.com'],
    ])
  })

  it('pads short rows and drops cells past the last column', async () => {
    const text = 'Name,Phone,Email\nAda\nGrace,2015550123,grace@example.com,extra,more\n'
    expect(await collect(readRows(csvFile(text)))).toEqual([
      ['Name', 'Phone', 'Email'],
      ['Ada', '', ''],
      ['Grace', '2015550123', 'grace@example.com'],
    ])
  })

  it('keeps a quote inside an unquoted field as written', async () => {
    expect(await collect(readRows(csvFile('Name,Email\nBob "Bobby" Tables,bob@example.com\n')))).toEqual([
      ['Name', 'Email'],
      ['Bob "Bobby" Tables', 'bob@example.com'],
    ])
  })

  it('reads UTF-8 with a byte order mark and UTF-16 with one', async () => {
    const withBom = bytesFile([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(documentedCsv)])
    expect(await collect(readRows(withBom))).toEqual([documentedHeader, documentedSample])
    const units = [0xfeff, ...Array.from(documentedCsv, (char) => char.charCodeAt(0))]
    const utf16le = bytesFile(units.flatMap((unit) => [unit & 0xff, unit >> 8]))
    expect(await collect(readRows(utf16le))).toEqual([documentedHeader, documentedSample])
  })

  it('names the line where a quoted field opens and never closes', async () => {
    // Line 3 holds a quoted line break, so the broken quote on line 5 is the fourth record.
    const text =
      'Name,Company,Email\r\nAda,Acme,ada@example.com\r\nGrace,"Navy\r\nYard",grace@example.com\r\nAlan,"Bletchley, alan@example.com\r\nEdsger,TU,edsger@example.com\r\n'
    expect(await failure(readRows(csvFile(text)))).toBe(
      'Line 5: a quoted field is not closed. A field that starts with a double quote (") must end with one, and a ' +
        'quote inside it must be doubled (""); fix the quotes on that line and upload the file again.',
    )
  })

  it('stops at an unclosed quote after a megabyte of one row instead of reading the whole file into it', async () => {
    const rows = Array.from({ length: 30_000 }, (_, index) => `Person ${index},person${index}@example.com`)
    const text = `Name,Email\nAda,"ada@example.com\n${rows.join('\n')}\n`
    const started = performance.now()
    expect(await failure(readRows(csvFile(text)))).toMatch(/^Line 2: a quoted field is not closed\./)
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('calls a file of blank lines empty, and a header alone a header without data rows', async () => {
    expect(await failure(readRows(csvFile('')))).toBe('The file is empty.')
    expect(await failure(readRows(csvFile('\r\n , \n\n')))).toBe('The file is empty.')
    expect(await failure(readRows(csvFile('Name,Email\n\n')))).toBe(
      '"contacts.csv" has a header row but no data rows: add the contacts below the header, one per row, and ' +
        'upload it again.',
    )
  })

  it('refuses Latin-1 and binary files with their sentence', async () => {
    const latin1 = bytesFile([
      ...new TextEncoder().encode('Name,Email\nRen'),
      0xe9,
      ...new TextEncoder().encode(',r@example.com\n'),
    ])
    expect(await failure(readRows(latin1))).toMatch(
      /^"contacts.csv" is not UTF-8 text: line 2, after "Ren", has the byte 0xE9/,
    )
    const pdf = bytesFile([...new TextEncoder().encode('%PDF-1.4\n'), 0, 0], 'contacts.pdf')
    expect(await failure(readRows(pdf))).toMatch(/^"contacts.pdf" is a PDF document/)
  })

  it('reads every row of a file many chunks long', async () => {
    const count = 20_000
    const lines = Array.from(
      { length: count },
      (_, index) => `Person ${index},"Acme, Inc.",${2015550100 + (index % 100)}`,
    )
    const rows = await openRows(csvFile(`Name,Company,Phone\n${lines.join('\n')}\n`))
    let seen = 0
    for (let cells = await rows.next(); cells !== undefined; cells = await rows.next()) {
      expect(cells[0]).toBe(`Person ${seen}`)
      seen++
    }
    expect(seen).toBe(count)
  })
})

describe('readRows from XLSX', () => {
  it('reads the documented example from the first sheet, the phone stored as a number', async () => {
    const file = await xlsxFile([
      documentedHeader,
      ['Sampson', 'Victor', 'Omnigage', 14076341732, 'sampson.victor@mailinator.com'],
    ])
    expect(await collect(readRows(file))).toEqual([documentedHeader, documentedSample])
  })

  it('writes numbers, dates and booleans as a person reads them, and skips empty rows', async () => {
    const file = await xlsxFile([
      ['Name', 'Phone', 'Since', 'Active', 'Score', 'Email'],
      [],
      ['  Ada  ', 2015550123, new Date(Date.UTC(2024, 2, 14)), true, 2.5, 'ada@example.com'],
      ['Grace', 12015550124, new Date(Date.UTC(2024, 2, 14, 9, 30)), false, null, 'grace@example.com'],
    ])
    expect(await collect(readRows(file))).toEqual([
      ['Name', 'Phone', 'Since', 'Active', 'Score', 'Email'],
      ['Ada', '2015550123', '2024-03-14', 'TRUE', '2.5', 'ada@example.com'],
      ['Grace', '12015550124', '2024-03-14 09:30:00', 'FALSE', '', 'grace@example.com'],
    ])
  })

  it('refuses a ZIP archive that is not a workbook, and a workbook with only a header', async () => {
    // A ZIP with a single stored entry "a.txt" and no workbook in it.
    const zip = bytesFile(
      [
        ...[0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x43, 0xbe, 0xb7, 0xe8, 1, 0, 0, 0, 1, 0, 0, 0],
        ...[5, 0, 0, 0, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x41],
        ...[0x50, 0x4b, 0x01, 0x02, 0x14, 0, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x43, 0xbe, 0xb7, 0xe8, 1, 0, 0, 0],
        ...[1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x61, 0x2e, 0x74, 0x78, 0x74],
        ...[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 0x33, 0, 0, 0, 0x27, 0, 0, 0, 0, 0],
      ],
      'archive.xlsx',
    )
    expect(await failure(readRows(zip))).toMatch(
      /^"archive.xlsx" is a ZIP archive but not an Excel workbook that can be read/,
    )
    expect(await failure(readRows(await xlsxFile([['Name', 'Email']])))).toMatch(/has a header row but no data rows/)
  })
})
