import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

// A path in runtimes with less of Node: without `openAsBlob` (Node before 19.8) the file is read
// into a Blob; without `node:fs` (a browser) a path is refused. And with `openAsBlob`, the Blob
// is backed by the file, not a copy of it.

let directory: string | undefined

afterEach(async () => {
  vi.doUnmock('node:fs')
  vi.resetModules()
  if (directory) {
    await rm(directory, { recursive: true, force: true })
    directory = undefined
  }
})

async function csvFile(text: string): Promise<string> {
  directory = await mkdtemp(join(tmpdir(), 'contactkit-'))
  const path = join(directory, 'people.csv')
  await writeFile(path, text)
  return path
}

describe('resolveFileSource with a path', () => {
  it('gives a Blob backed by the file, typed by its name, that reads the file as it is now', async () => {
    const { resolveFileSource } = await import('./file-source.js')
    const path = await csvFile('First Name\nAda\n')
    const resolved = await resolveFileSource(path)
    expect(resolved).toMatchObject({ name: 'people.csv', type: 'text/csv', size: 15 })
    expect((resolved.body as Blob).type).toBe('text/csv')
    // Node refuses to read a file-backed Blob once the file has changed: nothing was copied.
    await writeFile(path, 'First Name\nAda\nGrace\n')
    await expect((resolved.body as Blob).text()).rejects.toThrow()
  })

  it('reads the file into a Blob where node:fs has no openAsBlob', async () => {
    vi.doMock('node:fs', async (importOriginal) => ({
      ...(await importOriginal<typeof import('node:fs')>()),
      openAsBlob: undefined,
    }))
    const { resolveFileSource } = await import('./file-source.js')
    const path = await csvFile('First Name\nAda\n')
    const resolved = await resolveFileSource(path)
    expect(resolved).toMatchObject({ name: 'people.csv', type: 'text/csv', size: 15 })
    expect((resolved.body as Blob).type).toBe('text/csv')
    await writeFile(path, 'changed')
    expect(await (resolved.body as Blob).text()).toBe('First Name\nAda\n')
  })

  it('refuses a path where there is no node:fs, saying to pass a File', async () => {
    const missing = new Error('No such built-in module: node:fs')
    vi.doMock('node:fs', () => {
      throw missing
    })
    const { resolveFileSource, UnsupportedFileError } = await import('./file-source.js')
    const error = await resolveFileSource('people.csv').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect((error as Error).message).toBe(
      'Cannot read "people.csv": paths can only be read in Node; in a browser pass the File from a file input.',
    )
    expect((error as Error).cause).toBeInstanceOf(Error)
  })
})
