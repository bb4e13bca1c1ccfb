import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set([0xff, 0xfe])
  for (let index = 0; index < text.length; index++) {
    bytes[2 + index * 2] = text.charCodeAt(index) & 0xff
    bytes[3 + index * 2] = text.charCodeAt(index) >> 8
  }
  return bytes
}

async function contactsOf(name: string, content: string | Uint8Array) {
  const { importFile, finish, call } = omnigageHarness()
  const created = await importFile(name, content)
  finish()
  const done = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
  expect(done.body.data.attributes).toMatchObject({ status: 'completed', 'count-created': 2 })
  const listed = await call('GET', '/api/v1/contacts')
  return listed.body.data.map((contact: { attributes: Record<string, unknown> }) => [
    contact.attributes['first-name'],
    contact.attributes['phone-numbers'],
  ])
}

const people = [
  ['Ann', ['+14155550100']],
  ['Bo', ['+14155550101']],
]

// Rows of a UTF-8 CSV are read back from the file; the others' values are kept with the contact.
describe('contacts imported from rows that cannot be read back from the file', () => {
  it('are made from an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Contacts').addRows([
      ['First Name', 'Phone'],
      ['Ann', '+14155550100'],
      ['Bo', '+14155550101'],
    ])
    expect(await contactsOf('people.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))).toEqual(people)
  })

  it('are made from UTF-16 text', async () => {
    expect(
      await contactsOf('people.csv', utf16le('First Name,Phone\r\nAnn,+14155550100\r\nBo,+14155550101\r\n')),
    ).toEqual(people)
  })

  it('are made from quoted CSV rows, next to rows read back', async () => {
    expect(await contactsOf('people.csv', 'First Name,Phone\n"Ann",+14155550100\nBo,+14155550101\n')).toEqual(people)
  })
})
