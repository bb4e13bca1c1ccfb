import { describe, expect, it } from 'vitest'
import { firstInvalidUtf8, utf8Chunks } from './decode.js'
import { bytesFile } from './testing/fixtures.js'

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))

const saveAs =
  'In Excel choose Save As > "CSV UTF-8 (Comma delimited)", or export the file as UTF-8 from the app it came from, ' +
  'then upload it again.'

/** The sentence `utf8Chunks` throws for these bytes read `size` at a time, and the bytes it yielded before. */
function failure(bytes: number[], size: number): { yielded: number; error: string } {
  let yielded = 0
  try {
    for (const chunk of utf8Chunks(bytesFile(bytes), size)) {
      yielded += chunk.length
    }
  } catch (error) {
    return { yielded, error: (error as Error).message }
  }
  throw new Error('expected the text to be refused')
}

describe('firstInvalidUtf8 on bytes that start no character', () => {
  it.each([
    ['continuation bytes', [0x80, 0x80, 0x80, 0x80]],
    ['an overlong two-byte lead followed by continuations', [0xc0, 0x80, 0x80, 0x80]],
    ['the last continuation byte followed by continuations', [0xbf, 0x80, 0x80, 0x80]],
  ])('finds %s where they start, not as a character they would complete', (_what, bytes) => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, ...bytes]), 0)).toBe(1)
  })
})

describe('utf8Chunks with a character broken where a chunk ends', () => {
  it('names the character the previous chunk began, when the next chunk starts with plain text', () => {
    // "ab" and the first two bytes of "€" (E2 82 AC), then "cd": the chunk of 4 ends inside the character.
    const { yielded, error } = failure([...ascii('ab'), 0xe2, 0x82, ...ascii('cd')], 4)
    expect(error).toBe(
      '"contacts.csv" is not UTF-8 text: line 1, after "ab", has the byte 0xE2, which is not UTF-8 (probably "â" saved ' +
        `in another encoding, such as Windows-1252 or Latin-1). ${saveAs}`,
    )
    expect(yielded).toBe(4)
  })

  it('counts the lines before it', () => {
    const { error } = failure([...ascii('Name\nAda\nb'), 0xe2, 0x82, ...ascii('ob\n')], 12)
    expect(error).toMatch(/^"contacts\.csv" is not UTF-8 text: line 3, after "b", has the byte 0xE2/)
  })

  it('names a file that starts with a byte no character starts with, at its first line', () => {
    const { error } = failure([0x80, ...ascii('Name\n')], 4)
    expect(error).toBe(`"contacts.csv" is not UTF-8 text: line 1 has the byte 0x80, which is not UTF-8. ${saveAs}`)
  })
})

describe('utf8Chunks and the byte order mark', () => {
  it('reads a letter before BB BF as no byte order mark, and refuses the BB after it', () => {
    const { error } = failure([0x41, 0xbb, 0xbf, ...ascii('Name\n')], 64)
    expect(error).toMatch(/^"contacts\.csv" is not UTF-8 text: line 1, after "A", has the byte 0xBB/)
  })
})
