import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { createCloudSpongeSimulator } from './index.js'
import { documentedTenant } from './tenants.js'
import { railsJson } from './wire-format.js'

const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }

/** A complete import of `username` (seeded accounts first) and its contacts pages as text. */
async function completeImport(username: string, accounts: unknown[] = [], password = 'pw') {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
  sim.seed({ accounts })
  await sim.app.request('/begin_import/import.json', {
    method: 'POST',
    headers: auth,
    body: new URLSearchParams({ service: 'icloud', username, password }),
  })
  sim.clock.advance(4000)
  const text = async (path: string) => {
    const answer = await sim.app.request(path, { headers: auth })
    expect(answer.status, path).toBe(200)
    return answer.text()
  }
  return { sim, text }
}

type Page = { contacts: { first_name: string }[]; start: number; count: number; total: number }

describe('pages of many contacts', () => {
  it('join chunks of a hundred contacts into one valid page, from any start, cached or streamed', async () => {
    const { text } = await completeImport('contacts-2300')
    const whole = JSON.parse(await text('/contacts/1126')) as Page
    expect(whole.contacts).toHaveLength(2300)
    // Pages of ten, the smallest the chunks do not split, are the reference.
    for (const [start, count] of [
      [50, 250],
      [0, 101],
      [199, 2001],
    ] as const) {
      const page = JSON.parse(await text(`/contacts/1126?start=${start}&count=${count}`)) as Page
      expect(page.contacts, `${start}+${count}`).toEqual(whole.contacts.slice(start, start + count))
      expect([page.start, page.count, page.total]).toEqual([start, count, 2300])
    }
    const tens = JSON.parse(await text('/contacts/1126?start=290&count=10')) as Page
    expect(tens.contacts).toEqual(whole.contacts.slice(290, 300))
  })

  it('write the same contacts in XML, chunk after chunk', async () => {
    const { text } = await completeImport('contacts-2300')
    const names = (xml: string) => [...xml.matchAll(/^ {6}<first-name>(.*)<\/first-name>$/gm)].map((match) => match[1])
    const whole = names(await text('/contacts/1126.xml'))
    expect(whole).toHaveLength(2300)
    expect(names(await text('/contacts/1126.xml?start=150&count=120'))).toEqual(whole.slice(150, 270))
    const streamed = await text('/contacts/1126.xml?start=10')
    expect(names(streamed)).toEqual(whole.slice(10))
    expect(streamed).toMatch(/ {2}<\/contacts>\n {2}<contacts-owner>\n/)
    expect(
      streamed.endsWith(
        '  <start type="integer">10</start>\n  <count type="integer">2290</count>\n  <total type="integer">2300</total>\n  <import-id type="integer">1126</import-id>\n  <user-id nil="true"></user-id>\n  <id type="integer">1126</id>\n  <echo nil="true"></echo>\n</contactsResponse>\n',
      ),
    ).toBe(true)
  })

  it('keeps a page of up to 2,000 contacts as bytes and streams a larger one (the journal shows only the former)', async () => {
    const { sim, text } = await completeImport('contacts-2001')
    const sent = async (query: string) => {
      await text(`/contacts/1126${query}`)
      return sim.journal.list({ path: '/contacts' }).at(-1)?.response?.body
    }
    expect(await sent('?start=0&count=2000')).toMatch(/^\{"contacts":\[\{"first_name":/)
    expect(await sent('?start=1&count=2000')).toMatch(/^\{"contacts":\[\{"first_name":/)
    expect(await sent('?start=0&count=2001')).toBeNull()
    expect(await sent('')).toBeNull()
  })

  it('streams a large page with echo at its end', async () => {
    const { text } = await completeImport('contacts-2001')
    expect((await text('/contacts/1126?echo=big')).endsWith(',"echo":"big"}')).toBe(true)
  })
})

describe('XML of contacts larger than the buffer guessed for them', () => {
  it('writes a contact of many kilobytes whole, after a small one', async () => {
    const long = 'x'.repeat(5000)
    const accounts = [
      {
        service: 'icloud',
        username: 'ann',
        password: 'pw',
        contacts: [{ first_name: 'Small' }, { first_name: long, last_name: 'Ü'.repeat(800) }, { first_name: 'After' }],
      },
    ]
    const { text } = await completeImport('ann', accounts)
    const xml = await text('/contacts/1126.xml')
    expect(xml).toContain('      <first-name>Small</first-name>\n')
    expect(xml).toContain(
      `      <first-name>${long}</first-name>\n      <last-name>${'&#220;'.repeat(800)}</last-name>\n`,
    )
    expect(xml).toContain('      <first-name>After</first-name>\n')
    expect(xml.match(/<contact>/g)).toHaveLength(3)
    expect(xml.endsWith('</contactsResponse>\n')).toBe(true)
  })

  it('writes a page of one contact of a few kilobytes whole', async () => {
    // About twice the kilobyte guessed per contact, but less than three times it.
    const long = 'y'.repeat(2000)
    const accounts = [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ first_name: long }] }]
    const { text } = await completeImport('ann', accounts)
    const xml = await text('/contacts/1126.xml?start=0&count=1')
    expect(xml).toContain(`    <contact>\n      <first-name>${long}</first-name>\n      <phone type="array"/>\n`)
    expect(xml.endsWith('</contactsResponse>\n')).toBe(true)
  })
})

describe('an empty page', () => {
  it('closes the contacts array at once in XML, with no closing tag after', async () => {
    const { text } = await completeImport('foo', [], 'bar')
    expect(await text('/contacts/1126.xml?start=2')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<contactsResponse>',
        '  <contacts type="array"/>',
        '  <contacts-owner>',
        '    <first-name>Joe</first-name>',
        '    <last-name>Smith</last-name>',
        '    <email type="array">',
        '      <email>',
        '        <address>joe@example.com</address>',
        '      </email>',
        '    </email>',
        '  </contacts-owner>',
        '  <start type="integer">2</start>',
        '  <count type="integer">0</count>',
        '  <total type="integer">2</total>',
        '  <import-id type="integer">1126</import-id>',
        '  <user-id nil="true"></user-id>',
        '  <id type="integer">1126</id>',
        '  <echo nil="true"></echo>',
        '</contactsResponse>',
        '',
      ].join('\n'),
    )
  })

  it('writes an empty array in JSON', async () => {
    const { text } = await completeImport('contacts-0')
    const answer = await text('/contacts/1126')
    expect(answer).toMatch(/^\{"contacts":\[\],"contacts_owner":\{"first_name":/)
    expect(answer).toMatch(/,"start":0,"count":0,"total":0,"import_id":1126,"user_id":null,"id":1126,"echo":null\}$/)
    expect(await text('/contacts/1126?echo=e')).toMatch(
      /,"count":0,"total":0,"import_id":1126,"user_id":null,"id":1126,"echo":"e"\}$/,
    )
  })

  it('writes no owner as null', async () => {
    const accounts = [{ service: 'icloud', username: 'ann', password: 'pw', owner: null, contacts: [] }]
    const { text } = await completeImport('ann', accounts)
    expect(await text('/contacts/1126')).toBe(
      '{"contacts":[],"contacts_owner":null,"start":0,"count":0,"total":0,"import_id":1126,"user_id":null,"id":1126,"echo":null}',
    )
    expect(await text('/contacts/1126.xml')).toContain(
      '  <contacts type="array"/>\n  <contacts-owner nil="true"></contacts-owner>\n',
    )
  })
})

describe('begin_import in XML', () => {
  it('writes a consent answer with its url and import type, in the vendor order', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock(), publicUrl: 'https://sim.example.com' })
    const answer = await sim.app.request('/begin_import/user_consent.xml', {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ service: 'csv', echo: 'e', user_id: 'u' }),
    })
    const text = await answer.text()
    const code = /\/csv\/([A-Z2-9]{7})</.exec(text)?.[1]
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<result>',
        '  <status>success</status>',
        `  <url>https://sim.example.com/csv/${code}</url>`,
        '  <echo>e</echo>',
        '  <import-type>CSV</import-type>',
        '  <import-id type="integer">1126</import-id>',
        '  <user-id>u</user-id>',
        '  <id type="integer">1126</id>',
        '</result>',
        '',
      ].join('\n'),
    )
  })
})

describe('railsJson', () => {
  it('escapes every &, < and > in the text, and leaves text without them as JSON.stringify writes it', () => {
    expect(railsJson({ a: '<<&&>>', b: ['&'] })).toBe(
      '{"a":"\\u003c\\u003c\\u0026\\u0026\\u003e\\u003e","b":["\\u0026"]}',
    )
    expect(railsJson({ a: 'plain', b: 1 })).toBe('{"a":"plain","b":1}')
    // One after another: the pattern keeps no position between texts.
    expect([railsJson('x&'), railsJson('&'), railsJson('y')]).toEqual(['"x\\u0026"', '"\\u0026"', '"y"'])
  })
})
