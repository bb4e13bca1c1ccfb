import { fileLabel, type UploadedFile } from './file-kind.js'
import { UnreadableFileError } from './unreadable-file-error.js'

/** The text encodings an import reads: UTF-8 with or without a byte order mark, UTF-16 with one. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/** How many bytes of the file are decoded at a time. */
export const chunkBytes = 64 * 1024

const saveAsUtf8 =
  'In Excel choose Save As > "CSV UTF-8 (Comma delimited)", or export the file as UTF-8 from the app it came from, ' +
  'then upload it again.'

/**
 * The encoding of a text file, from its byte order mark; UTF-8 when it has none.
 *
 * @example
 * textEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00])) // 'utf-16le'
 */
export function textEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return 'utf-16le'
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return 'utf-16be'
  }
  return 'utf-8'
}

/**
 * The text of a file as UTF-8 bytes without a byte order mark, `size` bytes at a time, checked as it
 * goes: UTF-8 is passed through (views of the file, no copies) once a streaming `TextDecoder` with
 * `fatal` has accepted it; UTF-16 is decoded and re-encoded. At the first byte that is not valid
 * text it yields the valid bytes before it, then throws an `UnreadableFileError` that names the
 * line and says how to save the file as UTF-8. Nothing is decoded before it is asked for.
 *
 * @example
 * for (const chunk of utf8Chunks(file)) parser.write(chunk)
 */
export function* utf8Chunks(file: UploadedFile, size = chunkBytes): Generator<Uint8Array, void, undefined> {
  const encoding = textEncoding(file.bytes)
  if (encoding === 'utf-8') {
    yield* checkedUtf8(file, size)
  } else {
    yield* transcodedUtf16(file, encoding, size)
  }
}

function* checkedUtf8(file: UploadedFile, size: number): Generator<Uint8Array, void, undefined> {
  const { bytes } = file
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  // The decoded text is thrown away: csv-parse takes bytes, and a fatal decoder is the fastest way
  // to know they are UTF-8 (about 0.2 ms a MB). So whether it drops a byte order mark of its own
  // changes nothing.
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (let offset = start; offset < bytes.length; offset += size) {
    const chunk = bytes.subarray(offset, offset + size)
    try {
      decoder.decode(chunk, { stream: true })
    } catch {
      // Every byte before the chunk was accepted, but a character they begin may be the one the
      // chunk breaks: the scan starts from the text's first byte (a rare error path, as below).
      const bad = firstInvalidUtf8(bytes, start)
      if (bad > offset) {
        yield bytes.subarray(offset, bad)
      }
      throw notUtf8(file, start, bad, false)
    }
    yield chunk
  }
  try {
    decoder.decode()
  } catch {
    // Every character before the last one was accepted, so the first invalid one is the one the
    // end cuts off (a rare error path: scanning the whole file costs little next to its upload).
    throw notUtf8(file, start, firstInvalidUtf8(bytes, start), true)
  }
}

function* transcodedUtf16(
  file: UploadedFile,
  encoding: TextEncoding,
  size: number,
): Generator<Uint8Array, void, undefined> {
  const { bytes } = file
  const decoder = new TextDecoder(encoding, { fatal: true })
  const encoder = new TextEncoder()
  let offset = 0
  try {
    for (; offset < bytes.length; offset += size) {
      const text = decoder.decode(bytes.subarray(offset, offset + size), { stream: true })
      if (text) {
        yield encoder.encode(text)
      }
    }
    // What a streaming decode holds back is half a character, which the end makes an error (it
    // never gives text here): the half is in the last chunk.
    offset -= size
    decoder.decode()
  } catch {
    // Only the fatal decoder throws in here.
    throw new UnreadableFileError(
      `${fileLabel(file)} is UTF-16 text with a broken character (half a surrogate pair) within bytes ` +
        `${offset + 1}–${Math.min(offset + size, bytes.length)}. ${saveAsUtf8}`,
    )
  }
}

/**
 * Where the first invalid UTF-8 sequence starts, scanning from the start of a character; -1 if
 * there is none. Follows the WHATWG decoder: overlong forms, surrogates and code points above
 * U+10FFFF are invalid, and so is a character cut off by the end of the bytes.
 *
 * @example
 * firstInvalidUtf8(new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x65]), 0) // 3: Latin-1 "é"
 */
export function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let index = from
  while (index < bytes.length) {
    const lead = bytes[index] as number
    if (lead < 0x80) {
      index++
      continue
    }
    let following: number
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) {
      following = 1
    } else if (lead >= 0xe0 && lead <= 0xef) {
      following = 2
      low = lead === 0xe0 ? 0xa0 : low
      high = lead === 0xed ? 0x9f : high
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      following = 3
      low = lead === 0xf0 ? 0x90 : low
      high = lead === 0xf4 ? 0x8f : high
    } else {
      return index
    }
    for (let next = 1; next <= following; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) {
        return index
      }
    }
    index += following + 1
  }
  return -1
}

// `bad` is where the scan found the first invalid sequence: the decoder threw, and the scan follows
// the same rules (utf8-checks.test.ts holds them to each other at every bound).
function notUtf8(file: UploadedFile, start: number, bad: number, cutOff: boolean): UnreadableFileError {
  const { bytes } = file
  let line = 1
  let lineStart = start
  bytes.subarray(start, bad).forEach((byte, index) => {
    if (byte === 0x0a || (byte === 0x0d && bytes[start + index + 1] !== 0x0a)) {
      line++
      lineStart = start + index + 1
    }
  })
  const before = new TextDecoder().decode(bytes.subarray(Math.max(lineStart, bad - 60), bad)).slice(-20)
  const where = before ? `line ${line}, after ${JSON.stringify(before)},` : `line ${line}`
  // A byte that starts no character, or the lead of the one the end cuts off: 0x80 or more.
  const byte = bytes[bad] as number
  const asWindows1252 = new TextDecoder('windows-1252').decode(bytes.subarray(bad, bad + 1))
  // One byte decodes to one character: no anchors needed.
  const guess = /\p{L}/u.test(asWindows1252)
    ? ` (probably ${JSON.stringify(asWindows1252)} saved in another encoding, such as Windows-1252 or Latin-1)`
    : ''
  const found = cutOff
    ? 'the file ends in the middle of a character'
    : `has the byte 0x${byte.toString(16).toUpperCase()}, which is not UTF-8${guess}`
  return new UnreadableFileError(`${fileLabel(file)} is not UTF-8 text: ${where} ${found}. ${saveAsUtf8}`)
}
