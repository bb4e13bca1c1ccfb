import { describe, expect, it } from 'vitest'
import { chunkBytes } from './decode.js'
import type { UploadedFile } from './file-kind.js'
import { previewFile } from './preview.js'
import { openRows } from './table-reader.js'
import { bytesFile, csvFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

/** An upload that tells how far into its bytes it was read (the reader takes them as `subarray`s). */
function watchedFile(file: UploadedFile): { file: UploadedFile; readUpTo: () => number } {
  let furthest = 0
  const bytes = file.bytes
  const watched = Object.assign(bytes, {
    subarray(start?: number, end?: number) {
      furthest = Math.max(furthest, Math.min(end ?? bytes.length, bytes.length))
      return Uint8Array.prototype.subarray.call(bytes, start, end)
    },
  })
  return { file: { ...file, bytes: watched }, readUpTo: () => furthest }
}

describe('reading a CSV file as far as asked', () => {
  it('previews a file of many chunks from its first chunk alone', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, index) => `Person ${index},+1415555${String(index).padStart(4, '0')}`,
    )
    const text = `Name,Phone\n${rows.join('\n')}\n`
    expect(text.length).toBeGreaterThan(5 * chunkBytes)
    const { file, readUpTo } = watchedFile(csvFile(text))
    const preview = await previewFile(file)
    expect(preview.sample).toEqual(['Person 0', '+14155550000'])
    expect(readUpTo()).toBe(chunkBytes)
  })

  it('keeps the row a lone CR ends when the text breaks right after it', async () => {
    const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))
    const rows = await openRows(bytesFile([...ascii('Name\rAda\r'), 0xff, ...ascii('Bo\r')]))
    expect(rows.header).toEqual(['Name'])
    expect(rows.next()).toEqual(['Ada'])
    expect(() => rows.next()).toThrow(UnreadableFileError)
  })
})
