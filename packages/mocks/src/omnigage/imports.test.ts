import ExcelJS from 'exceljs'
import { describe, expect, it, vi } from 'vitest'
import { ContactStore } from './contacts.js'
import { omnigageHarness } from './testing/harness.js'

// The documentation's example file, as CSV.
const documented = [
  'First Name,Last Name,Company,Phone Number,Email Address',
  'Sampson,Victor,Omnigage,14076341732,sampson.victor@mailinator.com',
  'Ada,Quill,Northwind,+1 415 555 0100,ada.quill@example.com',
].join('\n')

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Contacts')
  for (const row of rows) {
    sheet.addRow(row)
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('POST /api/v1/import-contacts', () => {
  it('answers queued with the header, mapping and sample of the documentation, every count at zero', async () => {
    const { importFile } = omnigageHarness()
    const answer = await importFile('import-5.csv', documented, { 'unique-primary-phone': true })
    expect(answer.status).toBe(201)
    expect(answer.conformance).toEqual([])
    const { attributes, relationships, id } = answer.body.data
    expect(Object.keys(attributes)).toEqual([
      'status',
      'unique-primary-email',
      'unique-primary-phone',
      'update-pruning',
      'enable-preflights',
      'header',
      'mapping',
      'sample',
      'count-created',
      'count-updated',
      'count-erred',
      'count-total',
      'count-resolved',
      'count-skipped',
      'created-at',
      'updated-at',
    ])
    expect(attributes).toMatchObject({
      status: 'queued',
      'unique-primary-email': false,
      'unique-primary-phone': true,
      header: ['First Name', 'Last Name', 'Company', 'Phone Number', 'Email Address'],
      mapping: ['first-name', 'last-name', 'company', 'phone1-phone-number', 'email1-email-address'],
      sample: ['Sampson', 'Victor', 'Omnigage', '14076341732', 'sampson.victor@mailinator.com'],
      'count-created': 0,
      'count-total': 0,
      'created-at': '2026-03-01T12:00:00.000000+00:00',
    })
    expect(relationships['created-by']).toEqual({ data: { type: 'memberships', id: 'FJ653kkb36jbqBUNPx9sqJ' } })
    expect(relationships.list).toEqual({ data: null })
    expect(relationships['errors-file']).toEqual({ data: null })
    expect(relationships.results.links.related).toBe(`http://localhost/api/v1/import-contacts/${id}/results`)
  })

  it('moves queued, processing, completed on the clock, and only then are the contacts there', async () => {
    const { importFile, call, clock } = omnigageHarness()
    const { body } = await importFile('import-5.csv', documented)
    const path = `/api/v1/import-contacts/${body.data.id}`
    expect((await call('GET', path)).body.data.attributes.status).toBe('queued')
    clock.advance(1000)
    expect((await call('GET', path)).body.data.attributes.status).toBe('processing')
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(0)
    clock.advance(2100)
    const done = await call('GET', path)
    expect(done.conformance).toEqual([])
    expect(done.body.data.attributes).toMatchObject({
      status: 'completed',
      'count-created': 2,
      'count-updated': 0,
      'count-erred': 0,
      'count-total': 2,
      'count-resolved': 0,
      'count-skipped': 0,
    })
    const contacts = await call('GET', '/api/v1/contacts')
    expect(contacts.body.data.map((contact: { attributes: Record<string, unknown> }) => contact.attributes)).toEqual([
      expect.objectContaining({
        'first-name': 'Sampson',
        'last-name': 'Victor',
        company: 'Omnigage',
        'phone-number': '+14076341732',
        'email-address': 'sampson.victor@mailinator.com',
      }),
      expect.objectContaining({ 'first-name': 'Ada', 'phone-number': '+14155550100' }),
    ])
  })

  it('errs rows with an invalid phone or email, lists them in results and an errors file to fix and re-import', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const file = [
      'First Name,Phone,Email',
      'Ann,+14155550100,ann@example.com',
      'Bo,555-01,bo@example.com',
      '"Cy, Jr.",+14155550102,not an email',
    ].join('\n')
    const { body } = await importFile('people.csv', file)
    finish()
    const done = await call('GET', `/api/v1/import-contacts/${body.data.id}`)
    expect(done.body.data.attributes).toMatchObject({ 'count-created': 1, 'count-erred': 2, 'count-total': 3 })
    const erred = await call('GET', `/api/v1/import-contacts/${body.data.id}/results?filter[status]=erred`)
    expect(erred.conformance).toEqual([])
    expect(erred.body.data.map((row: { attributes: unknown }) => row.attributes)).toEqual([
      {
        row: 2,
        status: 'erred',
        values: ['Bo', '555-01', 'bo@example.com'],
        error: expect.stringContaining('Invalid phone number specified'),
      },
      {
        row: 3,
        status: 'erred',
        values: ['Cy, Jr.', '+14155550102', 'not an email'],
        error: expect.stringContaining('Email Fields must only contain a single, valid email address'),
      },
    ])
    const fileId = done.body.data.relationships['errors-file'].data.id
    const described = await call('GET', `/api/v1/files/${fileId}`)
    expect(described.conformance).toEqual([])
    expect(described.body.data.attributes.name).toBe('people-errors.csv')
    const content = await call('GET', new URL(described.body.data.attributes.url).pathname)
    expect(content.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const lines = content.text.trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('555-01')
    expect(lines[2]).toContain('"Cy, Jr."')
  })

  it('updates the contact with the same primary phone (unique-primary-phone), and skips a row with nothing new', async () => {
    const { importFile, call, finish } = omnigageHarness()
    await importFile('first.csv', 'First Name,Company,Phone\nAnn,Acme,+14155550100\n')
    finish()
    const second = await importFile(
      'second.csv',
      'First Name,Company,Phone\nAnn,Globex,+14155550100\nAnn,Globex,+14155550100\nBo,,+14155550101\n',
      { 'unique-primary-phone': true },
    )
    finish()
    const done = await call('GET', `/api/v1/import-contacts/${second.body.data.id}`)
    expect(done.body.data.attributes).toMatchObject({
      'count-created': 1,
      'count-updated': 1,
      'count-skipped': 1,
      'count-resolved': 2,
      'count-total': 3,
    })
    const contacts = await call('GET', '/api/v1/contacts?filter[phone-number]=%2B14155550100')
    expect(contacts.body.meta.count).toBe(1)
    expect(contacts.body.data[0].attributes.company).toBe('Globex')
  })

  it('without unique-primary-phone, the same phone makes a second contact', async () => {
    const { importFile, call, finish } = omnigageHarness()
    await importFile('a.csv', 'First Name,Phone\nAnn,+14155550100\n')
    await importFile('b.csv', 'First Name,Phone\nAnn,+14155550100\n')
    finish()
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(2)
  })

  it('matches on the primary email with unique-primary-email', async () => {
    const { importFile, call, finish } = omnigageHarness()
    await importFile('a.csv', 'First Name,Email\nAnn,Ann@Example.com\n')
    finish()
    const second = await importFile('b.csv', 'First Name,Email\nAnna,ann@example.com\n', {
      'unique-primary-email': true,
    })
    finish()
    expect(
      (await call('GET', `/api/v1/import-contacts/${second.body.data.id}`)).body.data.attributes['count-updated'],
    ).toBe(1)
    const contacts = await call('GET', '/api/v1/contacts')
    expect(
      contacts.body.data.map((contact: { attributes: Record<string, unknown> }) => contact.attributes['first-name']),
    ).toEqual(['Anna'])
  })

  it('reads an XLSX file, a phone stored as a number included', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const bytes = await xlsx([
      ['First Name', 'Last Name', 'Phone Number', 'Email Address'],
      ['Sampson', 'Victor', 14076341732, 'sampson.victor@mailinator.com'],
    ])
    const created = await importFile('import-5.xlsx', bytes)
    expect(created.body.data.attributes.sample).toEqual([
      'Sampson',
      'Victor',
      '14076341732',
      'sampson.victor@mailinator.com',
    ])
    finish()
    const contacts = await call('GET', '/api/v1/contacts')
    expect(contacts.body.data[0].attributes['phone-number']).toBe('+14076341732')
  })

  it('takes the mapping the caller sends, and refuses one that does not fit the header', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile('a.csv', 'Who,Where,Tel\nAnn,Acme,+14155550100\n', {
      mapping: ['first-name', null, 'phone1-phone-number'],
    })
    expect(created.body.data.attributes.mapping).toEqual(['first-name', null, 'phone1-phone-number'])
    finish()
    const contact = (await call('GET', '/api/v1/contacts')).body.data[0].attributes
    expect(contact).toMatchObject({ 'first-name': 'Ann', company: null, 'phone-number': '+14155550100' })
    const refused = await importFile('b.csv', 'Who,Tel\nAnn,+14155550100\n', { mapping: ['first-name', 'fax-number'] })
    expect(refused.status).toBe(400)
    expect(refused.conformance).toEqual([])
    expect(refused.body.errors[0].detail).toContain('mapping.1 must be one of: first-name, last-name')
    const short = await importFile('c.csv', 'Who,Tel\nAnn,+14155550100\n', { mapping: ['first-name'] })
    expect(short.status).toBe(400)
    expect(short.body.errors[0].detail).toMatch(/2 columns/)
  })

  it('fails an import whose file is not CSV or XLSX, with the reason, once processing ends', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01, 0x02, 0xff])
    const created = await importFile('contacts.csv', pdf)
    expect(created.status).toBe(201)
    expect(created.body.data.attributes.status).toBe('queued')
    finish()
    const failed = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    expect(failed.conformance).toEqual([])
    expect(failed.body.data.attributes.status).toBe('failed')
    expect(failed.body.data.attributes['failure-reason']).toMatch(/\S/)
    expect(failed.body.data.attributes['count-total']).toBe(0)
  })

  it('refuses an import of an upload that has no file yet, or that does not exist', async () => {
    const { createUpload, call } = omnigageHarness()
    const upload = await createUpload('a.csv', 10)
    const create = (id: string) =>
      call('POST', '/api/v1/import-contacts', {
        body: { data: { type: 'import-contacts', relationships: { upload: { data: { type: 'uploads', id } } } } },
      })
    const empty = await create(upload.id)
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0]).toEqual({ detail: expect.stringContaining('has no file yet'), code: 100 })
    const unknown = await create('Q843fc2UoJf4B5CrQxQ6Cd')
    expect(unknown.status).toBe(404)
    expect(unknown.conformance).toEqual([])
  })

  it('lists imports newest first, by status and in pages', async () => {
    const { importFile, call, clock } = omnigageHarness()
    const first = await importFile('a.csv', 'First Name,Phone\nAnn,+14155550100\n')
    clock.advance(60 * 60 * 1000)
    const second = await importFile('b.csv', 'First Name,Phone\nBo,+14155550101\n')
    const all = await call('GET', '/api/v1/import-contacts')
    expect(all.conformance).toEqual([])
    expect(all.body.data.map((job: { id: string }) => job.id)).toEqual([second.body.data.id, first.body.data.id])
    const completed = await call('GET', '/api/v1/import-contacts?filter[status]=completed')
    expect(completed.body.data.map((job: { id: string }) => job.id)).toEqual([first.body.data.id])
    const page = await call('GET', '/api/v1/import-contacts?page[limit]=1')
    expect(page.body.meta.count).toBe(2)
    expect(new URL(page.body.links.next).searchParams.get('page[offset]')).toBe('1')
  })

  it('fails an import that meets an unexpected error, and the account goes on answering', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile('a.csv', 'First Name,Phone\nAnn,+14155550100\nBo,+14155550101\n')
    finish()
    const add = vi.spyOn(ContactStore.prototype, 'addRecord').mockImplementationOnce(() => {
      throw new Error('store unavailable')
    })
    try {
      const failed = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
      expect(failed.status).toBe(200)
      expect(failed.body.data.attributes.status).toBe('failed')
      expect(failed.body.data.attributes['failure-reason']).toContain('store unavailable')
      expect((await call('GET', '/api/v1/contacts')).status).toBe(200)
    } finally {
      add.mockRestore()
    }
  })
})
