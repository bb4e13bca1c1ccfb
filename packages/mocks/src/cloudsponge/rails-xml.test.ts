import { describe, expect, it } from 'vitest'
import { escapeText, toRailsXml } from './rails-xml.js'

describe('toRailsXml', () => {
  it('writes a hash as Rails 2 to_xml does, byte for byte', () => {
    const xml = toRailsXml('contactsResponse', {
      contacts_owner: { first_name: 'André', owner: true, phone: [] },
      import_id: 9713810,
      contacts: [
        {
          first_name: 'Talita',
          last_name: '',
          email: [{ address: 'aguiartalita2@gmail.com', primary: true, type: null }],
          companies: ['Acme & Sons'],
        },
      ],
      echo: null,
      created_at: new Date('2009-09-11T16:08:02.000Z'),
    })
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<contactsResponse>',
        '  <contacts-owner>',
        '    <first-name>Andr&#233;</first-name>',
        '    <owner type="boolean">true</owner>',
        '    <phone type="array"/>',
        '  </contacts-owner>',
        '  <import-id type="integer">9713810</import-id>',
        '  <contacts type="array">',
        '    <contact>',
        '      <first-name>Talita</first-name>',
        '      <last-name></last-name>',
        '      <email type="array">',
        '        <email>',
        '          <address>aguiartalita2@gmail.com</address>',
        '          <primary type="boolean">true</primary>',
        '          <type nil="true"></type>',
        '        </email>',
        '      </email>',
        '      <companies type="array">',
        '        <company>Acme &amp; Sons</company>',
        '      </companies>',
        '    </contact>',
        '  </contacts>',
        '  <echo nil="true"></echo>',
        '  <created-at type="datetime">2009-09-11T09:08:02-07:00</created-at>',
        '</contactsResponse>',
        '',
      ].join('\n'),
    )
  })

  it('leaves out undefined fields', () => {
    expect(toRailsXml('result', { status: 'success', url: undefined })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<result>\n  <status>success</status>\n</result>\n',
    )
  })
})

describe('escapeText', () => {
  it('escapes markup but not quotes, as Builder does', () => {
    expect(escapeText(`<a href="x">Tom & "Jerry"</a>`)).toBe('&lt;a href="x"&gt;Tom &amp; "Jerry"&lt;/a&gt;')
  })

  it('writes non-ASCII as decimal references, astral characters as one reference', () => {
    expect(escapeText('Zoë 😀 日本')).toBe('Zo&#235; &#128512; &#26085;&#26412;')
  })

  it('replaces characters XML cannot hold with *', () => {
    expect(escapeText('a\u0001b\tc')).toBe('a*b\tc')
  })
})
