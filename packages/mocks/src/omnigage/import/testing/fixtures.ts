/**
 * Small files built in the tests, with made-up people: the vendor's documented example as CSV and
 * XLSX, and helpers to turn text and rows into uploads.
 */
import ExcelJS from 'exceljs'
import type { UploadedFile } from '../file-kind.js'

/** The header of the example import in Omnigage's documentation. */
export const documentedHeader = ['First Name', 'Last Name', 'Company', 'Phone Number', 'Email Address']
/** Its first data row, the sample the documentation shows. */
export const documentedSample = ['Sampson', 'Victor', 'Omnigage', '14076341732', 'sampson.victor@mailinator.com']
/** The mapping the documentation shows for that header. */
export const documentedMapping = ['first-name', 'last-name', 'company', 'phone1-phone-number', 'email1-email-address']

/** A CSV upload of some text, UTF-8 encoded. */
export function csvFile(text: string, name = 'contacts.csv'): UploadedFile {
  return { bytes: new TextEncoder().encode(text), name, contentType: 'text/csv' }
}

/** A CSV upload of raw bytes (for encodings other than UTF-8). */
export function bytesFile(bytes: number[] | Uint8Array, name = 'contacts.csv'): UploadedFile {
  return { bytes: Uint8Array.from(bytes), name, contentType: 'text/csv' }
}

/** An XLSX upload whose first sheet holds these rows (numbers, dates and booleans as typed cells). */
export async function xlsxFile(rows: unknown[][], name = 'contacts.xlsx'): Promise<UploadedFile> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Contacts')
  for (const row of rows) {
    sheet.addRow(row)
  }
  // A second sheet that must not be read.
  workbook.addWorksheet('Notes').addRow(['not', 'contacts'])
  const buffer = await workbook.xlsx.writeBuffer()
  return {
    bytes: new Uint8Array(buffer as ArrayBuffer),
    name,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }
}

/** Every row of an async iterable, for small files. */
export async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const row of rows) {
    all.push(row)
  }
  return all
}
