import { describe, expect, it } from 'vitest'
import { openRows } from './table-reader.js'
import { bytesFile, csvFile, xlsxFile } from './testing/fixtures.js'

const text = 'Name,Phone\r\nAda,1\r\n\r\n  ,  \r\nBo,2\r\n'

describe('openRows record ranges', () => {
  it('gives each UTF-8 row its bytes, line break included, past the blank rows before it', async () => {
    const file = csvFile(text)
    const rows = await openRows(file)
    const ranges = []
    for (let cells = rows.next(); cells; cells = rows.next()) {
      const { start, end } = rows.record as { start: number; end: number }
      ranges.push(new TextDecoder().decode(file.bytes.subarray(start, end)))
    }
    expect(ranges).toEqual(['Ada,1\r\n', 'Bo,2\r\n'])
  })

  it('counts the bytes after a byte order mark', async () => {
    const file = bytesFile([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    const rows = await openRows(file)
    rows.next()
    expect(rows.record).toEqual({ start: 15, end: 22 })
  })

  it.each([['UTF-16', bytesFile([0xff, 0xfe, ...Array.from(text, (char) => [char.charCodeAt(0), 0]).flat()])]])(
    'gives %s rows no range: they cannot be read back by offset',
    async (_what, file) => {
      const rows = await openRows(file)
      expect(rows.next()).toEqual(['Ada', '1'])
      expect(rows.record).toBeUndefined()
      expect(rows.next()).toEqual(['Bo', '2'])
      expect(rows.record).toBeUndefined()
    },
  )

  it('gives XLSX rows no range', async () => {
    const rows = await openRows(await xlsxFile([['Name'], ['Ada']]))
    expect(rows.next()).toEqual(['Ada'])
    expect(rows.record).toBeUndefined()
  })
})

describe('openRows widths', () => {
  it('grows a short row with empty cells and cuts a long one to the header', async () => {
    const rows = await openRows(csvFile('A,B,C\n1\n1,2,3,4,5\n , 2 \n'))
    expect([rows.next(), rows.next(), rows.next(), rows.next()]).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
      ['', '2', ''],
      undefined,
    ])
  })
})
