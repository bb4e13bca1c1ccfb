import { describe, expect, it } from 'vitest'
import { fileKind, fileLabel } from './file-kind.js'
import { bytesFile } from './testing/fixtures.js'

function reason(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the file to be refused')
}

describe('fileKind at the edges', () => {
  it('says in full what to do with binary data it does not know', () => {
    expect(reason(() => fileKind(bytesFile([0x41, 0x00], 'data.bin')))).toBe(
      '"data.bin" is not a CSV or XLSX file: it holds binary data (a NUL byte at byte 2). If it is UTF-16 text ' +
        'without a byte order mark, or another spreadsheet format, export the contacts as "CSV UTF-8" or as an ' +
        'Excel workbook (.xlsx) and upload that.',
    )
  })

  const instead = 'export the contacts as "CSV UTF-8" or as an Excel workbook (.xlsx) and upload that'
  it.each([
    ['a JPEG image', [0xff, 0xd8, 0xff, 0xe0], instead],
    ['a GIF image', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], instead],
    ['a gzip archive', [0x1f, 0x8b, 0x08, 0x00], 'unpack it and upload the CSV or XLSX file inside'],
    [
      'an Excel 97-2003 workbook (.xls) or a password-protected workbook',
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00],
      'open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"',
    ],
    ['an RTF document', [0x7b, 0x5c, 0x72, 0x74, 0x66, 0x31], instead],
  ])('names %s and says what to upload instead', (what, bytes, fix) => {
    expect(reason(() => fileKind(bytesFile(bytes, 'contacts.csv')))).toBe(
      `"contacts.csv" is ${what}, not a CSV or XLSX file: ${fix}.`,
    )
  })

  it('calls a file without a name "The file"', () => {
    expect(fileLabel({ name: '' })).toBe('The file')
    expect(reason(() => fileKind(bytesFile([0x41, 0x00], '')))).toMatch(/^The file is not a CSV or XLSX file/)
  })

  it('reads a file of exactly a signature as that kind, and a shorter one as text', () => {
    expect(fileKind(bytesFile([0x50, 0x4b, 0x03, 0x04], 'contacts.xlsx'))).toBe('xlsx')
    expect(reason(() => fileKind(bytesFile([0x25, 0x50, 0x44, 0x46], 'a.pdf')))).toMatch(/is a PDF document/)
    expect(fileKind(bytesFile([0x50, 0x4b, 0x03], 'contacts.csv'))).toBe('csv')
    expect(fileKind(bytesFile([0x25, 0x50, 0x44], 'a.csv'))).toBe('csv')
  })
})
