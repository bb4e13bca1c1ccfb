import {
  AuthenticationError,
  createCloudSpongeClient,
  GoneError,
  ImportFailedError,
  InternalServerError,
  NotFoundError,
  TimeoutError,
} from '@contactkit/clients/cloudsponge'
import { manualClock } from '@contactkit/mocks'
import {
  type CloudSpongeSimulator,
  createCloudSpongeSimulator,
  documentedTenant,
  recordedShapeAccounts,
  secondTenant,
} from '@contactkit/mocks/cloudsponge'
import { type RunningServer, serve } from '@contactkit/mocks/node'
import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeCloudSponge } from '../src/cloudsponge/decode.js'
import { conformanceRecorder } from '../src/conformance.js'

const basic = (key: string, password: string) => ({ Authorization: `Basic ${btoa(`${key}:${password}`)}` })
const auth = basic(documentedTenant.domainKey, documentedTenant.domainPassword)
const otherAuth = basic(secondTenant.domainKey, secondTenant.domainPassword)
const form = (fields: Record<string, string>) => new URLSearchParams(fields)

let sim: CloudSpongeSimulator

beforeEach(() => {
  sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
})

async function begin(
  fields: Record<string, string>,
  headers: Record<string, string> = auth,
  path = '/begin_import/import.json',
) {
  const response = await sim.app.request(path, { method: 'POST', headers, body: form(fields) })
  return { response, body: (await response.json()) as { import_id: number; url?: string; status: string } }
}

async function json(path: string, headers: Record<string, string> = auth) {
  const response = await sim.app.request(path, { headers })
  return { response, body: (await response.json()) as Record<string, unknown> }
}

describe('the documented example, as written', () => {
  it('imports the documented address book under the documented credentials', async () => {
    const { body } = await begin({ service: 'icloud', username: 'foo', password: 'bar', user_id: 'myUserId_0003' })
    expect(body).toEqual({ status: 'success', echo: null, import_id: 1126, user_id: 'myUserId_0003', id: 1126 })
    sim.clock.advance(60_000)
    const contacts = await json('/contacts/1126.json?start=0&count=10')
    expect(contacts.body).toEqual({
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
    await begin({ service: 'ICLOUD', username: 'foo', password: 'bar', include: 'mailing_address' })
    sim.clock.advance(60_000)
    const response = await sim.app.request('/contacts/1126.xml?start=1&count=1&echo=a%26b', { headers: auth })
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
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const response = await sim.app.request('/events.xml/1126', { headers: auth })
    expect(await response.text()).toBe(
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
})

describe('path forms and credentials clients in the wild use', () => {
  it.each(['/events/1126', '/events/1126.json', '/events.json/1126', '/events/1126?_=1460499537'])(
    'serves events at %s as JSON',
    async (path) => {
      await begin({ service: 'icloud', username: 'foo', password: 'bar' })
      const { response, body } = await json(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(body.import_id).toBe(1126)
    },
  )

  it.each(['/events.xml/1126', '/events/1126.xml', '/contacts.xml/1126'])('answers %s in XML', async (path) => {
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(60_000)
    const response = await sim.app.request(path, { headers: auth })
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<(events|contacts)Response>\n/)
  })

  it('begins imports without suffix, with a trailing slash, and by GET with query parameters', async () => {
    const plain = await begin({ service: 'PLAXO', username: 'u', password: 'p' }, auth, '/begin_import/import')
    const slash = await begin({ service: 'AOL' }, auth, '/begin_import/user_consent/')
    const query = new URLSearchParams({
      service: 'gmail',
      domain_key: documentedTenant.domainKey,
      domain_password: documentedTenant.domainPassword,
    })
    const viaGet = await sim.app.request(`/begin_import/user_consent.xml?${query}`)
    expect(plain.body).toMatchObject({ status: 'success', import_id: 1126 })
    expect(slash.body).toMatchObject({ status: 'success', import_id: 1127, import_type: 'OAUTH' })
    expect(await viaGet.text()).toContain('<import-id type="integer">1128</import-id>')
  })

  it('takes the domain credentials from the form body as well as from the query', async () => {
    const { response } = await begin(
      {
        service: 'icloud',
        username: 'foo',
        password: 'bar',
        domain_key: documentedTenant.domainKey,
        domain_password: documentedTenant.domainPassword,
      },
      {},
    )
    expect(response.status).toBe(200)
  })
})

describe('import progress on the simulator clock', () => {
  it('goes INITIALIZING, GATHERING (contacts so far, updated once a second), COMPLETE', async () => {
    await begin({ service: 'icloud', username: 'contacts-300', password: 'x' })
    const states = []
    for (const advanceMs of [0, 1000, 1000, 1500, 500]) {
      sim.clock.advance(advanceMs)
      const { body } = await json('/events/1126')
      states.push(
        (body.events as { event_type: string; status: string; value: number }[]).map(
          (e) => `${e.event_type}/${e.status}/${e.value}`,
        ),
      )
    }
    expect(states).toEqual([
      ['INITIALIZING/INPROGRESS/0'],
      ['INITIALIZING/COMPLETED/0', 'GATHERING/INPROGRESS/0'],
      ['INITIALIZING/COMPLETED/0', 'GATHERING/INPROGRESS/100'],
      ['INITIALIZING/COMPLETED/0', 'GATHERING/INPROGRESS/200'],
      ['INITIALIZING/COMPLETED/0', 'GATHERING/COMPLETED/300', 'COMPLETE/COMPLETED/0'],
    ])
  })

  it('answers 404 for contacts before completion and 410 once they are deleted', async () => {
    sim = createCloudSpongeSimulator({ clock: manualClock(), timing: { deleteAfterMs: 120_000 } })
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const early = await json('/contacts/1126')
    expect(early.response.status).toBe(404)
    expect(early.body).toEqual({ error: { message: 'The contacts are not yet available.' } })
    sim.clock.advance(4000)
    expect((await json('/contacts/1126')).response.status).toBe(200)
    sim.clock.advance(119_999)
    expect((await json('/contacts/1126')).response.status).toBe(200)
    sim.clock.advance(1)
    const gone = await json('/contacts/1126.json')
    expect(gone.response.status).toBe(410)
    expect(gone.body).toEqual({
      error: { message: 'The contacts have already been retrieved and have been deleted from CloudSponge.com.' },
    })
    expect((await json('/events/1126')).response.status).toBe(200)
  })

  it('keeps contacts five minutes by default', async () => {
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(4000 + 5 * 60_000 - 1)
    expect((await json('/contacts/1126')).response.status).toBe(200)
    sim.clock.advance(1)
    expect((await json('/contacts/1126')).response.status).toBe(410)
  })

  it('moves by the admin clock API too', async () => {
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const moved = await sim.app.request('/__admin/clock', {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 10_000 }),
    })
    expect(await moved.json()).toEqual({
      mode: 'manual',
      now: '2026-03-01T12:00:10.000Z',
      nowMs: Date.parse('2026-03-01T12:00:10Z'),
    })
    expect((await json('/contacts/1126')).response.status).toBe(200)
    await sim.app.request('/__admin/clock', { method: 'POST', body: JSON.stringify({ now: '2026-03-02T00:00:00Z' }) })
    expect((await json('/contacts/1126')).response.status).toBe(410)
  })
})

describe('magic usernames', () => {
  it('rejects wrong-password with ERROR events and a failed import in the client', async () => {
    const server = await serve(sim)
    try {
      const client = createCloudSpongeClient({
        ...documentedTenant,
        baseUrl: server.url,
        sleep: async (ms) => sim.clock.advance(ms),
      })
      const error = await client
        .importContacts({ service: 'icloud', username: 'wrong-password', password: 'x' })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ImportFailedError)
      expect((error as ImportFailedError).errorCode).toBe(1)
      expect((error as ImportFailedError).events.map((e) => `${e.event_type}/${e.status}`)).toEqual([
        'INITIALIZING/ERROR',
        'COMPLETE/ERROR',
      ])
      expect((error as ImportFailedError).message).toMatch(/did not accept the username or password/)
    } finally {
      await server.close()
    }
  })

  it('rejects the documented username with any password but bar', async () => {
    await begin({ service: 'icloud', username: 'foo', password: 'baz' })
    sim.clock.advance(2000)
    const { body } = await json('/events/1126')
    expect((body.events as { status: string }[]).at(-1)?.status).toBe('ERROR')
  })

  it('gathers slowly for slow', async () => {
    await begin({ service: 'icloud', username: 'slow', password: 'x' })
    sim.clock.advance(30_000)
    expect((await json('/contacts/1126')).response.status).toBe(404)
    sim.clock.advance(31_000)
    expect((await json('/contacts/1126')).body.total).toBe(25)
  })

  it('makes contacts-N an address book of N generated contacts, the same every run', async () => {
    await begin({ service: 'icloud', username: 'contacts-2500', password: 'x' })
    await begin({ service: 'icloud', username: 'contacts-2500', password: 'x' })
    sim.clock.advance(60_000)
    const first = await json('/contacts/1126?start=2400&count=500')
    const again = await json('/contacts/1127?start=2400&count=500')
    expect(first.body).toMatchObject({ start: 2400, count: 100, total: 2500 })
    expect(first.body.contacts).toEqual(again.body.contacts)
    const contact = (first.body.contacts as Record<string, unknown>[])[0]
    expect(contact).toMatchObject({
      first_name: expect.any(String),
      email: [expect.objectContaining({ primary: true })],
    })
  })

  it('streams a range too large to cache, with the same contacts as the cached pages', async () => {
    await begin({ service: 'icloud', username: 'contacts-2500', password: 'x' })
    sim.clock.advance(60_000)
    const whole = await json('/contacts/1126')
    expect(whole.response.headers.get('content-length')).toBeNull()
    expect(whole.body).toMatchObject({ start: 0, count: 2500, total: 2500 })
    const tail = await json('/contacts/1126?start=2400&count=100')
    expect((whole.body.contacts as unknown[]).slice(2400)).toEqual(tail.body.contacts)
    const xml = await (await sim.app.request('/contacts/1126.xml', { headers: auth })).text()
    expect(xml.match(/<contact>/g)).toHaveLength(2500)
    expect(xml.endsWith('  <echo nil="true"></echo>\n</contactsResponse>\n')).toBe(true)
  })
})

const formType = { 'Content-Type': 'application/x-www-form-urlencoded' }

describe('user consent', () => {
  it('waits for the user, then imports after approval on the consent page and follows redirect_url', async () => {
    const { body } = await begin(
      { service: 'gmail', redirect_url: 'https://app.example.com/done' },
      auth,
      '/begin_import/user_consent.json',
    )
    expect(body.url).toMatch(/^http:\/\/localhost\/n\/[A-Z2-9]{7}$/)
    const path = new URL(body.url ?? '').pathname
    sim.clock.advance(60_000)
    const waiting = await json(`/events/${body.import_id}`)
    expect(waiting.body.events).toEqual([expect.objectContaining({ event_type: 'INITIALIZING', status: 'INPROGRESS' })])
    const page = await sim.app.request(path)
    expect(await page.text()).toContain('Share your GMAIL contacts?')
    const answer = await sim.app.request(path, {
      method: 'POST',
      body: form({ decision: 'approve', username: 'contacts-7' }),
    })
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('https://app.example.com/done')
    sim.clock.advance(5000)
    expect((await json(`/contacts/${body.import_id}`)).body.total).toBe(7)
  })

  it('ends in ERROR when the user denies', async () => {
    const { body } = await begin({ service: 'yahoo' }, auth, '/begin_import/user_consent')
    const path = new URL(body.url ?? '').pathname
    const answer = await sim.app.request(path, { method: 'POST', body: form({ decision: 'deny' }) })
    expect(await answer.text()).toContain('Access denied')
    const { body: events } = await json(`/events/${body.import_id}`)
    expect((events.events as { event_type: string; status: string; value: number }[]).at(-1)).toMatchObject({
      event_type: 'COMPLETE',
      status: 'ERROR',
      value: 2,
    })
    const again = await sim.app.request(path, { method: 'POST', body: form({ decision: 'approve' }) })
    expect(again.status).toBe(409)
  })

  it('refuses a submission carrying both Allow and Deny, or a form it cannot read, and keeps waiting', async () => {
    const { body } = await begin({ service: 'gmail' }, auth, '/begin_import/user_consent.json')
    const path = new URL(body.url ?? '').pathname
    const both = await sim.app.request(path, {
      method: 'POST',
      body: 'decision=approve&decision=deny',
      headers: formType,
    })
    expect(both.status).toBe(400)
    expect(await both.text()).toContain('more than one answer; send either Allow or Deny')
    const unreadable = await sim.app.request(path, {
      method: 'POST',
      body: 'decision=approve',
      headers: { 'Content-Type': 'multipart/form-data' },
    })
    expect(unreadable.status).toBe(400)
    expect(await unreadable.text()).toContain('could not be read')
    const { body: events } = await json(`/events/${body.import_id}`)
    expect(events.events).toEqual([expect.objectContaining({ event_type: 'INITIALIZING', status: 'INPROGRESS' })])
  })

  it('points CSV imports at a CSV page and applets at the applet, both answerable for the user', async () => {
    const csv = await begin({ service: 'csv' }, auth, '/begin_import/user_consent.json')
    expect(csv.body).toMatchObject({ import_type: 'CSV', url: expect.stringMatching(/\/csv\/[A-Z2-9]{7}$/) })
    const applet = await begin({ service: 'outlook' }, auth, '/begin_import/desktop_applet.json')
    expect(applet.body).toMatchObject({ url: 'http://localhost/objects/ContactsApplet_signed.jar', import_id: 1127 })
    const seeded = await sim.app.request('/__admin/state', {
      method: 'POST',
      body: JSON.stringify({ decisions: [{ importId: 1127, decision: 'approved' }] }),
    })
    expect(seeded.status).toBe(201)
    sim.clock.advance(5000)
    expect((await json('/contacts/1127')).body.total).toBe(2)
  })
})

describe('tenants', () => {
  it('never shows one domain the imports of another', async () => {
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(60_000)
    for (const path of ['/events/1126', '/contacts/1126', '/contacts/1126.xml']) {
      const response = await sim.app.request(path, { headers: otherAuth })
      expect(response.status).toBe(401)
      expect(await response.text()).not.toContain('Joe')
    }
    const own = await begin({ service: 'icloud', username: 'foo', password: 'bar' }, otherAuth)
    expect(own.body.import_id).toBe(1127)
    expect((await json('/events/1127')).response.status).toBe(401)
  })

  it('accepts domains seeded through the admin API, and forgets them on reset', async () => {
    await sim.app.request('/__admin/state', {
      method: 'POST',
      body: JSON.stringify({ tenants: [{ domainKey: 'new-key', domainPassword: 'new-pass' }] }),
    })
    expect(
      (await begin({ service: 'icloud', username: 'foo', password: 'bar' }, basic('new-key', 'new-pass'))).response
        .status,
    ).toBe(200)
    await sim.app.request('/__admin/reset', { method: 'POST' })
    expect(
      (await begin({ service: 'icloud', username: 'foo', password: 'bar' }, basic('new-key', 'new-pass'))).response
        .status,
    ).toBe(401)
  })
})

describe('bad input gets the vendor error body and status, never a 500', () => {
  const cases: [string, () => Response | Promise<Response>, number, RegExp][] = [
    [
      'unknown service',
      () =>
        sim.app.request('/begin_import/import.json', {
          method: 'POST',
          headers: auth,
          body: form({ service: 'myspace', username: 'a', password: 'b' }),
        }),
      400,
      /unknown service "myspace"/,
    ],
    [
      'service with the wrong method',
      () =>
        sim.app.request('/begin_import/import', {
          method: 'POST',
          headers: auth,
          body: form({ service: 'gmail', username: 'a', password: 'b' }),
        }),
      400,
      /GMAIL does not support \/begin_import\/import/,
    ],
    [
      'missing username',
      () =>
        sim.app.request('/begin_import/import', {
          method: 'POST',
          headers: auth,
          body: form({ service: 'icloud', password: 'b' }),
        }),
      400,
      /username is required/,
    ],
    [
      'missing service',
      () => sim.app.request('/begin_import/user_consent', { method: 'POST', headers: auth, body: form({}) }),
      400,
      /service is required/,
    ],
    [
      'bad include',
      () =>
        sim.app.request('/begin_import/user_consent', {
          method: 'POST',
          headers: auth,
          body: form({ service: 'gmail', include: 'photos' }),
        }),
      400,
      /include must be one of: mailing_address/,
    ],
    [
      'non-numeric start',
      () => sim.app.request('/contacts/1126?start=abc', { headers: auth }),
      400,
      /start must be integer/,
    ],
    [
      'negative count',
      () => sim.app.request('/contacts/1126?start=0&count=-5', { headers: auth }),
      400,
      /count must be >= 0/,
    ],
    [
      'non-numeric import id',
      () => sim.app.request('/events/abc', { headers: auth }),
      400,
      /import_id must be integer/,
    ],
    ['unknown import id', () => sim.app.request('/events/424242', { headers: auth }), 404, /There is no import 424242/],
    [
      'unknown import id on contacts',
      () => sim.app.request('/contacts/424242', { headers: auth }),
      404,
      /not yet available/,
    ],
    ['no credentials', () => sim.app.request('/events/1126'), 401, /Access was denied/],
    [
      'malformed Basic credentials',
      () => sim.app.request('/events/1126', { headers: { Authorization: 'Basic !!!notbase64' } }),
      401,
      /not HTTP Basic credentials/,
    ],
    [
      'Basic without a colon',
      () => sim.app.request('/events/1126', { headers: { Authorization: `Basic ${btoa('justakey')}` } }),
      401,
      /not HTTP Basic credentials/,
    ],
    [
      'malformed JSON body',
      () =>
        sim.app.request('/begin_import/import', {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: '{"service":',
        }),
      400,
      /not valid JSON/,
    ],
    [
      'oversized body',
      () =>
        sim.app.request('/begin_import/import', {
          method: 'POST',
          headers: auth,
          body: form({ service: 'icloud', username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
        }),
      413,
      /larger than 1048576 bytes/,
    ],
    [
      'unknown path',
      () => sim.app.request('/import_contacts', { headers: auth }),
      404,
      /There is no GET \/import_contacts/,
    ],
    [
      'unsupported method',
      () => sim.app.request('/events/1126', { method: 'DELETE', headers: auth }),
      404,
      /There is no DELETE/,
    ],
  ]

  it.each(cases)('%s', async (_name, send, status, message) => {
    const response = await send()
    expect(response.status).toBe(status)
    const body = (await response.json()) as { error: { message: string } }
    expect(body.error.message).toMatch(message)
    if (status === 401) {
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="CloudSponge"')
    }
  })

  it('answers in XML when the path asks for XML', async () => {
    const response = await sim.app.request('/contacts.xml/1126?start=-1', { headers: auth })
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<result>\n  <status>error</status>\n  <error>\n    <message>Invalid parameters were supplied: start must be &gt;= 0.</message>\n  </error>\n</result>\n',
    )
  })
})

describe('faults, journal and the client over HTTP', () => {
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })
  const url = () => server?.url ?? ''

  it('retries injected 503s on GETs with backoff and then succeeds, the journal showing every attempt', async () => {
    server = await serve(sim)
    const waits: number[] = []
    const conformance = conformanceRecorder(cloudspongeDocument, url(), decodeCloudSponge)
    const client = createCloudSpongeClient({
      ...documentedTenant,
      baseUrl: url(),
      fetch: conformance.fetch,
      sleep: async (ms) => {
        waits.push(ms)
      },
    })
    const result = await client.beginImport({ service: 'icloud', username: 'foo', password: 'bar' })
    expect(result.import_id).toBe(1126)
    sim.faults.add({ method: 'GET', path: '/events/*', status: 503, times: 2 })
    const events = await client.getEvents(result.import_id)
    expect(events.import_id).toBe(1126)
    expect(waits).toHaveLength(2)
    expect(waits[1]).toBeGreaterThan(waits[0] ?? Number.POSITIVE_INFINITY)
    const journal = sim.journal.list({ path: '/events' })
    expect(journal.map((entry) => [entry.status, entry.faultId])).toEqual([
      [503, 'fault-1'],
      [503, 'fault-1'],
      [200, null],
    ])
    expect(conformance.violations).toEqual([])
  })

  it('never sends begin_import twice on a 5xx, so one call cannot start two imports', async () => {
    server = await serve(sim)
    sim.faults.add({ method: 'POST', path: '/begin_import/**', status: 503, times: 1 })
    const client = createCloudSpongeClient({ ...documentedTenant, baseUrl: url(), sleep: async () => {} })
    const error = await client
      .beginImport({ service: 'icloud', username: 'foo', password: 'bar' })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 503 })
    const journal = sim.journal.list({ path: '/begin_import' })
    expect(journal.map((entry) => entry.status)).toEqual([503])
    expect(journal[0]?.body).toContain('username=foo')
    expect(journal[0]?.body).toContain('password=[redacted]')
    // A caller who knows the retry is safe can say so.
    sim.faults.add({ method: 'POST', path: '/begin_import/**', status: 503, times: 1 })
    const result = await client.beginImport(
      { service: 'icloud', username: 'foo', password: 'bar' },
      { idempotent: true },
    )
    expect(result.import_id).toBe(1126)
    expect(sim.journal.list({ path: '/begin_import' }).map((entry) => entry.status)).toEqual([503, 503, 200])
  })

  it('gives up after the retries with a typed error carrying the vendor body and request id', async () => {
    server = await serve(sim)
    sim.faults.add({ path: '/events/*', status: 500 })
    const client = createCloudSpongeClient({
      ...documentedTenant,
      baseUrl: url(),
      maxRetries: 1,
      sleep: async () => {},
    })
    const error = await client.getEvents(1126).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as InternalServerError).message).toBe('Injected fault fault-1 answered 500.')
    expect((error as InternalServerError).requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(sim.journal.list({ path: '/events' })).toHaveLength(2)
  })

  it('honours Retry-After on 429', async () => {
    server = await serve(sim)
    sim.faults.add({ path: '/events/*', status: 429, headers: { 'Retry-After': '3' }, times: 1 })
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const waits: number[] = []
    const client = createCloudSpongeClient({
      ...documentedTenant,
      baseUrl: url(),
      sleep: async (ms) => void waits.push(ms),
    })
    await client.getEvents(1126)
    expect(waits).toEqual([3000])
  })

  it('times out a delayed answer', async () => {
    server = await serve(sim)
    sim.faults.add({ path: '/events/*', delayMs: 500 })
    const client = createCloudSpongeClient({ ...documentedTenant, baseUrl: url(), timeoutMs: 50, maxRetries: 0 })
    await expect(client.getEvents(1126)).rejects.toBeInstanceOf(TimeoutError)
  })

  it('applies a probability rule to a seeded share of requests', async () => {
    sim.faults.add({ path: '/events/*', status: 503, probability: 0.5 })
    const statuses = []
    for (let index = 0; index < 40; index++) {
      statuses.push((await sim.app.request('/events/1', { headers: auth })).status)
    }
    const failed = statuses.filter((status) => status === 503).length
    expect(failed).toBeGreaterThan(5)
    expect(failed).toBeLessThan(35)
  })

  it('is driven entirely through the admin API', async () => {
    server = await serve(sim)
    const admin = (path: string, init?: RequestInit) => fetch(`${url()}/__admin${path}`, init)
    const added = await admin('/faults', {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', path: '/contacts/**', status: 502 }),
    })
    expect(added.status).toBe(201)
    expect((await fetch(`${url()}/contacts/1`, { headers: auth })).status).toBe(502)
    expect(((await (await admin('/faults')).json()) as { faults: { hits: number }[] }).faults[0]?.hits).toBe(1)
    await admin('/faults', { method: 'DELETE' })
    expect((await fetch(`${url()}/contacts/1`, { headers: auth })).status).toBe(404)
    const requests = (await (await admin('/requests?path=/contacts')).json()) as { requests: { status: number }[] }
    expect(requests.requests.map((entry) => entry.status)).toEqual([502, 404])
    await admin('/requests', { method: 'DELETE' })
    expect(((await (await admin('/requests')).json()) as { requests: unknown[] }).requests).toEqual([])
    const bad = await admin('/faults', { method: 'POST', body: JSON.stringify({ path: 'events', status: 99 }) })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      error: {
        message: expect.stringMatching(/^Failed to add the fault rule: "path" must be a string starting with "\/"/),
      },
    })
  })

  it('reports state without passwords and serves its spec', async () => {
    await sim.app.request('/__admin/state', {
      method: 'POST',
      body: JSON.stringify({
        accounts: [
          { service: 'icloud', username: 'ann', password: 'secret', contacts: [{ first_name: 'Bo', last_name: 'Ek' }] },
        ],
      }),
    })
    await begin({ service: 'icloud', username: 'ann', password: 'secret' })
    sim.clock.advance(5000)
    expect((await json('/contacts/1126')).body.contacts).toEqual([
      // Seeded contacts are written in the recorded shape: every array, in the recorded order.
      {
        first_name: 'Bo',
        last_name: 'Ek',
        phone: [],
        email: [],
        address: [],
        groups: [],
        companies: [],
        photos: [],
        locations: [],
      },
    ])
    const state = await (await sim.app.request('/__admin/state')).json()
    expect(JSON.stringify(state)).not.toContain('secret')
    expect(state).toMatchObject({
      imports: [{ importId: 1126, phase: 'complete', total: 1, domainKey: documentedTenant.domainKey }],
    })
    const spec = (await (await sim.app.request('/openapi.json')).json()) as { openapi: string }
    expect(spec.openapi).toBe('3.1.0')
  })

  it('keeps the journal bounded', async () => {
    sim = createCloudSpongeSimulator({ clock: manualClock(), journalLimit: 3 })
    for (let index = 0; index < 5; index++) {
      await sim.app.request(`/events/${index + 1}`, { headers: auth })
    }
    expect(sim.journal.list().map((entry) => entry.path)).toEqual(['/events/3', '/events/4', '/events/5'])
  })

  it('turns a wrong password into an AuthenticationError and a missing import into NotFoundError, then GoneError', async () => {
    server = await serve(sim)
    const client = createCloudSpongeClient({
      ...documentedTenant,
      baseUrl: url(),
      sleep: async (ms) => sim.clock.advance(ms),
    })
    const wrong = createCloudSpongeClient({ ...documentedTenant, domainPassword: 'nope', baseUrl: url() })
    await expect(wrong.getEvents(1126)).rejects.toBeInstanceOf(AuthenticationError)
    const { import_id: importId } = await client.beginImport({ service: 'icloud', username: 'foo', password: 'bar' })
    await expect(client.getContacts(importId)).rejects.toBeInstanceOf(NotFoundError)
    await client.waitForImport(importId)
    sim.clock.advance(10 * 60_000)
    await expect(client.getContacts(importId)).rejects.toBeInstanceOf(GoneError)
  })

  it('polls events no faster than once a second of simulator time', async () => {
    server = await serve(sim)
    const client = createCloudSpongeClient({
      ...documentedTenant,
      baseUrl: url(),
      sleep: async (ms) => sim.clock.advance(ms),
    })
    await client.importContacts({ service: 'icloud', username: 'foo', password: 'bar' }, { pollIntervalMs: 10 })
    const polls = sim.journal.list({ path: '/events' }).map((entry) => Date.parse(entry.at))
    expect(polls.length).toBeGreaterThan(2)
    for (let index = 1; index < polls.length; index++) {
      expect((polls[index] ?? 0) - (polls[index - 1] ?? 0)).toBeGreaterThanOrEqual(1000)
    }
  })
})

// The recorded shapes: the key sequences of the vendor's 2016 traffic (ruby_*.yml cassettes, the
// Java applet fixture), written out here; the seeded fixtures are made-up people in those shapes.
const recorded = {
  // Plaxo and Windows Live contacts (no dob, birthday or job_title known).
  contact: ['first_name', 'last_name', 'phone', 'email', 'address', 'groups', 'companies', 'photos', 'locations'],
  // AOL with include=mailing_address: job_title known, "" included.
  contactWithJobTitle: [
    'first_name',
    'last_name',
    'phone',
    'email',
    'address',
    'groups',
    'companies',
    'job_title',
    'photos',
    'locations',
  ],
  // AOL with dob and birthday known.
  contactWithBirthday: [
    'first_name',
    'last_name',
    'phone',
    'email',
    'address',
    'groups',
    'dob',
    'birthday',
    'companies',
    'job_title',
    'photos',
    'locations',
  ],
  // The Windows Live owner.
  owner: [
    'first_name',
    'last_name',
    'external_id',
    'phone',
    'email',
    'address',
    'groups',
    'companies',
    'photos',
    'locations',
    'owner',
  ],
  address: ['type', 'street', 'city', 'region', 'postal_code', 'country'],
  envelope: ['contacts', 'contacts_owner', 'start', 'count', 'total', 'import_id', 'user_id', 'id', 'echo'],
}

/** The names of the child elements of each `<name>` at an indentation depth, in order (Rails XML is indented). */
function childElements(xml: string, name: string, depth: number): string[][] {
  const open = `${'  '.repeat(depth)}<${name}>`
  const close = `${'  '.repeat(depth)}</${name}>`
  const child = new RegExp(`^${'  '.repeat(depth + 1)}<([a-z-]+)`)
  const found: string[][] = []
  let current: string[] | undefined
  for (const line of xml.split('\n')) {
    if (line === open) {
      current = []
    } else if (line === close && current) {
      found.push(current)
      current = undefined
    } else if (current) {
      const match = child.exec(line)
      if (match) {
        current.push(match[1] as string)
      }
    }
  }
  return found
}

type Page = { contacts: Record<string, unknown>[]; contacts_owner: Record<string, unknown> }

const dashed = (keys: string[]) => keys.map((key) => key.replace(/_/g, '-'))

/** How an import of each recorded shape's service begins: its recording's flow. */
const methodOf: Record<string, 'import' | 'user_consent' | 'desktop_applet'> = {
  plaxo: 'import',
  aol: 'import',
  windowslive: 'user_consent',
  outlook: 'desktop_applet',
  addressbook: 'desktop_applet',
}

describe('the recorded shapes', () => {
  /** Imports a recorded shape through its service's flow; a consent or applet import is approved as the account. */
  async function importOf(username: string, include = false) {
    sim.seed({ accounts: recordedShapeAccounts })
    const account = recordedShapeAccounts.find((candidate) => candidate.username === username)
    const service = account?.service ?? ''
    const method = methodOf[service] ?? 'import'
    const fields: Record<string, string> =
      method === 'import' ? { service, username, password: 'recorded' } : { service }
    const { body } = await begin(
      include ? { ...fields, include: 'mailing_address' } : fields,
      auth,
      `/begin_import/${method}.json`,
    )
    if (method !== 'import') {
      sim.decide(body.import_id, 'approved', username)
    }
    sim.clock.advance(60_000)
    const response = await sim.app.request(`/contacts/${body.import_id}.json`, { headers: auth })
    const text = await response.text()
    const xml = await (await sim.app.request(`/contacts/${body.import_id}.xml`, { headers: auth })).text()
    return { text, body: JSON.parse(text) as Page, xml }
  }

  it('writes Plaxo-shaped contacts key for key in the recorded order, with companies [null]', async () => {
    const { text, body, xml } = await importOf('plaxo-shape')
    expect(Object.keys(body)).toEqual(recorded.envelope)
    expect(Object.keys(body.contacts[0] as object)).toEqual(recorded.contact)
    expect(text).toContain('"phone":[{"number":"4155550134","type":"Work"}]')
    expect(text).toContain('"address":[],"groups":[],"companies":[null],"photos":[],"locations":[]')
    expect(childElements(xml, 'contact', 2)).toEqual([dashed(recorded.contact)])
    expect(xml).toContain(
      '      <companies type="array">\n        <company nil="true"></company>\n      </companies>\n',
    )
    expect(xml).toContain('      <phone type="array">\n        <phone>\n          <number>')
    expect(xml).toContain('      <address type="array"/>\n')
  })

  it('writes the owner with owner: true, external_id and the same arrays (the Windows Live owner, key for key)', async () => {
    const { text, body, xml } = await importOf('windowslive-shape')
    expect(Object.keys(body.contacts_owner)).toEqual(recorded.owner)
    expect(text).toContain(
      '"contacts_owner":{"first_name":"K","last_name":"","external_id":"7c3e19a04b2d8f61","phone":[],"email":[{"address":"owner.live@example.net","type":"account","primary":true},{"address":null,"type":"personal"}],"address":[],"groups":[],"companies":[],"photos":[],"locations":[],"owner":true}',
    )
    expect((body.contacts as object[]).map((contact) => Object.keys(contact))).toEqual([
      recorded.contact,
      recorded.contact,
    ])
    expect(text).toContain('{"address":null,"type":"account"},{"address":null,"type":"business"}')
    expect(childElements(xml, 'contacts-owner', 1)).toEqual([dashed(recorded.owner)])
    expect(xml).toContain('    <owner type="boolean">true</owner>\n')
    expect(xml).toContain('          <address nil="true"></address>\n          <type>account</type>\n')
    expect(xml).toContain('        <address nil="true"></address>\n        <type>personal</type>\n')
  })

  it('writes addresses in the recorded key order only with include=mailing_address, an empty array without', async () => {
    const withThem = await importOf('aol-mailing-shape', true)
    const [first, second] = withThem.body.contacts as Record<string, object[]>[]
    expect(Object.keys(first as object)).toEqual(recorded.contactWithJobTitle)
    expect(Object.keys(second as object)).toEqual(recorded.contactWithBirthday)
    expect(second?.address?.map((address) => Object.keys(address))).toEqual([recorded.address, recorded.address])
    expect(second?.phone).toEqual([])
    expect(first?.phone).toEqual([{ number: '5555550100', type: 'Mobile', primary: true }])
    expect(childElements(withThem.xml, 'address', 4)).toEqual([dashed(recorded.address), dashed(recorded.address)])
    expect(childElements(withThem.xml, 'contact', 2)).toEqual([
      dashed(recorded.contactWithJobTitle),
      dashed(recorded.contactWithBirthday),
    ])

    sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
    const without = await importOf('aol-mailing-shape')
    const contacts = without.body.contacts as Record<string, unknown>[]
    expect(contacts.map((contact) => contact.address)).toEqual([[], []])
    expect(Object.keys(contacts[1] as object)).toEqual(recorded.contactWithBirthday)
    expect(without.xml.match(/<address type="array"\/>/g)).toHaveLength(3)
  })

  it('escapes &, < and > in JSON strings as the vendor does', async () => {
    const { text, body } = await importOf('aol-mailing-shape')
    expect(text).toContain('"companies":["Farrowdale \\u0026 Sons \\u003cSurveyors\\u003e"]')
    expect(text).not.toMatch(/[&<>]/)
    expect((body.contacts[1] as { companies: string[] }).companies).toEqual(['Farrowdale & Sons <Surveyors>'])
  })

  it('writes an email without a type as type nil in XML (the applet fixture), in the JSON key order', async () => {
    const { xml, body } = await importOf('applet-shape')
    expect(xml).toContain(
      [
        '      <email type="array">',
        '        <email>',
        '          <address>teodora@example.com</address>',
        '          <type nil="true"></type>',
        '          <primary type="boolean">true</primary>',
        '        </email>',
        '      </email>',
        '      <address type="array"/>',
      ].join('\n'),
    )
    expect(xml).toContain('      <last-name></last-name>\n')
    expect(xml).toContain('<first-name>M&#243;nica</first-name>')
    expect((body.contacts as object[]).map((contact) => Object.keys(contact))).toEqual([
      recorded.contact,
      recorded.contact,
    ])
    // The client reads the XML back into the JSON answer, nulls and all.
    const { decodeRailsXml } = await import('@contactkit/clients/cloudsponge')
    expect(decodeRailsXml(xml)).toEqual(body)
  })

  it('gives generated contacts the recorded shape, with the optional fields at their recorded places', async () => {
    for (const include of [false, true]) {
      sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
      const fields = { service: 'icloud', username: 'contacts-40', password: 'x' }
      const { body } = await begin(include ? { ...fields, include: 'mailing_address' } : fields)
      sim.clock.advance(60_000)
      const page = (await json(`/contacts/${body.import_id}`)).body as Page
      for (const contact of page.contacts as Record<string, unknown>[]) {
        const keys = Object.keys(contact)
        expect(keys).toEqual(recorded.contactWithBirthday.filter((key) => keys.includes(key)))
        expect(keys).toEqual(expect.arrayContaining(recorded.contact))
        expect((contact.address as unknown[]).length).toBe(include ? 1 : 0)
        expect(Object.keys((contact.phone as object[])[0] as object)).toEqual(['number', 'type', 'primary'])
        expect(Object.keys((contact.email as object[])[0] as object)).toEqual(['address', 'type', 'primary'])
        for (const address of contact.address as object[]) {
          expect(Object.keys(address)).toEqual(recorded.address)
        }
      }
      expect(Object.keys(page.contacts_owner)).toEqual(recorded.owner)
      expect(page.contacts_owner).toMatchObject({ owner: true, external_id: expect.stringMatching(/^[0-9A-F]{8}$/) })
    }
  })

  it('writes event times in Pacific time: milliseconds and -08:00 in winter, -07:00 in summer', async () => {
    for (const [now, json_, xml] of [
      ['2026-03-01T12:00:00.400Z', '2026-03-01T04:00:00.000-08:00', '2026-03-01T04:00:00-08:00'],
      ['2026-07-01T12:00:00Z', '2026-07-01T05:00:00.000-07:00', '2026-07-01T05:00:00-07:00'],
    ] as const) {
      sim = createCloudSpongeSimulator({ clock: manualClock(now) })
      await begin({ service: 'icloud', username: 'foo', password: 'bar' })
      const events = (await json('/events/1126')).body.events as { created_at: string }[]
      expect(events[0]?.created_at).toBe(json_)
      const text = await (await sim.app.request('/events/1126.xml', { headers: auth })).text()
      expect(text).toContain(`<created-at type="datetime">${xml}</created-at>`)
    }
  })

  it("describes the recorded shapes in the spec's RecordedContacts example, key for key", () => {
    const example = (cloudspongeDocument.components?.examples?.RecordedContacts as { value: Page } | undefined)?.value
    expect(Object.keys(example ?? {})).toEqual(recorded.envelope)
    expect(example?.contacts.map((contact) => Object.keys(contact))).toEqual([
      recorded.contactWithBirthday,
      recorded.contact,
    ])
    expect(Object.keys(example?.contacts_owner ?? {})).toEqual(recorded.owner)
    const [address] = (example?.contacts[0]?.address ?? []) as object[]
    expect(Object.keys(address ?? {})).toEqual(recorded.address)
  })

  it('keeps the documented account exactly as documented: no added arrays, no owner flag', async () => {
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(60_000)
    const { body } = await json('/contacts/1126')
    expect(body.contacts_owner).toEqual({
      first_name: 'Joe',
      last_name: 'Smith',
      email: [{ address: 'joe@example.com' }],
    })
    expect((body.contacts as object[]).map((contact) => Object.keys(contact))).toEqual([
      ['first_name', 'last_name', 'phone', 'email'],
      ['first_name', 'last_name', 'phone', 'email'],
    ])
  })
})

describe('the recorded shapes through the client over HTTP', () => {
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('reads every recorded shape the same in JSON and XML, every answer conforming to the spec', async () => {
    server = await serve(sim)
    sim.seed({ accounts: recordedShapeAccounts })
    const conformance = conformanceRecorder(cloudspongeDocument, server.url, decodeCloudSponge)
    const clients = (['json', 'xml'] as const).map((format) =>
      createCloudSpongeClient({
        ...documentedTenant,
        baseUrl: server?.url,
        format,
        fetch: conformance.fetch,
        sleep: async (ms) => sim.clock.advance(ms),
      }),
    )
    for (const account of [...recordedShapeAccounts, { service: 'icloud', username: 'contacts-30', password: 'x' }]) {
      for (const include of [false, true]) {
        // Each through its service's flow: the user approves a consent or applet import as the account.
        const method = methodOf[account.service] ?? 'import'
        const input =
          method === 'import'
            ? { service: account.service, username: account.username, password: account.password }
            : { service: account.service, method }
        const approve = (_url: string, importId: number) => sim.decide(importId, 'approved', account.username)
        const [json, xml] = await Promise.all(
          clients.map((client) =>
            client.importContacts(include ? { ...input, include: 'mailing_address' } : input, {
              onConsentUrl: approve,
            }),
          ),
        )
        if ('contacts' in account) {
          // The seeded account answered, not a generated book.
          expect(json?.contacts.map((contact) => contact.first_name)).toEqual(
            account.contacts.map((contact) => contact.first_name),
          )
        }
        expect(xml?.contacts).toEqual(json?.contacts)
        expect(xml?.owner).toEqual(json?.owner)
      }
    }
    expect(conformance.violations).toEqual([])
  })

  it('streams a large page with chunked transfer encoding, which the client never notices', async () => {
    server = await serve(sim)
    const begun = await begin({ service: 'icloud', username: 'contacts-2500', password: 'x' })
    sim.clock.advance(60_000)
    const id = begun.body.import_id
    const raw = await fetch(`${server.url}/contacts/${id}.json`, { headers: auth })
    expect(raw.headers.get('transfer-encoding')).toBe('chunked')
    expect(raw.headers.get('content-length')).toBeNull()
    const whole = (await raw.json()) as { contacts: unknown[]; count: number }
    expect(whole.count).toBe(2500)
    for (const format of ['json', 'xml'] as const) {
      const client = createCloudSpongeClient({ ...documentedTenant, baseUrl: server.url, format })
      const page = await client.getContacts(id)
      expect(page.contacts).toEqual(whole.contacts)
    }
  })
})
