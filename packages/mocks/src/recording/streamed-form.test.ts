import { describe, expect, it } from 'vitest'
import { streamedFormOf } from './streamed-form.js'

/** A multipart body as undici writes it, and its Content-Type. */
async function encoded(form: FormData): Promise<{ contentType: string; bytes: Uint8Array }> {
  const request = new Request('http://form.invalid/', { method: 'POST', body: form })
  return {
    contentType: request.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await request.arrayBuffer()),
  }
}

function pushInChunks(bytes: Uint8Array, size: number, push: (chunk: Uint8Array) => void): void {
  for (let offset = 0; offset < bytes.byteLength; offset += size) {
    push(bytes.subarray(offset, offset + size))
  }
}

describe('StreamedForm', () => {
  it('gives the fields as they streamed past in small chunks, a file part by its name and type only', async () => {
    const form = new FormData()
    form.append('key', 'uploads/contacts.csv')
    form.append('tag', 'a')
    form.append('tag', 'b')
    form.append('file', new File(['x'.repeat(50_000)], 'contacts.csv', { type: 'text/csv' }))
    const { contentType, bytes } = await encoded(form)
    const reader = streamedFormOf(contentType, 1024)
    pushInChunks(bytes, 7, (chunk) => reader?.push(chunk))
    const reading = reader?.end()
    expect(reading?.problem).toBeUndefined()
    const { file, ...fields } = reading?.value ?? {}
    expect(fields).toEqual({ key: 'uploads/contacts.csv', tag: ['a', 'b'] })
    expect(file).toBeInstanceOf(File)
    expect([(file as File).name, (file as File).type, (file as File).size]).toEqual(['contacts.csv', 'text/csv', 0])
  })

  it('reads the form whichever byte a chunk ends at, the closing delimiter included', async () => {
    const form = new FormData()
    form.append('key', 'k')
    form.append('file', new File(['data'], 'a.csv', { type: 'text/csv' }))
    form.append('after', 'z')
    const { contentType, bytes } = await encoded(form)
    const failedAt: number[] = []
    for (let at = 1; at < bytes.byteLength; at++) {
      const reader = streamedFormOf(contentType, 1024)
      reader?.push(bytes.subarray(0, at))
      reader?.push(bytes.subarray(at))
      const reading = reader?.end()
      if (reading?.problem !== undefined || reading?.value?.after !== 'z') {
        failedAt.push(at)
      }
    }
    expect(failedAt).toEqual([])
  })

  it('gives up on fields larger than its limit: such a body is not checked', async () => {
    const form = new FormData()
    form.append('key', 'k'.repeat(2_000))
    const { contentType, bytes } = await encoded(form)
    const reader = streamedFormOf(contentType, 1024)
    reader?.push(bytes)
    expect(reader?.end()).toBeUndefined()
  })

  it('says why a body is not the multipart form it claims to be', () => {
    const reader = streamedFormOf('multipart/form-data; boundary=b', 1024)
    reader?.push(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="key"\r\n\r\nvalue'))
    expect(reader?.end()).toEqual({
      problem: 'the body is not valid multipart/form-data (the body ends before its closing boundary)',
    })
  })

  it('reads only multipart/form-data', () => {
    expect(streamedFormOf('application/json', 1024)).toBeUndefined()
    expect(streamedFormOf(undefined, 1024)).toBeUndefined()
    expect(streamedFormOf('Multipart/Form-Data; boundary=x', 1024)).toBeDefined()
  })
})
