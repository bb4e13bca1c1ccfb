import { describe, expect, it } from 'vitest'
import { readPostForm, sizeOfStopped } from './multipart.js'
import { chunked, multipartBody } from './testing/bodies.js'

const encoder = new TextEncoder()
const unlimited = async () => Number.POSITIVE_INFINITY
const maxFieldBytes = 20 * 1024

/** A body written out by hand, and its Content-Type with boundary `b`. */
function handWritten(text: string) {
  return { body: encoder.encode(text), contentType: 'multipart/form-data; boundary=b' }
}

const keyPart = '--b\r\nContent-Disposition: form-data; name="key"\r\n\r\nuploads/a.csv\r\n'
const filePart = (content: string, filename = 'a.csv') =>
  `--b\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n\r\n${content}\r\n`
const brokenPart = '--b\r\nContent-Disposition form-data name broken\r\n\r\nx\r\n'

describe('readPostForm, parts around the file', () => {
  it('takes the first part named file as the file, and a second one as an ignored field', async () => {
    const { body, contentType } = handWritten(
      `${keyPart}${filePart('first', 'a.csv')}${filePart('second', 'b.csv')}--b--\r\n`,
    )
    const reading = await readPostForm(body, { contentType, maxFieldBytes, fileLimit: unlimited })
    expect(reading.kind).toBe('complete')
    expect(
      reading.kind === 'complete' && [reading.file.filename, new TextDecoder().decode(reading.file.bytes)],
    ).toEqual(['a.csv', 'first'])
    expect(reading.fields).toEqual([{ name: 'key', value: 'uploads/a.csv' }])
  })

  it('ignores a broken part after the file, read in the same chunk', async () => {
    const { body, contentType } = handWritten(`${keyPart}${filePart('a,b')}${brokenPart}--b--\r\n`)
    const reading = await readPostForm(body, { contentType, maxFieldBytes, fileLimit: unlimited })
    expect(reading.kind === 'complete' && new TextDecoder().decode(reading.file.bytes)).toBe('a,b')
  })

  it('refuses a form with a broken part before the file, and reads no further', async () => {
    const { body, contentType } = handWritten(`${keyPart}${brokenPart}${filePart('a,b')}--b--\r\n`)
    expect(await readPostForm(body, { contentType, maxFieldBytes, fileLimit: unlimited })).toEqual({
      kind: 'malformed',
      fields: [{ name: 'key', value: 'uploads/a.csv' }],
      reason: 'a part has headers that cannot be read',
    })
    const source = chunked(body, [keyPart.length + brokenPart.length + 5, 10])
    expect((await readPostForm(source.stream, { contentType, maxFieldBytes, fileLimit: unlimited })).kind).toBe(
      'malformed',
    )
    expect(source.pulled()).toBe(1)
  })

  it('says which part has no field name', async () => {
    const { body, contentType } = handWritten(
      `${keyPart}--b\r\nContent-Disposition: form-data; filename="a.csv"\r\n\r\na,b\r\n--b--\r\n`,
    )
    expect(await readPostForm(body, { contentType, maxFieldBytes, fileLimit: unlimited })).toMatchObject({
      kind: 'malformed',
      reason: 'a part has no field name in its Content-Disposition',
    })
  })
})

describe('readPostForm, the fields limit', () => {
  // Names and values count: "key" and "acl" are 3 bytes each.
  const fieldsOf = (total: number) =>
    multipartBody(
      [
        { name: 'key', value: 'k'.repeat(10_000) },
        { name: 'acl', value: 'a'.repeat(total - 10_006) },
        { name: 'file', filename: 'a.csv', content: 'a,b' },
      ],
      { boundary: 'b', style: 'browser' },
    )

  it('takes fields of exactly 20 KB before the file, and refuses one byte more', async () => {
    const exact = fieldsOf(maxFieldBytes)
    expect(
      (await readPostForm(exact.body, { contentType: exact.contentType, maxFieldBytes, fileLimit: unlimited })).kind,
    ).toBe('complete')
    const over = fieldsOf(maxFieldBytes + 1)
    expect(
      (await readPostForm(over.body, { contentType: over.contentType, maxFieldBytes, fileLimit: unlimited })).kind,
    ).toBe('fields-too-large')
  })

  it('refuses fields over the limit found only as the body ends: a closing boundary in a chunk of its own', async () => {
    const { body, contentType } = multipartBody(
      [
        { name: 'key', value: 'k'.repeat(10_000) },
        { name: 'acl', value: 'a'.repeat(10_475) },
      ],
      { boundary: 'boundary', style: 'browser' },
    )
    // The last 4 bytes (`--\r\n`) are shorter than the boundary: the parser holds them until the end.
    const source = chunked(body, [body.byteLength - 4, 4])
    expect(await readPostForm(source.stream, { contentType, maxFieldBytes, fileLimit: unlimited })).toEqual({
      kind: 'fields-too-large',
      fields: [
        { name: 'key', value: 'k'.repeat(10_000) },
        { name: 'acl', value: 'a'.repeat(10_475) },
      ],
    })
  })

  it('refuses a body cut off inside a field that passes the limit as too large, not as broken', async () => {
    const { body, contentType } = handWritten(
      `--b\r\nContent-Disposition: form-data; name="key"\r\n\r\n${'k'.repeat(maxFieldBytes)}\r\n-`,
    )
    expect(await readPostForm(body, { contentType, maxFieldBytes, fileLimit: unlimited })).toEqual({
      kind: 'fields-too-large',
      fields: [],
    })
  })
})

describe('readPostForm, the file limit', () => {
  it('takes a file of exactly its limit, even when a chunk ends right after its last byte', async () => {
    const { body, contentType } = handWritten(`${keyPart}${filePart('0123456789')}--b--\r\n`)
    const fileEnd = body.byteLength - '\r\n--b--\r\n'.length
    const reading = await readPostForm(chunked(body, [fileEnd, 100]).stream, {
      contentType,
      maxFieldBytes,
      fileLimit: async () => 10,
    })
    expect(reading.kind === 'complete' && reading.file.size).toBe(10)
  })

  it('holds a file in one buffer the size its Content-Length gives', async () => {
    const content = 'x'.repeat(300_000)
    const { body, contentType } = multipartBody([{ name: 'file', filename: 'a.csv', content }], {
      boundary: 'b',
      style: 'browser',
    })
    const reading = await readPostForm(chunked(body, [7000]).stream, {
      contentType,
      contentLength: body.byteLength,
      maxFieldBytes,
      fileLimit: unlimited,
    })
    expect(reading.kind === 'complete' && reading.file.bytes.byteLength).toBe(300_000)
    expect(reading.kind === 'complete' && reading.file.bytes.buffer.byteLength).toBe(body.byteLength)
  })
})

describe('readPostForm, the buffer a file is held in', () => {
  const content = 'x'.repeat(300_000)
  const { body, contentType } = multipartBody([{ name: 'file', filename: 'a.csv', content }], {
    boundary: 'b',
    style: 'browser',
  })
  const held = async (options: { contentLength?: number; limit?: number }) => {
    const reading = await readPostForm(chunked(body, [7000]).stream, {
      contentType,
      maxFieldBytes,
      fileLimit: async () => options.limit ?? Number.POSITIVE_INFINITY,
      ...(options.contentLength === undefined ? {} : { contentLength: options.contentLength }),
    })
    expect(reading.kind === 'complete' && new TextDecoder().decode(reading.file.bytes)).toBe(content)
    return reading.kind === 'complete' ? reading.file.bytes.buffer.byteLength : 0
  }

  it('keeps the room the limit set aside when the file fills it exactly', async () => {
    expect(await held({ contentLength: body.byteLength, limit: 300_000 })).toBe(300_000)
  })

  it('keeps a buffer the file fills half of, and copies one it fills less', async () => {
    expect(await held({ contentLength: 600_000 })).toBe(600_000)
    expect(await held({ contentLength: 600_002 })).toBe(300_000)
  })

  it('without a Content-Length, grows the buffer by doubling: room to spare, never twice the file', async () => {
    const size = await held({})
    expect(size).toBeGreaterThan(300_000)
    expect(size).toBeLessThan(600_000)
  })
})

describe('readPostForm, Content-Disposition headers the parser gives up on', () => {
  // Raw UTF-8 in a quoted value, as browsers send a file name: read again leniently.
  const withDisposition = (disposition: string) =>
    handWritten(`${keyPart}--b\r\nContent-Disposition: ${disposition}\r\n\r\na,b\r\n--b--\r\n`)

  it.each([
    ['parameter names in capitals', 'form-data; NAME="file"; FILENAME="Контакты.csv"', 'Контакты.csv'],
    ['an unquoted name', 'form-data; name=file; filename="Контакты.csv"', 'Контакты.csv'],
    ['escaped quotes in the file name', 'form-data; name="file"; filename="Мой \\"список\\".csv"', 'Мой "список".csv'],
  ])('reads the file and its name with %s', async (_, disposition, filename) => {
    const { body, contentType } = withDisposition(disposition)
    const reading = await readPostForm(body, { contentType, maxFieldBytes, fileLimit: unlimited })
    expect(reading.kind === 'complete' && [reading.file.name, reading.file.filename]).toEqual([
      expect.stringMatching(/^file$/i),
      filename,
    ])
  })

  it('names a part without a Content-Disposition with an empty name', async () => {
    const { body, contentType } = handWritten(
      `${keyPart}--b\r\nContent-Type: text/plain\r\n\r\nloose\r\n${filePart('a')}--b--\r\n`,
    )
    const reading = await readPostForm(body, { contentType, maxFieldBytes, fileLimit: unlimited })
    expect(reading.fields).toEqual([
      { name: 'key', value: 'uploads/a.csv' },
      { name: '', value: 'loose' },
    ])
  })
})

describe('sizeOfStopped, boundaries', () => {
  it('takes an unquoted boundary whole, and a Content-Type without one as an empty boundary', () => {
    const input = { contentLength: 1000, fed: 300, fileBytes: 100, limit: 10 }
    expect(sizeOfStopped({ ...input, contentType: 'multipart/form-data; boundary=abcdef' })).toBe(1000 - 200 - 14)
    expect(sizeOfStopped({ ...input, contentType: 'multipart/form-data' })).toBe(1000 - 200 - 8)
  })
})
