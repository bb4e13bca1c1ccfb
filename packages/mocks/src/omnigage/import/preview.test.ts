import { describe, expect, it } from 'vitest'
import { previewFile } from './preview.js'
import {
  bytesFile,
  csvFile,
  documentedHeader,
  documentedMapping,
  documentedSample,
  xlsxFile,
} from './testing/fixtures.js'

const documented = { header: documentedHeader, mapping: documentedMapping, sample: documentedSample }

describe('previewFile', () => {
  it('shows the documented header, mapping and sample for the CSV file', async () => {
    const file = csvFile(
      `${documentedHeader.join(',')}\r\n${documentedSample.join(',')}\r\nAda,Lovelace,,,ada@example.com\r\n`,
    )
    expect(await previewFile(file)).toEqual(documented)
  })

  it('shows the same for the XLSX file, whose phone is a number', async () => {
    const file = await xlsxFile([
      documentedHeader,
      ['Sampson', 'Victor', 'Omnigage', 14076341732, 'sampson.victor@mailinator.com'],
    ])
    expect(await previewFile(file)).toEqual(documented)
  })

  it('reads no further than the first data row: a file that goes wrong after it still previews', async () => {
    const start = new TextEncoder().encode(`${documentedHeader.join(',')}\n${documentedSample.join(',')}\n`)
    // Right after the sample: Latin-1 bytes, then an unclosed quote and megabytes of anything.
    const tail = new Uint8Array(8 * 1024 * 1024).fill(0x78)
    tail.set([0xe9, 0x0a, 0x22], 0)
    const bytes = new Uint8Array(start.length + tail.length)
    bytes.set(start)
    bytes.set(tail, start.length)
    const file = bytesFile(bytes)
    expect(await previewFile(file)).toEqual(documented)
    // The import of the same file fails where it goes wrong.
    await expect(previewFile(bytesFile(tail))).rejects.toThrow(/is not UTF-8 text: line 1/)
  })

  it('rejects a file without a data row with the reason', async () => {
    await expect(previewFile(csvFile('Name,Email\n'))).rejects.toThrow(/has a header row but no data rows/)
    await expect(previewFile(csvFile(''))).rejects.toThrow('The file is empty.')
  })
})
