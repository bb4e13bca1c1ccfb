import { describe, expect, it } from 'vitest'
import { recordedShapeAccounts } from './recorded-shapes.js'
import { findService } from './services.js'
import { cloudspongeHarness, type ImportInput } from './testing/harness.js'

describe('recordedShapeAccounts', () => {
  it("sit under the service of the recording each imitates, reached through that service's flow", () => {
    expect(recordedShapeAccounts.map((account) => `${account.username} ${account.service}`)).toEqual([
      'plaxo-shape plaxo',
      'windowslive-shape windowslive',
      'aol-mailing-shape aol',
      'applet-shape outlook',
      'applet-shape addressbook',
    ])
  })

  it('answer each flow a user would take for them with the seeded contacts, not a generated book', async () => {
    const flows: ImportInput[] = [
      { service: 'plaxo', username: 'plaxo-shape' },
      // The Windows Live recording is a consent import: approved as the account on the consent page.
      { service: 'windowslive', username: 'windowslive-shape', method: 'user_consent' },
      { service: 'aol', username: 'aol-mailing-shape', include: true },
      { service: 'aol', username: 'aol-mailing-shape', method: 'user_consent', include: true },
      { service: 'outlook', username: 'applet-shape', method: 'desktop_applet' },
      { service: 'addressbook', username: 'applet-shape', method: 'desktop_applet' },
    ]
    for (const flow of flows) {
      const account = recordedShapeAccounts.find((candidate) => candidate.username === flow.username)
      const { sim, importOf } = cloudspongeHarness()
      sim.seed({ accounts: recordedShapeAccounts })
      const where = `${flow.username} by ${flow.method ?? 'import'} at ${flow.service}`
      expect(findService(flow.service, flow.method ?? 'import'), where).toMatchObject({ code: expect.any(String) })
      const { statuses, body } = await importOf({ ...flow, password: 'recorded' })
      expect(statuses, where).toEqual([200, 200, 200])
      expect(
        body.contacts.map((contact: { first_name: string }) => contact.first_name),
        where,
      ).toEqual(account?.contacts.map((contact) => contact.first_name))
      expect(body.contacts_owner.email[0].address, where).toBe(account?.owner?.email?.[0]?.address)
    }
  })
})

describe('the recorded shapes as answered', () => {
  // The whole answer of each, byte for byte: which keys, nulls, types and odd values (a trailing
  // tab, an empty job title, an ampersand) a client meets is what these accounts are for. Each
  // owner has the keys of its service's recorded owner: Plaxo's only the flag (first) and an email,
  // Windows Live's every array, AOL's (and the applet services', which follow it) all but address.
  async function answerOf(flow: ImportInput) {
    const { sim, importOf } = cloudspongeHarness()
    sim.seed({ accounts: recordedShapeAccounts })
    const { json, xml } = await importOf({ ...flow, password: 'recorded', include: true })
    return { json, xml }
  }

  it('answers plaxo-shape', async () => {
    expect((await answerOf({ service: 'plaxo', username: 'plaxo-shape' })).json).toMatchInlineSnapshot(
      `"{"contacts":[{"first_name":"Wilhelmina","last_name":"Quarrington","phone":[{"number":"4155550134","type":"Work"}],"email":[{"address":"w.quarrington@example.org","type":"Home"}],"address":[],"groups":[],"companies":[null],"photos":[],"locations":[]}],"contacts_owner":{"owner":true,"email":[{"address":"owner.plaxo@example.com\\t"}]},"start":0,"count":1,"total":1,"import_id":1126,"user_id":null,"id":1126,"echo":null}"`,
    )
  })

  it('answers windowslive-shape', async () => {
    const { json } = await answerOf({ service: 'windowslive', username: 'windowslive-shape', method: 'user_consent' })
    expect(json).toMatchInlineSnapshot(
      `"{"contacts":[{"first_name":"Oswin","last_name":"Petrakis","phone":[],"email":[{"address":"oswin@example.net","type":"personal","primary":true},{"address":null,"type":"account"},{"address":null,"type":"business"},{"address":"o.petrakis@example.com","type":"other"}],"address":[],"groups":[],"companies":[],"photos":[],"locations":[]},{"first_name":"Marguerite Ann","last_name":"Delacroix-Hale","phone":[{"number":"2065550199","type":"Mobile"}],"email":[{"address":null,"type":"personal","primary":true}],"address":[],"groups":[],"companies":[],"photos":[],"locations":[]}],"contacts_owner":{"first_name":"K","last_name":"","external_id":"7c3e19a04b2d8f61","phone":[],"email":[{"address":"owner.live@example.net","type":"account","primary":true},{"address":null,"type":"personal"}],"address":[],"groups":[],"companies":[],"photos":[],"locations":[],"owner":true},"start":0,"count":2,"total":2,"import_id":1126,"user_id":null,"id":1126,"echo":null}"`,
    )
  })

  it('answers aol-mailing-shape', async () => {
    expect((await answerOf({ service: 'aol', username: 'aol-mailing-shape' })).json).toMatchInlineSnapshot(
      `"{"contacts":[{"first_name":"Placeholder","last_name":"Person","phone":[{"number":"5555550100","type":"Mobile","primary":true}],"email":[{"address":"placeholder@example.com","type":"Home","primary":true}],"address":[],"groups":[],"companies":[],"job_title":"","photos":[],"locations":[]},{"first_name":"Ignatius","last_name":"Farrowdale","phone":[],"email":[{"address":"ignatius@example.com","type":"Home","primary":true},{"address":"i.farrowdale@example.org","type":"Work"}],"address":[{"type":"Home","street":"1200 Larkspur Ln.","city":"Eugene","region":"OR","postal_code":"97401","country":"US"},{"type":"Work","street":"77 Quarry Rd.","city":"Bend","region":"OR","postal_code":"97701","country":"US"}],"groups":[],"dob":"1984-02-29","birthday":"02-29","companies":["Farrowdale \\u0026 Sons \\u003cSurveyors\\u003e"],"job_title":"","photos":[],"locations":[]}],"contacts_owner":{"first_name":"Test","last_name":"Owner","external_id":"5B0D7E21-94AC-4F3E-8D12-6C7A0E9F3B44","phone":[],"email":[{"address":"owner.aol@example.com"}],"groups":[],"companies":[],"photos":[],"locations":[],"owner":true},"start":0,"count":2,"total":2,"import_id":1126,"user_id":null,"id":1126,"echo":null}"`,
    )
  })

  it('answers applet-shape, in XML too', async () => {
    const { json, xml } = await answerOf({ service: 'outlook', username: 'applet-shape', method: 'desktop_applet' })
    expect(json).toMatchInlineSnapshot(
      `"{"contacts":[{"first_name":"Teodora","last_name":"Vaz","phone":[],"email":[{"address":"teodora@example.com","type":null,"primary":true}],"address":[],"groups":[],"companies":[],"photos":[],"locations":[]},{"first_name":"lists-only","last_name":"","phone":[],"email":[{"address":"lists-only@example.org","type":null,"primary":true}],"address":[],"groups":[],"companies":[],"photos":[],"locations":[]}],"contacts_owner":{"first_name":"Mónica","last_name":"Owner","phone":[],"email":[{"address":"owner.applet@example.com"}],"groups":[],"companies":[],"photos":[],"locations":[],"owner":true},"start":0,"count":2,"total":2,"import_id":1126,"user_id":null,"id":1126,"echo":null}"`,
    )
    expect(xml).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <contactsResponse>
        <contacts type="array">
          <contact>
            <first-name>Teodora</first-name>
            <last-name>Vaz</last-name>
            <phone type="array"/>
            <email type="array">
              <email>
                <address>teodora@example.com</address>
                <type nil="true"></type>
                <primary type="boolean">true</primary>
              </email>
            </email>
            <address type="array"/>
            <groups type="array"/>
            <companies type="array"/>
            <photos type="array"/>
            <locations type="array"/>
          </contact>
          <contact>
            <first-name>lists-only</first-name>
            <last-name></last-name>
            <phone type="array"/>
            <email type="array">
              <email>
                <address>lists-only@example.org</address>
                <type nil="true"></type>
                <primary type="boolean">true</primary>
              </email>
            </email>
            <address type="array"/>
            <groups type="array"/>
            <companies type="array"/>
            <photos type="array"/>
            <locations type="array"/>
          </contact>
        </contacts>
        <contacts-owner>
          <first-name>M&#243;nica</first-name>
          <last-name>Owner</last-name>
          <phone type="array"/>
          <email type="array">
            <email>
              <address>owner.applet@example.com</address>
            </email>
          </email>
          <groups type="array"/>
          <companies type="array"/>
          <photos type="array"/>
          <locations type="array"/>
          <owner type="boolean">true</owner>
        </contacts-owner>
        <start type="integer">0</start>
        <count type="integer">2</count>
        <total type="integer">2</total>
        <import-id type="integer">1126</import-id>
        <user-id nil="true"></user-id>
        <id type="integer">1126</id>
        <echo nil="true"></echo>
      </contactsResponse>
      "
    `)
  })
})
