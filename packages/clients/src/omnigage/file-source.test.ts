import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { csvMediaType, mediaTypeOf, resolveFileSource, UnsupportedFileError, xlsxMediaType } from './file-source.js'

const csv = 'First Name\nAda\n'
let directory: string | undefined

afterEach(async () => {
  if (directory) {
    await rm(directory, { recursive: true, force: true })
    directory = undefined
  }
})

describe('mediaTypeOf', () => {
  it('knows .csv and .xlsx in any case, and refuses anything else with what to do', () => {
    expect(mediaTypeOf('contacts.csv')).toBe(csvMediaType)
    expect(mediaTypeOf('Contacts.XLSX')).toBe(xlsxMediaType)
    for (const name of ['contacts.xls', 'contacts.txt', 'contacts', 'csv', 'dir.csv/contacts']) {
      expect(() => mediaTypeOf(name)).toThrow(UnsupportedFileError)
    }
    expect(() => mediaTypeOf('contacts.xls')).toThrow(
      'Cannot import "contacts.xls": Omnigage imports .csv and .xlsx files only; save the sheet as CSV or XLSX (and name it so), then import it again.',
    )
  })
})

describe('resolveFileSource', () => {
  it('reads a path as a Blob backed by the file, named by its basename', async () => {
    directory = await mkdtemp(join(tmpdir(), 'omnigage-'))
    const path = join(directory, 'people.csv')
    await writeFile(path, csv)
    const file = await resolveFileSource(path)
    expect(file).toMatchObject({ name: 'people.csv', type: csvMediaType, size: csv.length })
    expect(await (file.body as Blob).text()).toBe(csv)
  })

  it('says which path it could not read, keeping the system error as its cause', async () => {
    const error = await resolveFileSource('/no/such/dir/people.csv').catch((caught: unknown) => caught)
    expect((error as Error).message).toMatch(/^Cannot read "\/no\/such\/dir\/people.csv" \(ENOENT\): check the path/)
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT', path: '/no/such/dir/people.csv' })
  })

  it('keeps a web stream as it is given, unwrapped', async () => {
    const stream = new Blob([csv]).stream()
    const resolved = await resolveFileSource({ stream, name: 'people.csv', size: csv.length })
    expect(resolved.body).toBe(stream)
  })

  it('takes a File as it is, and refuses a Blob without a name', async () => {
    const file = new File([csv], 'people.xlsx')
    expect(await resolveFileSource(file)).toEqual({
      name: 'people.xlsx',
      type: xlsxMediaType,
      size: csv.length,
      body: file,
    })
    // A plain Blob has no name; JavaScript callers can pass one anyway.
    await expect(resolveFileSource(new Blob([csv]) as File)).rejects.toThrow(/Cannot import a Blob without a name/)
  })

  it('keeps a stream of known size a stream, and reads one of unknown size into a Blob', async () => {
    const sized = await resolveFileSource({ stream: new Blob([csv]).stream(), name: 'a.csv', size: csv.length })
    expect(sized.body).toBeInstanceOf(ReadableStream)
    async function* chunks() {
      yield new TextEncoder().encode('First Name\n')
      yield new TextEncoder().encode('Ada\n')
    }
    const counted = await resolveFileSource({ stream: chunks(), name: 'a.csv' })
    expect(counted.size).toBe(csv.length)
    expect(await (counted.body as Blob).text()).toBe(csv)
  })

  it("takes a stream's supported type over its name's, and refuses an unsupported one", async () => {
    const stream = () => new Blob([csv]).stream()
    expect((await resolveFileSource({ stream: stream(), name: 'export', type: 'text/csv', size: 1 })).type).toBe(
      'text/csv',
    )
    await expect(
      resolveFileSource({ stream: stream(), name: 'export.json', type: 'application/json' }),
    ).rejects.toThrow(UnsupportedFileError)
  })
})
