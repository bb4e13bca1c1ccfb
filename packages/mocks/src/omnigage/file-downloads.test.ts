import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { omnigageHarness, sandboxToken } from './testing/harness.js'

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Contacts')
  for (const row of rows) {
    sheet.addRow(row)
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The file an import read, as `GET /api/v1/files/:id` describes it. */
async function originalFile(name: string, content: string | Uint8Array) {
  const harness = omnigageHarness()
  const created = await harness.importFile(name, content)
  const fileId = created.body.data.relationships['original-file'].data.id as string
  return { ...harness, fileId }
}

describe('GET /api/v1/files/:id/content', () => {
  it('serves an XLSX file under its own media type, byte for byte, as an attachment with its name', async () => {
    const bytes = await xlsx([
      ['First Name', 'Phone'],
      ['Ann', '+14155550100'],
    ])
    const { sim, call, fileId } = await originalFile('import-5.xlsx', bytes)
    const described = await call('GET', `/api/v1/files/${fileId}`)
    expect(described.body.data.attributes).toMatchObject({ name: 'import-5.xlsx', type: xlsxType })
    // Bytes, not text: read from the app itself.
    const content = await sim.app.request(`/api/v1/files/${fileId}/content`, {
      headers: { Authorization: `Basic ${btoa(sandboxToken)}` },
    })
    expect(content.status).toBe(200)
    expect(content.headers.get('content-type')).toBe(xlsxType)
    expect(content.headers.get('content-disposition')).toBe('attachment; filename="import-5.xlsx"')
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(bytes)
  })

  it('writes a CSV file as UTF-8 text, quotes and backslashes in its name made underscores', async () => {
    const { call, createImport, createUpload, postToS3 } = omnigageHarness()
    const content = 'First Name\nAnn\n'
    const upload = await createUpload('a.csv', content.length)
    // The form takes any key under its prefix; the file's name is the key's last part.
    const formData = upload.attributes['request-form-data'].map((field: Record<string, string>) =>
      'key' in field
        ? { key: `${(field.key as string).slice(0, (field.key as string).lastIndexOf('/') + 1)}say "hi" \\ there.csv` }
        : field,
    )
    expect((await postToS3({ ...upload.attributes, 'request-form-data': formData }, 'a.csv', content)).status).toBe(204)
    const created = await createImport(upload.id)
    const fileId = created.body.data.relationships['original-file'].data.id
    expect((await call('GET', `/api/v1/files/${fileId}`)).body.data.attributes.name).toBe('say "hi" \\ there.csv')
    const answer = await call('GET', `/api/v1/files/${fileId}/content`)
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="say _hi_ _ there.csv"')
    expect(answer.text).toBe(content)
  })
})

describe('a file the account does not have', () => {
  it.each(['/api/v1/files/nope', '/api/v1/files/nope/content'])(
    'answers %s with 404 in the vendor format',
    async (path) => {
      const { call } = await originalFile('a.csv', 'First Name\nAnn\n')
      const answer = await call('GET', path)
      expect(answer.status).toBe(404)
      expect(answer.conformance).toEqual([])
      expect(answer.body).toEqual({ errors: [{ detail: 'There is no file "nope" in this account.', code: 404 }] })
    },
  )

  it('is every file of another account', async () => {
    const { call, fileId } = await originalFile('a.csv', 'First Name\nAnn\n')
    const other = await call('GET', `/api/v1/files/${fileId}/content`, {
      token: 'omnigage-second-key:omnigage-second-secret',
    })
    expect(other.status).toBe(404)
  })
})
