import { describe, expect, it } from 'vitest'
import type { UploadedFile } from './file-kind.js'
import { openImport } from './read-import.js'
import { readsBack, recordSource } from './record-source.js'

const file = (text: string, bom = false): UploadedFile => {
  const bytes = new TextEncoder().encode(text)
  return { name: 'contacts.csv', bytes: bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes }
}

/** Every valid row of a file as the import read it, and as its bytes read back. */
async function bothWays(uploaded: UploadedFile) {
  const rows = [...(await openImport(uploaded))]
  const source = recordSource(uploaded, ['first-name', 'last-name', 'phone1-phone-number', 'email1-email-address'])
  return rows.map(({ row, outcome, record }) => ({
    row,
    imported: outcome.ok ? outcome.contact : outcome.reason,
    readBack: record && outcome.ok ? source.read(record.start, record.end) : undefined,
  }))
}

describe('recordSource', () => {
  it('reads each unquoted row back from its bytes as the import read it: BOM, CRLF, blank lines, spaces, UTF-8', async () => {
    const text =
      'First Name,Last Name,Phone,Email\r\n' +
      '\r\n' +
      ' Zoë , Ødegård ,(415) 555-0100, ZOE@Example.com \r\n' +
      ',,,\r\n' +
      '\r\n' +
      'Ann,Lee,+14155550101,ann@example.com\r\n' +
      'Bo,,,bo@example.com'
    const rows = await bothWays(file(text, true))
    expect(rows).toHaveLength(3)
    expect(rows[0]?.imported).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ødegård',
      emailAddresses: ['zoe@example.com'],
    })
    for (const { imported, readBack } of rows) {
      expect(readBack).toEqual(imported)
    }
  })

  it('leaves a row with a quote to be held: its bytes are not cells between commas', async () => {
    const text = 'First Name,Last Name,Phone,Email\n"Lee, Ann",x,+14155550101,a@example.com\nBo,"Ray",+14155550102,\n'
    const [first] = [...(await openImport(file(text)))]
    expect(first?.record).toBeUndefined()
    const uploaded = file(text)
    expect(readsBack(uploaded, { start: 0, end: 33 })).toBe(true)
    expect(readsBack(uploaded, { start: 33, end: 60 })).toBe(false)
  })

  it('gives no ranges for UTF-16 text, whose bytes are not what was parsed', async () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(
        new Uint16Array([...'Name,Phone\nAnn,+14155550100\n'].map((char) => char.charCodeAt(0))).buffer,
      ),
    ])
    const rows = [...(await openImport({ name: 'contacts.csv', bytes: utf16 }))]
    expect(rows).toHaveLength(1)
    expect(rows[0]?.outcome.ok).toBe(true)
    expect(rows[0]?.record).toBeUndefined()
  })
})
