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

describe('railsXmlElement', () => {
  it('types integers, floats and both booleans', () => {
    expect(toRailsXml('r', { n: 2, neg: -3, ratio: 1.5, yes: true, no: false })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<r>',
        '  <n type="integer">2</n>',
        '  <neg type="integer">-3</neg>',
        '  <ratio type="float">1.5</ratio>',
        '  <yes type="boolean">true</yes>',
        '  <no type="boolean">false</no>',
        '</r>',
        '',
      ].join('\n'),
    )
  })

  it('names array entries as Rails singularizes the keys CloudSponge uses, and drops a trailing "s" otherwise', () => {
    const entries = (key: string) => /\n {4}<([a-z-]+)>/.exec(toRailsXml('r', { [key]: ['x'] }))?.[1]
    expect(
      ['addresses', 'address', 'companies', 'email', 'phone', 'groups', 'photos', 'locations', 'data'].map(entries),
    ).toEqual(['address', 'address', 'company', 'email', 'phone', 'group', 'photo', 'location', 'data'])
  })

  it('indents each level by two more spaces, however deep', () => {
    expect(toRailsXml('r', { a: { b: { c: [{ d: 1 }] } } })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<r>',
        '  <a>',
        '    <b>',
        '      <c type="array">',
        '        <c>',
        '          <d type="integer">1</d>',
        '        </c>',
        '      </c>',
        '    </b>',
        '  </a>',
        '</r>',
        '',
      ].join('\n'),
    )
  })
})

describe('escapeText at the edges of each class of character', () => {
  it('keeps printable ASCII but &, < and >, and tab, newline and carriage return', () => {
    const printable = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).join('')
    expect(escapeText(printable)).toBe(printable.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;'))
    expect(escapeText('a\tb\nc\rd')).toBe('a\tb\nc\rd')
    for (const text of [' %', "'", ';=?', '~']) {
      expect(escapeText(text)).toBe(text)
    }
  })

  it('writes DEL and private-use characters as references, and control, non-characters and lone surrogates as *', () => {
    expect(escapeText('\x7f')).toBe('&#127;')
    expect(escapeText('\ue000')).toBe('&#57344;')
    expect(escapeText('\x00\x1f')).toBe('**')
    expect(escapeText('\ufffe\uffff')).toBe('**')
    expect(escapeText('\ud800x\udfff')).toBe('*x*')
    expect(escapeText('\ufffd')).toBe('&#65533;')
  })

  it('escapes a character needing it even when it is the whole text', () => {
    for (const [char, escaped] of [
      ['&', '&amp;'],
      ['<', '&lt;'],
      ['>', '&gt;'],
      ['\x1f', '*'],
      ['\x7f', '&#127;'],
      ['é', '&#233;'],
    ]) {
      expect(escapeText(char as string)).toBe(escaped)
    }
  })
})
