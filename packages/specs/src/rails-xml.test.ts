import { describe, expect, it } from 'vitest'
import { decodeRailsXml } from './rails-xml.js'

describe('decodeRailsXml', () => {
  it('turns Rails to_xml back into the JSON shape', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<contactsResponse>
  <contacts type="array">
    <contact>
      <first-name>Andr&#233; &amp; Zo&#235;</first-name>
      <last-name></last-name>
      <phone type="array"/>
      <email type="array">
        <email>
          <address>a@example.com</address>
          <primary type="boolean">true</primary>
          <type nil="true"></type>
        </email>
      </email>
    </contact>
  </contacts>
  <import-id type="integer">1126</import-id>
  <echo nil="true"></echo>
</contactsResponse>
`
    expect(decodeRailsXml(xml)).toEqual({
      contacts: [
        {
          first_name: 'André & Zoë',
          last_name: '',
          phone: [],
          email: [{ address: 'a@example.com', primary: true, type: null }],
        },
      ],
      import_id: 1126,
      echo: null,
    })
  })

  it('keeps a one-element array an array', () => {
    expect(
      decodeRailsXml('<r><events type="array"><event><value type="integer">2</value></event></events></r>'),
    ).toEqual({
      events: [{ value: 2 }],
    })
  })

  it('keeps whitespace inside text', () => {
    expect(decodeRailsXml('<r><address>a@example.com\t</address></r>')).toEqual({ address: 'a@example.com\t' })
  })

  it('reads nil elements inside arrays as nulls, as the recordings have them ("companies":[null])', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<contactsResponse>
  <contacts type="array">
    <contact>
      <email type="array">
        <email>
          <address nil="true"></address>
          <type>account</type>
        </email>
      </email>
      <companies type="array">
        <company nil="true"></company>
      </companies>
      <groups type="array">
        <group>Family</group>
        <group nil="true"></group>
        <group></group>
      </groups>
      <photos type="array"/>
    </contact>
  </contacts>
  <contacts-owner>
    <external-id>7c3e19a04b2d8f61</external-id>
    <owner type="boolean">true</owner>
  </contacts-owner>
</contactsResponse>
`
    expect(decodeRailsXml(xml)).toEqual({
      contacts: [
        {
          email: [{ address: null, type: 'account' }],
          companies: [null],
          groups: ['Family', null, ''],
          photos: [],
        },
      ],
      contacts_owner: { external_id: '7c3e19a04b2d8f61', owner: true },
    })
  })

  it('reads a nil owner and a nil typed value as null', () => {
    expect(
      decodeRailsXml(
        '<r><contacts-owner nil="true"></contacts-owner><value type="integer" nil="true"></value><primary type="boolean">false</primary></r>',
      ),
    ).toEqual({ contacts_owner: null, value: null, primary: false })
  })
})
