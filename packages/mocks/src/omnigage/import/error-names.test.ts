import { describe, expect, it } from 'vitest'
import { InvalidMappingError, openImport } from './read-import.js'
import { csvFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

// A log or a console prints an error by its name: each says what kind of failure it is.
describe('import errors', () => {
  it('names a file that cannot be read', async () => {
    const failure = await openImport(csvFile('')).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(UnreadableFileError)
    expect(String(failure)).toBe('UnreadableFileError: The file is empty.')
  })

  it('names a mapping that does not fit the file', async () => {
    const failure = await openImport(csvFile('Name,Phone\nAda,+14155550100\n'), ['first-name']).catch(
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(InvalidMappingError)
    expect(String(failure)).toMatch(/^InvalidMappingError: The mapping has 1 entry but the file has 2 columns/)
  })
})
