import { describe, expect, it } from 'vitest'
import { bytesFile, xlsxFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'
import { cellText, StoredNumber, xlsxRecords } from './xlsx-records.js'

describe('cellText', () => {
  it.each([
    ['an empty cell', null, ''],
    ['a missing cell', undefined, ''],
    ['text', ' Ada ', ' Ada '],
    ['text that looks like a number', '1.50', '1.50'],
    ['a stored integer', new StoredNumber('14076341732'), '14076341732'],
    ['a stored integer with an exponent', new StoredNumber('1.4076341732E+10'), '14076341732'],
    ['a stored integer with a lower-case exponent', new StoredNumber('1.4076341732e10'), '14076341732'],
    ['a stored integer with zero decimals', new StoredNumber('7.000'), '7'],
    ['a stored integer with a bare point', new StoredNumber('7.'), '7'],
    ['a stored decimal, its trailing zero kept', new StoredNumber('12.50'), '12.50'],
    ['a stored decimal with a small exponent', new StoredNumber('1.5E-7'), '0.00000015'],
    ['a stored number too large for a double', new StoredNumber('1E400'), '1E400'],
    ['a number', 14076341732, '14076341732'],
    ['a decimal number', 0.25, '0.25'],
    ['a large number', 1e21, '1000000000000000000000'],
    ['a small number', 1.5e-7, '0.00000015'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['a date', new Date(Date.UTC(2024, 2, 14)), '2024-03-14'],
    ['a date with a time', new Date(Date.UTC(2024, 2, 14, 9, 30)), '2024-03-14 09:30:00'],
    ['a time stored a hair early', new Date(Date.UTC(2024, 2, 14, 9, 29, 59, 999)), '2024-03-14 09:30:00'],
    ['something else', { toString: () => 'a formula result' }, 'a formula result'],
  ])('writes %s as typed', (_what, value, text) => {
    expect(cellText(value)).toBe(text)
  })
})

describe('xlsxRecords', () => {
  it('reads a workbook whose bytes are a view into a larger buffer', async () => {
    const workbook = await xlsxFile([
      ['Name', 'Phone'],
      ['Ada', 14155550100],
    ])
    const padded = new Uint8Array(workbook.bytes.length + 20)
    padded.set(workbook.bytes, 10)
    const view = { ...workbook, bytes: padded.subarray(10, 10 + workbook.bytes.length) }
    expect(await xlsxRecords(view)).toEqual([
      ['Name', 'Phone'],
      ['Ada', '14155550100'],
    ])
  })

  it('refuses a ZIP archive that is no workbook, saying why and what to do', async () => {
    // An empty ZIP archive: its end-of-directory record alone.
    const emptyZip = bytesFile([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)], 'contacts.xlsx')
    const failure = await xlsxRecords(emptyZip).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(UnreadableFileError)
    expect((failure as Error).message).toMatch(
      /^"contacts\.xlsx" is a ZIP archive but not an Excel workbook that can be read \(.+\)\. Open it in Excel and save it as "Excel Workbook \(\.xlsx\)" or "CSV UTF-8", then upload it again\.$/,
    )
  })
})
