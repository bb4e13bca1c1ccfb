import { describe, expect, it } from 'vitest'
import { firstInvalidUtf8, textEncoding, utf8Chunks } from './decode.js'
import { bytesFile, csvFile } from './testing/fixtures.js'
import { UnreadableFileError } from './unreadable-file-error.js'

const decoder = new TextDecoder()

function textOf(chunks: Iterable<Uint8Array>): string {
  const streaming = new TextDecoder()
  return [...chunks].map((chunk) => streaming.decode(chunk, { stream: true })).join('') + streaming.decode()
}

function utf16(text: string, order: 'le' | 'be'): number[] {
  const bytes = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    bytes.push(...(order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]))
  }
  return bytes
}

describe('utf8Chunks', () => {
  it('passes UTF-8 through without its byte order mark, a character split across chunks included', () => {
    const text = 'Name\nRenée Zoë 😀\n'
    const file = bytesFile([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    for (const size of [1, 2, 3, 5, 64]) {
      expect(textOf(utf8Chunks(file, size))).toBe(text)
    }
  })

  it('decodes UTF-16 with a byte order mark, either byte order, into UTF-8', () => {
    const text = 'First Name,Email\nRenée,renee@example.com\n'
    expect(textEncoding(Uint8Array.from(utf16(text, 'le')))).toBe('utf-16le')
    expect(textOf(utf8Chunks(bytesFile(utf16(text, 'le')), 7))).toBe(text)
    expect(textOf(utf8Chunks(bytesFile(utf16(text, 'be')), 7))).toBe(text)
  })

  it('refuses Latin-1 text, naming the line, the byte and how to save the file as UTF-8', () => {
    // "Renée" saved as Windows-1252: é is the single byte 0xE9.
    const bytes = [...new TextEncoder().encode('First Name,Email\r\nAda,ada@example.com\r\nRen'), 0xe9, 0x65, 0x0a]
    const chunks = utf8Chunks(bytesFile(bytes), 16)
    const read: string[] = []
    const failure = (() => {
      try {
        for (const chunk of chunks) {
          read.push(decoder.decode(chunk))
        }
      } catch (error) {
        return error
      }
    })()
    expect(failure).toBeInstanceOf(UnreadableFileError)
    expect((failure as Error).message).toBe(
      '"contacts.csv" is not UTF-8 text: line 3, after "Ren", has the byte 0xE9, which is not UTF-8 (probably "é" ' +
        'saved in another encoding, such as Windows-1252 or Latin-1). In Excel choose Save As > "CSV UTF-8 (Comma ' +
        'delimited)", or export the file as UTF-8 from the app it came from, then upload it again.',
    )
    // Everything before the bad byte was handed over first.
    expect(read.join('')).toBe('First Name,Email\r\nAda,ada@example.com\r\nRen')
  })

  it('refuses a file cut off in the middle of a character', () => {
    const file = bytesFile([...new TextEncoder().encode('Email\nZo'), 0xc3])
    expect(() => [...utf8Chunks(file)]).toThrow(/line 2, after "Zo", the file ends in the middle of a character/)
  })

  it('refuses UTF-16 with half a surrogate pair', () => {
    const bytes = [...utf16('Email\n', 'le'), 0x3d, 0xd8, 0x41, 0x00]
    expect(() => [...utf8Chunks(bytesFile(bytes))]).toThrow(/is UTF-16 text with a broken character/)
  })

  it('decodes nothing before it is asked for', () => {
    const file = bytesFile([...new TextEncoder().encode('Email\nada@example.com\n'), 0xff, 0xff])
    const first = utf8Chunks(file, 6).next()
    expect(decoder.decode(first.value as Uint8Array)).toBe('Email\n')
  })

  it('reads a CSV upload as it is', () => {
    expect(textOf(utf8Chunks(csvFile('a,b\n')))).toBe('a,b\n')
  })
})

describe('firstInvalidUtf8', () => {
  it('finds invalid lead bytes, bad continuations, overlong forms, surrogates and cut-off characters', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Zoë 😀'), 0)).toBe(-1)
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe9, 0x65]), 0)).toBe(1)
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]), 0)).toBe(1) // overlong NUL
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0x80]), 0)).toBe(0) // overlong three-byte
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]), 0)).toBe(0) // a surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]), 0)).toBe(0) // above U+10FFFF
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xf0, 0x9f, 0x98]), 0)).toBe(1) // cut off
  })
})
