import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01, 0x02, 0xff])

describe('creating an import', () => {
  it('takes a mapping sent for a file that cannot be read, and fails the import with the file reason', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile('contacts.csv', pdf, { mapping: ['phone1-phone-number'] })
    expect(created.status).toBe(201)
    expect(created.body.data.attributes).toMatchObject({ status: 'queued', header: [], sample: [] })
    finish()
    const failed = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    expect(failed.body.data.attributes.status).toBe('failed')
    expect(failed.body.data.attributes['failure-reason']).toMatch(/^"contacts\.csv" is a PDF document/)
  })

  it('keeps a workbook named in capitals as a workbook, whatever type it was posted with', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Contacts').addRows([
      ['First Name', 'Phone'],
      ['Ann', '+14155550100'],
    ])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const { importFile, call } = omnigageHarness()
    // The harness posts a name that does not end in ".xlsx" as text/csv.
    const created = await importFile('CONTACTS.XLSX', bytes)
    expect(created.body.data.attributes.sample).toEqual(['Ann', '+14155550100'])
    const fileId = created.body.data.relationships['original-file'].data.id
    expect((await call('GET', `/api/v1/files/${fileId}`)).body.data.attributes).toMatchObject({
      name: 'CONTACTS.XLSX',
      type: xlsxType,
    })
  })
})

describe('GET /api/v1/import-contacts/:id/results', () => {
  it('lists no rows while the import is queued or processing', async () => {
    const { importFile, call, clock } = omnigageHarness()
    const created = await importFile('people.csv', 'First Name,Phone\nAnn,+14155550100\n')
    const path = `/api/v1/import-contacts/${created.body.data.id}/results`
    for (const wait of [0, 1500]) {
      clock.advance(wait)
      const results = await call('GET', path)
      expect(results.status).toBe(200)
      expect(results.conformance).toEqual([])
      expect(results.body.data).toEqual([])
      expect(results.body.meta).toEqual({ count: 0 })
    }
  })
})
