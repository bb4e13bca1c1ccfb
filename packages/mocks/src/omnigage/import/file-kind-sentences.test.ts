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
