import { describe, expect, it } from 'vitest'
import { firstInvalidUtf8, textEncoding, utf8Chunks } from './decode.js'
import { bytesFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))

/** Every chunk `utf8Chunks` yields before it throws, and the sentence it throws (undefined when it does not). */
function readAll(bytes: number[], size?: number): { chunks: number[][]; error?: string } {
  const chunks: number[][] = []
  try {
    for (const chunk of utf8Chunks(bytesFile(bytes), size)) {
      chunks.push([...chunk])
    }
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFileError)
    return { chunks, error: (error as Error).message }
  }
  return { chunks }
}

const saveAs =
  'In Excel choose Save As > "CSV UTF-8 (Comma delimited)", or export the file as UTF-8 from the app it came from, ' +
  'then upload it again.'

describe('firstInvalidUtf8', () => {
  it.each([
    ['U+0080', [0xc2, 0x80]],
    ['U+07FF', [0xdf, 0xbf]],
    ['U+0800', [0xe0, 0xa0, 0x80]],
    ['U+D7FF, the last before the surrogates', [0xed, 0x9f, 0xbf]],
    ['U+E000, the first after them', [0xee, 0x80, 0x80]],
    ['U+FFFF', [0xef, 0xbf, 0xbf]],
    ['U+10000', [0xf0, 0x90, 0x80, 0x80]],
    ['U+10FFFF, the last code point', [0xf4, 0x8f, 0xbf, 0xbf]],
    ['U+40000, between the first and last four-byte leads', [0xf1, 0x80, 0x80, 0x80]],
  ])('accepts %s', (_what, bytes) => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, ...bytes, 0x42]), 0)).toBe(-1)
  })

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a lone last continuation byte', [0xbf]],
    ['an overlong two-byte form (C0)', [0xc0, 0x80]],
    ['an overlong two-byte form (C1)', [0xc1, 0xbf]],
    ['a two-byte lead before a letter', [0xc2, 0x41]],
    ['a two-byte lead with a byte past the continuations', [0xdf, 0xc0]],
    ['an overlong three-byte form', [0xe0, 0x9f, 0xbf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a three-byte form with a letter last', [0xe1, 0x80, 0x41]],
    ['an overlong four-byte form', [0xf0, 0x8f, 0xbf, 0xbf]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a four-byte form with a letter last', [0xf1, 0x80, 0x80, 0x41]],
    ['a four-byte form with a letter third', [0xf1, 0x80, 0x41, 0x80]],
    ['the lead F5', [0xf5, 0x80, 0x80, 0x80]],
    ['the byte FF', [0xff]],
  ])('finds %s where it starts', (_what, bytes) => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc3, 0xa9, ...bytes, 0x42]), 0)).toBe(3)
  })

  it.each([
    ['two-byte', [0xc3]],
    ['three-byte', [0xe2, 0x82]],
    ['four-byte', [0xf0, 0x9f, 0x98]],
  ])('finds a %s character cut off by the end', (_what, bytes) => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, ...bytes]), 0)).toBe(1)
  })
})

describe('textEncoding', () => {
  it.each([
    [[0xff, 0xfe, 0x41, 0x00], 'utf-16le'],
    [[0xfe, 0xff, 0x00, 0x41], 'utf-16be'],
    [[0xff, 0x41], 'utf-8'],
    [[0x41, 0xfe], 'utf-8'],
    [[0xfe, 0x41], 'utf-8'],
    [[0x41, 0xff], 'utf-8'],
  ])('reads %j as %s', (bytes, encoding) => {
    expect(textEncoding(Uint8Array.from(bytes))).toBe(encoding)
  })
})

describe('utf8Chunks of UTF-8', () => {
  it('yields the text in chunks of the size asked, and no empty one after the last', () => {
    expect(readAll(ascii('abcdefgh'), 4)).toEqual({ chunks: [ascii('abcd'), ascii('efgh')] })
  })

  it.each([
    ['EF BB and a letter', [0xef, 0xbb, 0x41], 'the byte 0xEF'],
    ['EF, a letter and BF', [0xef, 0x41, 0xbf], 'the byte 0xEF'],
  ])('reads %s as no byte order mark, and refuses it', (_what, bytes, named) => {
    expect(readAll(bytes).error).toContain(`is not UTF-8 text: line 1 has ${named}, which is not UTF-8`)
  })

  it('names a bad byte right after a byte order mark, not the mark', () => {
    expect(readAll([0xef, 0xbb, 0xbf, 0x80, 0x41]).error).toBe(
      `"contacts.csv" is not UTF-8 text: line 1 has the byte 0x80, which is not UTF-8. ${saveAs}`,
    )
  })

  it('names a bad byte after a character a chunk boundary splits, with the text before it', () => {
    // a, é (C3 A9) split between the first two chunks, then 0x80 (the euro sign in Windows-1252).
    const bytes = [0x61, 0xc3, 0xa9, 0x80, 0x62]
    expect(readAll(bytes, 2)).toEqual({
      chunks: [[0x61, 0xc3], [0xa9]],
      error: `"contacts.csv" is not UTF-8 text: line 1, after "aé", has the byte 0x80, which is not UTF-8. ${saveAs}`,
    })
  })

  it('yields nothing more when the bad byte begins a chunk', () => {
    expect(readAll([0x61, 0x62, 0xff, 0x63], 2).chunks).toEqual([[0x61, 0x62]])
  })

  it('counts lines ended by LF, CRLF and a lone CR, and quotes at most the last 20 characters of the line', () => {
    const text = ascii('Name\nAda\r\nBo\rCy0123456789abcdefghijklmnopqrstuvwxyz')
    expect(readAll([...text, 0x81]).error).toBe(
      `"contacts.csv" is not UTF-8 text: line 4, after "ghijklmnopqrstuvwxyz", has the byte 0x81, which is not UTF-8. ${saveAs}`,
    )
  })

  it('quotes the line only from its start', () => {
    expect(readAll([...ascii('Name\nRen'), 0x81]).error).toContain('line 2, after "Ren", has the byte 0x81')
  })

  it('guesses a letter saved in another encoding, and guesses nothing for a byte that is no letter', () => {
    expect(readAll([...ascii('Ren'), 0xe9, 0x65]).error).toContain(
      'has the byte 0xE9, which is not UTF-8 (probably "é" saved in another encoding, such as Windows-1252 or Latin-1).',
    )
    expect(readAll([...ascii('5'), 0xb0, 0x43]).error).toContain('has the byte 0xB0, which is not UTF-8. In Excel')
  })

  it('says where the file ends in the middle of a character', () => {
    expect(readAll([...ascii('Name\nRen'), 0xc3]).error).toBe(
      `"contacts.csv" is not UTF-8 text: line 2, after "Ren", the file ends in the middle of a character. ${saveAs}`,
    )
  })
})

describe('utf8Chunks of UTF-16', () => {
  const le = (units: number[]) => [0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])]

  it('yields no empty chunk while a chunk holds half a character', () => {
    // 😀 is the pair D83D DE00: with two bytes a chunk, one chunk holds its first half alone.
    const { chunks, error } = readAll(le([0x41, 0xd83d, 0xde00]), 2)
    expect(error).toBeUndefined()
    expect(chunks.every((chunk) => chunk.length > 0)).toBe(true)
    expect(new TextDecoder().decode(Uint8Array.from(chunks.flat()))).toBe('A😀')
  })

  it('names the bytes of the chunk holding half a surrogate pair', () => {
    // A, a low surrogate alone, B: the chunk of bytes 5-8 holds it.
    expect(readAll(le([0x41, 0xdc00, 0x42, 0x43]), 4).error).toBe(
      `"contacts.csv" is UTF-16 text with a broken character (half a surrogate pair) within bytes 5–8. ${saveAs}`,
    )
  })

  it.each([
    ['a byte', [...le([0x41, 0x42]), 0x43], 4, '5–7'],
    ['a high surrogate', le([0x41, 0xd83d]), 2, '5–6'],
    ['a high surrogate, in a chunk of its own', le([0x41, 0xd83d]), 4, '5–6'],
  ])('names the last chunk when the file ends on %s alone', (_what, bytes, size, range) => {
    expect(readAll(bytes, size).error).toBe(
      `"contacts.csv" is UTF-16 text with a broken character (half a surrogate pair) within bytes ${range}. ${saveAs}`,
    )
  })
})
