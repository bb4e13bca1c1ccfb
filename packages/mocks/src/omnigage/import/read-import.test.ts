import { describe, expect, it } from 'vitest'
import { InvalidMappingError, readImport } from './read-import.js'
import { bytesFile, collect, csvFile, documentedHeader, documentedSample } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

describe('readImport', () => {
  it('yields every data row, numbered from 1 without blank rows, with its outcome under the automatic mapping', async () => {
    const text = `${documentedHeader.join(',')}\n${documentedSample.join(',')}\n\nAda,Lovelace,,555-01,ada@example.com\n,,,,\nGrace,Hopper,Navy,,\n`
    const rows = await collect(readImport(csvFile(text)))
    expect(rows.map(({ row, outcome }) => [row, outcome.ok ? outcome.contact.phoneNumbers : outcome.reason])).toEqual([
      [1, ['+14076341732']],
      [2, 'Invalid phone number specified: "555-01"'],
      [3, 'The row has no phone number or email address; a contact needs at least one of them to be imported.'],
    ])
    expect(rows[1]?.cells).toEqual(['Ada', 'Lovelace', '', '555-01', 'ada@example.com'])
  })

  it('uses the mapping it is given, and refuses one that does not fit the header', async () => {
    const file = csvFile('Who,Reach\nAda,ada@example.com\n')
    const [first] = await collect(readImport(file, ['last-name', 'email1-email-address']))
    expect(first?.outcome).toMatchObject({
      ok: true,
      contact: { lastName: 'Ada', emailAddresses: ['ada@example.com'] },
    })
    const refused = collect(readImport(file, ['last-name']))
    await expect(refused).rejects.toBeInstanceOf(InvalidMappingError)
    await expect(collect(readImport(file, ['last-name']))).rejects.toThrow(
      /^The mapping has 1 entry but the file has 2 columns/,
    )
  })

  it('yields the rows before an unreadable part, then fails with the reason', async () => {
    const bytes = [...new TextEncoder().encode('Email\nada@example.com\ngrace@example.com\nRen'), 0xe9, 0x0a]
    const seen: number[] = []
    let failure: unknown
    try {
      for await (const { row } of readImport(bytesFile(bytes))) {
        seen.push(row)
      }
    } catch (error) {
      failure = error
    }
    expect(seen).toEqual([1, 2])
    expect(failure).toBeInstanceOf(UnreadableFileError)
    expect((failure as Error).message).toMatch(/^"contacts.csv" is not UTF-8 text: line 4, after "Ren"/)
  })

  it('yields exactly the rows before a bad byte, wherever it falls on its line and in the file', async () => {
    const encoder = new TextEncoder()
    // Enough rows for several 64 KiB chunks, so some bad lines start in one chunk and end in the next.
    const lines = Array.from({ length: 6000 }, (_, index) => `person${index}@example.com`)
    for (const badRow of [1, 2, 2500, 3000, 5999]) {
      for (const before of ['', 'R', 'Ren']) {
        const head = encoder.encode(`Email\n${lines.slice(0, badRow - 1).join('\n')}${badRow > 1 ? '\n' : ''}${before}`)
        const bytes = [...head, 0xe9, ...encoder.encode(`\n${lines.slice(badRow).join('\n')}\n`)]
        let seen = 0
        await expect(
          (async () => {
            for await (const { row, cells } of readImport(bytesFile(bytes))) {
              expect(cells[0]).toBe(lines[row - 1])
              seen = row
            }
          })(),
        ).rejects.toThrow(`line ${badRow + 1}`)
        expect(seen, `bad byte on row ${badRow} after ${JSON.stringify(before)}`).toBe(badRow - 1)
      }
    }
  })

  it('yields the rows before a quoted field that never closes, then fails naming its line', async () => {
    const text =
      'Name,Email\nAda,ada@example.com\nGrace,grace@example.com\nAlan,"alan@example.com\nEdsger,edsger@example.com\n'
    const seen: number[] = []
    await expect(
      (async () => {
        for await (const { row } of readImport(csvFile(text))) {
          seen.push(row)
        }
      })(),
    ).rejects.toThrow(/^Line 4: a quoted field is not closed\./)
    expect(seen).toEqual([1, 2])
  })
})
