import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveFileSource, UnsupportedFileError } from './file-source.js'

// Sources resolveFileSource refuses, with what to do instead, and a stream given up on early.

let directory: string | undefined
afterEach(async () => {
  if (directory) {
    await rm(directory, { recursive: true, force: true })
    directory = undefined
  }
})

describe('resolveFileSource refuses', () => {
  it('a stream whose size is not a length in bytes', async () => {
    for (const size of [-1, 1.5]) {
      const error = await resolveFileSource({ stream: new Blob(['a']).stream(), name: 'a.csv', size }).catch(
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(UnsupportedFileError)
      expect((error as Error).message).toBe(
        `Cannot import "a.csv": size must be the stream's length in bytes, not ${size}.`,
      )
    }
  })

  it('something that is not a File, a path or a stream', async () => {
    const error = await resolveFileSource({ name: 'a.csv' } as never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect((error as Error).message).toBe(
      'Cannot import this source: pass a File, a path (in Node), or { stream, name, size? }.',
    )
  })

  it('null, a number or an object without a stream, saying what it takes', async () => {
    for (const source of [null, 42, {}]) {
      const error = await resolveFileSource(source as never).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(UnsupportedFileError)
      expect((error as Error).message).toBe(
        'Cannot import this source: pass a File, a path (in Node), or { stream, name, size? }.',
      )
    }
  })

  it('a File with an empty name, saying to give one', async () => {
    const error = await resolveFileSource(new File(['a'], '')).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect((error as Error).message).toMatch(/^Cannot import a Blob without a name: pass a File, or /)
  })

  it('a path that is a directory, saying it is not a file', async () => {
    directory = await mkdtemp(`${tmpdir()}/contactkit-`)
    const folder = `${directory}/contacts.csv`
    await mkdir(folder)
    const error = await resolveFileSource(folder).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect((error as Error).message).toBe(
      `Cannot read "${folder}" (not a file): check the path and that the file is readable.`,
    )
  })
})

describe('a stream made from an async iterable', () => {
  it('lets the iterable go when the stream is cancelled', async () => {
    let finished = false
    async function* rows() {
      try {
        yield new TextEncoder().encode('First Name\n')
        yield new TextEncoder().encode('Ada\n')
      } finally {
        finished = true
      }
    }
    const resolved = await resolveFileSource({ stream: rows(), name: 'a.csv', size: 15 })
    const reader = (resolved.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    await reader.cancel(new Error('user went away'))
    expect(finished).toBe(true)
  })

  it('cancels an iterator that has no return() without failing', async () => {
    const iterable: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: false, value: new TextEncoder().encode('First Name\n') }),
      }),
    }
    const resolved = await resolveFileSource({ stream: iterable, name: 'a.csv', size: 11 })
    const reader = (resolved.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    await expect(reader.cancel(new Error('user went away'))).resolves.toBeUndefined()
  })
})
