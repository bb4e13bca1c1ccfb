import { describe, expect, it } from 'vitest'
import { errorsCsv } from './errors-file.js'
import { readRows } from './table-reader.js'
import { collect, csvFile } from './testing/fixtures.js'

describe('errorsCsv', () => {
  const header = ['Name', 'Company', 'Phone']
  const erred = [
    {
      row: 2,
      cells: ['Ada', 'Lovelace, "Analytical" Engines', '555-01'],
      reason: 'Invalid phone number specified: "555-01"',
    },
    { row: 7, cells: ['Grace\nHopper'], reason: 'The row has no phone number or email address.' },
  ]

  it('adds Row and Error columns and quotes as RFC 4180 asks, with CRLF line ends', () => {
    expect(errorsCsv(header, erred)).toBe(
      'Name,Company,Phone,Row,Error\r\n' +
        'Ada,"Lovelace, ""Analytical"" Engines",555-01,2,"Invalid phone number specified: ""555-01"""\r\n' +
        '"Grace\nHopper",,,7,The row has no phone number or email address.\r\n',
    )
  })

  it('reads back as the same rows, so the user can fix it and import it again', async () => {
    expect(await collect(readRows(csvFile(errorsCsv(header, erred))))).toEqual([
      [...header, 'Row', 'Error'],
      ['Ada', 'Lovelace, "Analytical" Engines', '555-01', '2', 'Invalid phone number specified: "555-01"'],
      ['Grace\nHopper', '', '', '7', 'The row has no phone number or email address.'],
    ])
  })

  it('is the header alone when no row erred', () => {
    expect(errorsCsv(['Email'], [])).toBe('Email,Row,Error\r\n')
  })
})
