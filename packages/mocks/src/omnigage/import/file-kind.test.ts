import { describe, expect, it } from 'vitest'
import { fileKind } from './file-kind.js'
import { bytesFile, csvFile, xlsxFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

function reason(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFileError)
    return (error as Error).message
  }
  throw new Error('expected an UnreadableFileError')
}

describe('fileKind', () => {
  it('reads a ZIP archive as XLSX and text as CSV, whatever the name says', async () => {
    expect(fileKind(await xlsxFile([['Email']], 'contacts.csv'))).toBe('xlsx')
    expect(fileKind(csvFile('Email\nada@example.com\n', 'contacts.xlsx'))).toBe('csv')
    expect(fileKind(bytesFile([0xff, 0xfe, 0x45, 0x00]))).toBe('csv')
    expect(fileKind(bytesFile([0xfe, 0xff, 0x00, 0x45]))).toBe('csv')
  })

  it('says what a known binary file is and what to upload instead', () => {
    const pdf = bytesFile([...new TextEncoder().encode('%PDF-1.7\n'), 0, 1, 2], 'contacts.pdf')
    expect(reason(() => fileKind(pdf))).toBe(
      '"contacts.pdf" is a PDF document, not a CSV or XLSX file: export the contacts as "CSV UTF-8" or as an ' +
        'Excel workbook (.xlsx) and upload that.',
    )
    const png = bytesFile([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'photo.png')
    expect(reason(() => fileKind(png))).toMatch(/^"photo.png" is a PNG image, not a CSV or XLSX file/)
    const xls = bytesFile([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'old.xls')
    expect(reason(() => fileKind(xls))).toMatch(/Excel 97-2003 workbook \(.xls\).*save it as "Excel Workbook/)
  })

  it('refuses other binary data by its NUL bytes', () => {
    expect(reason(() => fileKind(bytesFile([0x41, 0x42, 0x00, 0x43], 'data.bin')))).toMatch(
      /^"data.bin" is not a CSV or XLSX file: it holds binary data \(a NUL byte at byte 3\)/,
    )
  })

  it('calls an empty file empty', () => {
    expect(reason(() => fileKind(bytesFile([])))).toBe('The file is empty.')
  })
})
