import { describe, expect, it } from 'vitest'
import { decodeBody } from './body.js'

describe('decodeBody', () => {
  it('reads Rails XML: typed numbers and booleans, arrays, nil, key order, entities', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<contactsResponse>
  <!-- a comment -->
  <import-id type="integer">1126</import-id>
  <user-id nil="true"></user-id>
  <contacts type="array">
    <contact><first-name>Andr&#233;</first-name><owner type="boolean">true</owner><phone type="array"/></contact>
  </contacts>
  <echo></echo>
</contactsResponse>`
    const decoded = decodeBody(xml, 'application/xml; charset=utf-8')
    expect(decoded).toEqual({
      format: 'xml',
      value: {
        contactsResponse: {
          'import-id': 1126,
          'user-id': null,
          contacts: [{ 'first-name': 'André', owner: true, phone: [] }],
          echo: '',
        },
      },
    })
    expect(Object.keys((decoded.value as { contactsResponse: object }).contactsResponse)).toEqual([
      'import-id',
      'user-id',
      'contacts',
      'echo',
    ])
  })

  it('reads repeated elements without type="array" as a list (S3), JSON by type or by its first character, and text otherwise', () => {
    expect(decodeBody('<Error><Code>A</Code><Code>B</Code></Error>', 'application/xml').value).toEqual({
      Error: { Code: ['A', 'B'] },
    })
    expect(decodeBody('{"b":1,"a":2}', 'text/plain')).toEqual({ format: 'json', value: { b: 1, a: 2 } })
    expect(decodeBody('{"b":', 'application/json')).toEqual({ format: 'text', value: '{"b":' })
    expect(decodeBody('<html>', 'text/html')).toEqual({ format: 'text', value: '<html>' })
  })
})
