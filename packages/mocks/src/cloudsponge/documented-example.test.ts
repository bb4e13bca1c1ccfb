import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { auth, cloudspongeHarness } from './testing/harness.js'

// The vendor documentation's example, sent as written under the documented credentials: the
// answers a reader of the documentation expects, whole, in JSON and in Rails 2 XML.

describe('the documented example, as written', () => {
  it('imports the documented address book, with the documented owner and envelope', async () => {
    const { sim, begin, get } = cloudspongeHarness()
    const { body } = await begin({ service: 'icloud', username: 'foo', password: 'bar', user_id: 'myUserId_0003' })
    expect(body).toEqual({ status: 'success', echo: null, import_id: 1126, user_id: 'myUserId_0003', id: 1126 })
    sim.clock.advance(60_000)
    const contacts = await (await get('/contacts/1126.json?start=0&count=10')).json()
    // Equal as a whole: the documented owner gains no arrays and no owner flag.
    expect(contacts).toEqual({
      contacts: [
        {
          first_name: 'John',
          last_name: 'Doe',
          phone: [
            { number: '555-1234', type: 'Home' },
            { number: '555-2468', type: 'Work' },
          ],
          email: [
            { address: 'johndoe@nowhere.com', type: 'Email 1' },
            { address: 'second@email.com', type: 'Email 2' },
          ],
        },
        {
          first_name: 'Jane',
          last_name: 'Smith',
          phone: [{ number: '555.5678', type: 'Home' }],
          email: [{ address: 'janesmith@nowhere.com', type: 'Email 1' }],
        },
      ],
      contacts_owner: { first_name: 'Joe', last_name: 'Smith', email: [{ address: 'joe@example.com' }] },
      start: 0,
      count: 2,
      total: 2,
      import_id: 1126,
      user_id: 'myUserId_0003',
      id: 1126,
      echo: null,
    })
  })

  it('writes the contacts in XML byte for byte as Rails 2 to_xml does', async () => {
    const { sim, begin, get } = cloudspongeHarness()
    await begin({ service: 'ICLOUD', username: 'foo', password: 'bar', include: 'mailing_address' })
    sim.clock.advance(60_000)
    const response = await get('/contacts/1126.xml?start=1&count=1&echo=a%26b')
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(await response.text()).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<contactsResponse>',
        '  <contacts type="array">',
        '    <contact>',
        '      <first-name>Jane</first-name>',
        '      <last-name>Smith</last-name>',
        '      <phone type="array">',
        '        <phone>',
        '          <number>555.5678</number>',
        '          <type>Home</type>',
        '        </phone>',
        '      </phone>',
        '      <email type="array">',
        '        <email>',
        '          <address>janesmith@nowhere.com</address>',
        '          <type>Email 1</type>',
        '        </email>',
        '      </email>',
        '      <address type="array">',
        '        <address>',
        '          <street>3450 Sacramento St., #510</street>',
        '          <city>San Francisco</city>',
        '          <region>CA</region>',
        '          <country>US</country>',
        '          <postal-code>94118</postal-code>',
        '          <formatted>3450 Sacramento St., #510 San Francisco, CA 94118</formatted>',
        '        </address>',
        '      </address>',
        '    </contact>',
        '  </contacts>',
        '  <contacts-owner>',
        '    <first-name>Joe</first-name>',
        '    <last-name>Smith</last-name>',
        '    <email type="array">',
        '      <email>',
        '        <address>joe@example.com</address>',
        '      </email>',
        '    </email>',
        '  </contacts-owner>',
        '  <start type="integer">1</start>',
        '  <count type="integer">1</count>',
        '  <total type="integer">2</total>',
        '  <import-id type="integer">1126</import-id>',
        '  <user-id nil="true"></user-id>',
        '  <id type="integer">1126</id>',
        '  <echo>a&amp;b</echo>',
        '</contactsResponse>',
        '',
      ].join('\n'),
    )
  })

  it('writes events in XML with datetimes, empty arrays self-closed and nil as open and close tags', async () => {
    const { begin, get } = cloudspongeHarness()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    expect(await (await get('/events.xml/1126')).text()).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<eventsResponse>',
        '  <events type="array">',
        '    <event>',
        '      <import-action-id type="integer">1126</import-action-id>',
        '      <import-id type="integer">1126</import-id>',
        '      <event-type>INITIALIZING</event-type>',
        '      <value type="integer">0</value>',
        '      <description nil="true"></description>',
        '      <status>INPROGRESS</status>',
        // Pacific time, as the vendor's xmlschema wrote it (12:00 UTC on 1 March is 04:00 PST).
        '      <created-at type="datetime">2026-03-01T04:00:00-08:00</created-at>',
        '    </event>',
        '  </events>',
        '  <import-id type="integer">1126</import-id>',
        '  <user-id nil="true"></user-id>',
        '  <id type="integer">1126</id>',
        '  <echo nil="true"></echo>',
        '</eventsResponse>',
        '',
      ].join('\n'),
    )
  })

  it('writes event times in Pacific daylight time in summer: -07:00, milliseconds in JSON only', async () => {
    const { begin, get } = cloudspongeHarness({ clock: manualClock('2026-07-01T12:00:00Z') })
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const events = (await (await get('/events/1126')).json()) as { events: { created_at: string }[] }
    expect(events.events[0]?.created_at).toBe('2026-07-01T05:00:00.000-07:00')
    expect(await (await get('/events/1126.xml', auth)).text()).toContain(
      '<created-at type="datetime">2026-07-01T05:00:00-07:00</created-at>',
    )
  })
})
