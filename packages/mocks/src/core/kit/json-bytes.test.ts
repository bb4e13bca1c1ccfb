import { describe, expect, it } from 'vitest'
import { joinJsonRecords, recordBytes } from './json-bytes.js'

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('joinJsonRecords', () => {
  it('writes the head, the records separated by commas and the tail, accents and all', () => {
    const records = [{ name: 'Zoë' }, { name: 'Łukasz', tags: ['a,b'] }, { name: '王' }]
    const bytes = records.map((record) => new TextEncoder().encode(JSON.stringify(record)))
    const page = joinJsonRecords('{"nextPageToken":"é1","length":3,"records":[', bytes, ']}')
    expect(JSON.parse(decode(page))).toEqual({ nextPageToken: 'é1', length: 3, records })
    expect(page.byteLength).toBe(new TextEncoder().encode(decode(page)).byteLength)
  })

  it('writes an empty list and a list of one without a stray comma', () => {
    expect(decode(joinJsonRecords('[', [], ']'))).toBe('[]')
    expect(decode(joinJsonRecords('[', [new TextEncoder().encode('1')], ']'))).toBe('[1]')
  })
})

describe('recordBytes', () => {
  it('encodes a record once per owner: another owner with other text gets its own bytes', () => {
    const first = { json: '{"name":"Zoë"}' }
    const second = { json: '{"name":"Ann"}' }
    const bytes = recordBytes(first, first.json)
    expect(decode(bytes)).toBe(first.json)
    expect(recordBytes(first, first.json)).toBe(bytes)
    expect(decode(recordBytes(second, second.json))).toBe(second.json)
  })
})
