import { crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { UploadedFile } from './file-kind.js'
import { cellText, StoredNumber, xlsxRecords } from './xlsx-records.js'

// A number cell is read back as the digits a person typed, never grouped or as the double's noise.
describe('cellText of stored numbers with an exponent', () => {
  it.each([
    ['an integer past 2^53, from its shortest decimal', '1.2345678901234567E+19', '12345678901234567000'],
    ['an integer of 23 digits', '1.5E+22', '15000000000000000000000'],
    ['a decimal over a thousand, without grouping', '1.2345E+3', '1234.5'],
    ['a decimal over a million, without grouping', '1.2345678E+6', '1234567.8'],
    ['the digits stored, not the shortest double near them', '9.999999999999999E+22', '99999999999999990000000'],
    ['a fraction below one', '1.5E-3', '0.0015'],
    ['a negative number', '-1.25E+2', '-125'],
    ['a whole number without its point', '2.0', '2'],
    ['minus zero as zero', '-0.0', '0'],
    ['an exponent of zero', '7E+0', '7'],
    ['zeros before the first digit', '0.05E+3', '50'],
    ['zeros before the point and no exponent', '000.0', '0'],
    ['a point that falls on the first digit', '1.5E-1', '0.15'],
  ])('writes %s', (_what, stored, text) => {
    expect(cellText(new StoredNumber(stored))).toBe(text)
  })

  // A hand-edited workbook may store anything; what is not a number as spreadsheets write one is
  // not rewritten, even where JavaScript would read a number in it.
  it.each([' 1.0', '1E5 ', '+2.0', '0x10'])('keeps %j as stored', (stored) => {
    expect(cellText(new StoredNumber(stored))).toBe(stored)
  })
})

/**
 * A workbook whose first sheet holds one number cell stored as `stored`, as a writer other than
 * exceljs may store it (exceljs writes a number's shortest form): written uncompressed with a
 * stand-in number of the same length, whose text and checksum are then replaced.
 */
async function workbookStoring(stored: string): Promise<UploadedFile> {
  const standIn = Number(`9${'1'.repeat(stored.length - 1)}`)
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Contacts').addRows([['Account'], [standIn]])
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as object))
  const text = Buffer.from(bytes).toString('latin1')
  const sheetStart = text.indexOf('<worksheet')
  const sheetEnd = text.indexOf('</worksheet>') + '</worksheet>'.length
  const sheet = text.slice(sheetStart, sheetEnd)
  const patched = sheet.replace(`<v>${standIn}</v>`, `<v>${stored}</v>`)
  expect(patched).not.toBe(sheet)
  const checksum = (xml: string) => {
    const value = Buffer.alloc(4)
    value.writeUInt32LE(crc32(Buffer.from(xml, 'latin1')))
    return value.toString('latin1')
  }
  const result = (text.slice(0, sheetStart) + patched + text.slice(sheetEnd)).replaceAll(
    checksum(sheet),
    checksum(patched),
  )
  return {
    bytes: new Uint8Array(Buffer.from(result, 'latin1')),
    name: 'accounts.xlsx',
    contentType: 'application/octet-stream',
  }
}

describe('xlsxRecords of number cells', () => {
  it.each([
    ['more digits than a double keeps', '12345678901234567'],
    ['a trailing zero after the point', '2.50'],
  ])('keeps the text the workbook stores: %s', async (_what, stored) => {
    expect(await xlsxRecords(await workbookStoring(stored))).toEqual([['Account'], [stored]])
  })
})
