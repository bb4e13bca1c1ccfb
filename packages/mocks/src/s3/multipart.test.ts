import { describe, expect, it } from 'vitest'
import type { FormField } from './form.js'
import { filenameVariable } from './form.js'
import { type FormReading, readPostForm, sizeOfStopped } from './multipart.js'
import { chunked, generatedUpload, multipartBody, type Part } from './testing/bodies.js'

const unlimited = async () => Number.POSITIVE_INFINITY
const read = (stream: ReadableStream<Uint8Array>, contentType: string, fileLimit = unlimited) =>
  readPostForm(stream, { contentType, maxFieldBytes: 20 * 1024, fileLimit })

const omnigageParts: Part[] = [
  { name: 'acl', value: 'private' },
  { name: 'AWSAccessKeyId', value: 'AKIACONTACTKITSANDBOX' },
  { name: 'key', value: `uploads/2c0b7e5d/${filenameVariable}` },
  { name: 'policy', value: 'eyJleHBpcmF0aW9uIjogIjIwMjYifQ==' },
  { name: 'signature', value: 'skwxau5Ta8vkltXxMK4EjMBRPmo=' },
  { name: 'Content-Type', value: 'text/csv' },
  { name: 'file', filename: 'contacts list.csv', content: 'First Name,Phone\r\nAnn,+15550100\r\n' },
]

function summary(reading: FormReading) {
  const file =
    reading.kind === 'complete'
      ? {
          name: reading.file.name,
          filename: reading.file.filename,
          text: new TextDecoder().decode(reading.file.bytes),
          size: reading.file.size,
        }
      : undefined
  return { kind: reading.kind, fields: reading.fields.map((field) => [field.name, field.value]), file }
}

describe('readPostForm', () => {
  it('gives the same file whatever Content-Length the client claims, or none', async () => {
    const content = 'First Name,Phone\r\n'.padEnd(300_000, 'x')
    const { body, contentType } = multipartBody(
      [...omnigageParts.slice(0, -1), { name: 'file', filename: 'contacts.csv', content }],
      {
        boundary: 'contactkit-boundary',
        style: 'browser',
      },
    )
    for (const contentLength of [undefined, body.byteLength, 10, body.byteLength * 50]) {
      const reading = await readPostForm(chunked(body, [7000]).stream, {
        contentType,
        maxFieldBytes: 20 * 1024,
        fileLimit: unlimited,
        ...(contentLength === undefined ? {} : { contentLength }),
      })
      expect(reading.kind === 'complete' && new TextDecoder().decode(reading.file.bytes)).toBe(content)
      // A buffer presized from an overstated length is not kept: the file gets one of its own size.
      expect(reading.kind === 'complete' && reading.file.bytes.buffer.byteLength).toBeLessThan(content.length * 2)
    }
  })

  it('reads the fields and the file of a browser form, whatever the chunk sizes', async () => {
    const { body, contentType } = multipartBody(omnigageParts, {
      boundary: '----WebKitFormBoundaryHA24Z2hmBNFyzQmA',
      style: 'browser',
    })
    const whole = summary(await read(chunked(body, [body.byteLength]).stream, contentType))
    expect(whole).toEqual({
      kind: 'complete',
      fields: omnigageParts.slice(0, 6).map((part) => [part.name, 'value' in part ? part.value : '']),
      file: { name: 'file', filename: 'contacts list.csv', text: 'First Name,Phone\r\nAnn,+15550100\r\n', size: 33 },
    })
    for (const size of [1, 2, 3, 7, 16, 41, 64, 100]) {
      expect(summary(await read(chunked(body, [size]).stream, contentType))).toEqual(whole)
    }
    for (let split = 1; split < body.byteLength; split++) {
      expect(summary(await read(chunked(body, [split, body.byteLength]).stream, contentType))).toEqual(whole)
    }
    // A body read whole beforehand (the core reads small ones so) gives the same, its file a buffer of its own size.
    const fromBytes = await readPostForm(body, { contentType, maxFieldBytes: 20 * 1024, fileLimit: unlimited })
    expect(summary(fromBytes)).toEqual(whole)
    expect(fromBytes.kind === 'complete' && fromBytes.file.bytes.buffer.byteLength).toBe(33)
  })

  it('reads bytes read whole as a stream of one chunk: a form cut short, fields too large, no body', async () => {
    const { body, contentType } = multipartBody(omnigageParts, { boundary: 'contactkit-boundary', style: 'browser' })
    const options = { contentType, maxFieldBytes: 20 * 1024, fileLimit: unlimited }
    const both = async (bytes: Uint8Array, maxFieldBytes = options.maxFieldBytes) => {
      const fromBytes = await readPostForm(bytes, { ...options, maxFieldBytes })
      expect(fromBytes).toEqual(
        await readPostForm(chunked(bytes, [bytes.byteLength]).stream, { ...options, maxFieldBytes }),
      )
      return fromBytes.kind
    }
    expect(await both(body.subarray(0, body.byteLength - 30))).toBe('malformed')
    expect(await both(body, 20)).toBe('fields-too-large')
    expect(await both(new Uint8Array(0))).toBe('no-file')
  })

  it('reads what .NET sends: a quoted boundary with spaces, "/" and ":", part Content-Types, unquoted names, filename*', async () => {
    const boundary = 'Upload----07/10/2020 17:29:08'
    const { body, contentType } = multipartBody(omnigageParts.slice(0, 6).concat(netFile), {
      boundary,
      style: 'dotnet',
    })
    expect(contentType).toBe('multipart/form-data; boundary="Upload----07/10/2020 17:29:08"')
    expect(new TextDecoder().decode(body)).toContain('Content-Disposition: form-data; name=acl\r\n')
    for (const size of [body.byteLength, 5, 1]) {
      const reading = summary(await read(chunked(body, [size]).stream, contentType))
      expect(reading.kind).toBe('complete')
      expect(reading.fields).toEqual(
        omnigageParts.slice(0, 6).map((part) => [part.name, (part as { value: string }).value]),
      )
      expect(reading.file).toEqual({ name: 'file', filename: 'Ünïcode contacts.csv', text: 'a,b\r\n', size: 5 })
    }
  })

  it('skips a preamble before the first boundary', async () => {
    const { body, contentType } = multipartBody(omnigageParts, {
      boundary: 'xyz',
      style: 'browser',
      preamble: 'ignore me',
    })
    expect(summary(await read(chunked(body, [3]).stream, contentType)).file?.size).toBe(33)
  })

  it('takes a closing boundary without its CRLF or with an epilogue, and refuses bare LF line breaks', async () => {
    const { body, contentType } = multipartBody(omnigageParts, { boundary: 'edge', style: 'browser' })
    const text = new TextDecoder().decode(body)
    for (const variant of [text.slice(0, -2), `${text}epilogue\r\n`]) {
      const reading = summary(await read(chunked(new TextEncoder().encode(variant), [9]).stream, contentType))
      expect(reading.file?.size).toBe(33)
    }
    const bareLf = new TextEncoder().encode(text.replaceAll('\r\n', '\n'))
    expect((await read(chunked(bareLf, [64]).stream, contentType)).kind).toBe('malformed')
  })

  it('leaves everything after the file unread, and never takes a field after it', async () => {
    const big = 'x'.repeat(200_000)
    const parts: Part[] = [
      { name: 'key', value: 'a' },
      { name: 'file', filename: 'a.txt', content: 'hello' },
      { name: 'acl', value: big },
    ]
    const { body, contentType } = multipartBody(parts, { boundary: 'b0undary', style: 'browser' })
    const source = chunked(body, [1024])
    const reading = await read(source.stream, contentType)
    expect(summary(reading)).toMatchObject({ kind: 'complete', fields: [['key', 'a']], file: { text: 'hello' } })
    expect(source.pulled()).toBe(1)
  })

  it('takes a text field named file (in any case) as the file', async () => {
    const { body, contentType } = multipartBody(
      [
        { name: 'key', value: 'a' },
        { name: 'File', value: 'plain text' },
      ],
      {
        boundary: 'b',
        style: 'browser',
      },
    )
    expect(summary(await read(chunked(body, [8]).stream, contentType)).file).toEqual({
      name: 'File',
      filename: undefined,
      text: 'plain text',
      size: 10,
    })
  })

  it('tells a form without a file, fields over the limit and broken bodies apart', async () => {
    const noFile = multipartBody([{ name: 'key', value: 'a' }], { boundary: 'b', style: 'browser' })
    expect((await read(chunked(noFile.body, [4]).stream, noFile.contentType)).kind).toBe('no-file')
    const large = multipartBody(
      [
        { name: 'key', value: 'a'.repeat(15_000) },
        { name: 'acl', value: 'b'.repeat(15_000) },
      ],
      { boundary: 'b', style: 'browser' },
    )
    expect((await read(chunked(large.body, [1000]).stream, large.contentType)).kind).toBe('fields-too-large')
    const { body, contentType } = multipartBody(omnigageParts, { boundary: 'b', style: 'browser' })
    const truncated = body.subarray(0, body.byteLength - 20)
    expect(await read(chunked(truncated, [50]).stream, contentType)).toMatchObject({
      kind: 'malformed',
      reason: 'the body ends before its closing boundary',
    })
    expect(await read(chunked(body, [50]).stream, 'multipart/form-data')).toMatchObject({
      kind: 'malformed',
      reason: 'the Content-Type has no boundary',
    })
    expect((await read(chunked(new TextEncoder().encode('not multipart at all'), [5]).stream, contentType)).kind).toBe(
      'malformed',
    )
  })

  it('asks for the file limit once, with the fields before the file, and stops reading past it', async () => {
    const upload = generatedUpload([{ name: 'key', value: 'big.bin' }], { boundary: 'b', fileBytes: 1024 ** 3 })
    const asked: [FormField[], string | undefined][] = []
    const reading = await readPostForm(upload.stream, {
      contentType: upload.contentType,
      contentLength: upload.contentLength,
      maxFieldBytes: 20 * 1024,
      fileLimit: async (fields, file) => {
        asked.push([[...fields], file.filename])
        return 100_000
      },
    })
    expect(asked).toEqual([[[{ name: 'key', value: 'big.bin' }], 'big.bin']])
    expect(reading).toEqual({
      kind: 'file-too-large',
      fields: [{ name: 'key', value: 'big.bin' }],
      file: { name: 'file', filename: 'big.bin' },
      proposedSize: expect.any(Number),
    })
    // 64 KiB chunks: the second passes 100,000 bytes; the body's other 16,000 chunks are never pulled.
    expect(upload.pulled()).toBeLessThan(6)
    const proposed = (reading as { proposedSize: number }).proposedSize
    expect(proposed).toBeLessThanOrEqual(1024 ** 3)
    expect(proposed).toBeGreaterThan(1024 ** 3 - 20)
  })
})

describe('sizeOfStopped', () => {
  it('works the size out from Content-Length, or counts what was read', () => {
    const contentType = 'multipart/form-data; boundary="a b"'
    expect(sizeOfStopped({ contentType, contentLength: 1000, fed: 300, fileBytes: 100, limit: 10 })).toBe(
      1000 - 200 - 11,
    )
    expect(sizeOfStopped({ contentType, fed: 300, fileBytes: 100, limit: 10 })).toBe(100)
    expect(sizeOfStopped({ contentType, fed: 300, fileBytes: 5, limit: 10 })).toBe(11)
  })
})

const netFile: Part = { name: 'file', filename: 'Ünïcode contacts.csv', content: 'a,b\r\n' }
