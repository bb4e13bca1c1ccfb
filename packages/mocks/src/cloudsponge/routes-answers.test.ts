import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { type CloudSpongeSimulatorOptions, createCloudSpongeSimulator } from './index.js'
import { documentedTenant, secondTenant } from './tenants.js'

const basic = (key: string, password: string) => `Basic ${btoa(`${key}:${password}`)}`
const auth = { Authorization: basic(documentedTenant.domainKey, documentedTenant.domainPassword) }
const otherAuth = { Authorization: basic(secondTenant.domainKey, secondTenant.domainPassword) }

const accessDenied =
  "Access was denied to the requested resource. Either the supplied domain_key and domain_password did not match a domain or the request attempted to access a resource that you don't have access to."

/** A simulator on a manual clock, and requests to it with the documented domain's credentials. */
function simulator(options: CloudSpongeSimulatorOptions = {}) {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z'), ...options })
  const get = (path: string, headers: Record<string, string> = auth) => sim.app.request(path, { headers })
  const post = (path: string, body: BodyInit | undefined, headers: Record<string, string> = auth) =>
    sim.app.request(path, { method: 'POST', headers, body })
  const begin = async (fields: Record<string, string>, path = '/begin_import/import.json') =>
    (await post(path, new URLSearchParams(fields))).json() as Promise<Record<string, unknown>>
  return { sim, get, post, begin }
}

/** The message of a JSON error answer, with its status. */
async function failure(response: Response | Promise<Response>) {
  const answer = await response
  return { status: answer.status, body: await answer.json() }
}

const xmlError = (message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<result>\n  <status>error</status>\n  <error>\n    <message>${message}</message>\n  </error>\n</result>\n`

describe('domain credentials', () => {
  it('says which of the three ways the credentials failed, after the documented sentence, with the Basic challenge', async () => {
    const { get } = simulator()
    const cases: [Record<string, string>, string][] = [
      [{}, 'no domain_key and domain_password were given'],
      [
        { Authorization: 'Bearer abc' },
        'the Authorization header is not HTTP Basic credentials of the form domain_key:domain_password',
      ],
      [
        { Authorization: basic(documentedTenant.domainKey, 'wrong') },
        'the domain_key and domain_password match no domain',
      ],
    ]
    for (const [headers, why] of cases) {
      const answer = await get('/events/1126', headers)
      expect(answer.status, why).toBe(401)
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="CloudSponge"')
      expect(await answer.json()).toEqual({ error: { message: `${accessDenied} (Here: ${why}.)` } })
    }
  })

  it('reads the Basic header before the parameters: a wrong header is refused even with right parameters', async () => {
    const { get } = simulator()
    const query = new URLSearchParams({
      domain_key: documentedTenant.domainKey,
      domain_password: documentedTenant.domainPassword,
    })
    expect((await get(`/events/1126?${query}`, {})).status).toBe(404)
    const refused = await failure(get(`/events/1126?${query}`, { Authorization: basic('nobody', 'nothing') }))
    expect(refused).toEqual({
      status: 401,
      body: { error: { message: `${accessDenied} (Here: the domain_key and domain_password match no domain.)` } },
    })
  })

  it('takes a lower-case "basic" scheme, a password with colons and a UTF-8 password', async () => {
    const { sim, get } = simulator({
      tenants: [
        { domainKey: 'colon-key', domainPassword: 'a:b:c' },
        { domainKey: 'utf8-key', domainPassword: 'pässwörd' },
      ],
    })
    expect(sim.inspect()).toMatchObject({ tenants: [{ domainKey: 'colon-key' }, { domainKey: 'utf8-key' }] })
    expect((await get('/events/1', { Authorization: `basic ${btoa('colon-key:a:b:c')}` })).status).toBe(404)
    const utf8 = btoa(String.fromCharCode(...new TextEncoder().encode('utf8-key:pässwörd')))
    expect((await get('/events/1', { Authorization: `Basic ${utf8}` })).status).toBe(404)
    // The documented domain is not known when other domains are configured.
    expect((await get('/events/1')).status).toBe(401)
  })

  it('counts an empty key, or a key without a password, as no credentials', async () => {
    const { get } = simulator()
    const noCredentials = {
      error: { message: `${accessDenied} (Here: no domain_key and domain_password were given.)` },
    }
    expect((await failure(get('/events/1', { Authorization: `Basic ${btoa(':pw')}` }))).body).toEqual(noCredentials)
    expect((await failure(get(`/events/1?domain_key=${documentedTenant.domainKey}`, {}))).body).toEqual(noCredentials)
  })

  it('shows no domain the imports of another: 401 naming the import, on events and contacts alike', async () => {
    const { sim, get, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(5000)
    for (const path of ['/events/1126', '/contacts/1126']) {
      const answer = await get(path, otherAuth)
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="CloudSponge"')
      expect(await failure(answer)).toEqual({
        status: 401,
        body: { error: { message: `${accessDenied} (Here: import 1126 belongs to another domain.)` } },
      })
    }
  })
})

describe('imports that are not there, or not ready', () => {
  it('answers 404 for an unknown import: a plain sentence on events, after "not yet available" on contacts', async () => {
    const { get } = simulator()
    const events = await get('/events/424242')
    expect(events.headers.get('www-authenticate')).toBeNull()
    expect(await failure(events)).toEqual({ status: 404, body: { error: { message: 'There is no import 424242.' } } })
    expect(await failure(get('/contacts/424242'))).toEqual({
      status: 404,
      body: { error: { message: 'The contacts are not yet available. There is no import 424242.' } },
    })
  })

  it('answers 404 pointing at the events for the contacts of an import that ended with an error', async () => {
    const { sim, get, begin } = simulator()
    await begin({ service: 'icloud', username: 'wrong-password', password: 'x' })
    const consent = await begin({ service: 'gmail' }, '/begin_import/user_consent.json')
    sim.decide(consent.import_id as number, 'denied')
    sim.clock.advance(999)
    // Still initializing: the rejection shows when gathering would have begun.
    expect((await failure(get('/contacts/1126'))).body).toEqual({
      error: { message: 'The contacts are not yet available.' },
    })
    sim.clock.advance(1)
    for (const id of [1126, 1127]) {
      expect(await failure(get(`/contacts/${id}`))).toEqual({
        status: 404,
        body: {
          error: { message: `The contacts are not yet available. Import ${id} ended with an error; see its events.` },
        },
      })
    }
  })

  it('answers 410 once deleted, in XML when asked, while the events stay', async () => {
    const { sim, get, begin } = simulator({ timing: { deleteAfterMs: 1000 } })
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(4999)
    expect((await get('/contacts/1126.xml')).status).toBe(200)
    sim.clock.advance(1)
    const gone = await get('/contacts/1126.xml')
    expect(gone.status).toBe(410)
    expect(gone.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(await gone.text()).toBe(
      xmlError('The contacts have already been retrieved and have been deleted from CloudSponge.com.'),
    )
    expect((await get('/events/1126')).status).toBe(200)
  })
})

describe('bodies the simulator cannot read as parameters', () => {
  it('answers 415 naming the media types begin_import takes, without the 400 sentence', async () => {
    const { post } = simulator()
    const unsupported = {
      status: 415,
      body: {
        error: {
          message:
            'the body must be sent as application/x-www-form-urlencoded or application/json or multipart/form-data, not text/plain.',
        },
      },
    }
    const text = await post('/begin_import/import.json', 'service=icloud', { ...auth, 'Content-Type': 'text/plain' })
    expect(await failure(text)).toEqual(unsupported)
    // Bytes without any Content-Type are text as far as the simulator can tell.
    const untyped = await post('/begin_import/import.json', new TextEncoder().encode('service=icloud'))
    expect(await failure(untyped)).toEqual(unsupported)
  })

  it('answers 400 for a JSON body that is not an object, or not JSON at all', async () => {
    const { post } = simulator()
    const json = { ...auth, 'Content-Type': 'application/json' }
    for (const body of ['[1]', '"icloud"', '7', 'null']) {
      expect(await failure(post('/begin_import/import.json', body, json)), body).toEqual({
        status: 400,
        body: { error: { message: 'Invalid parameters were supplied: the JSON body must be an object of parameters' } },
      })
    }
    const broken = await failure(post('/begin_import/import.json', '{"service":', json))
    expect(broken.status).toBe(400)
    expect(broken.body.error.message).toMatch(
      /^Invalid parameters were supplied: the body is not valid JSON \(.+\); send a form \(application\/x-www-form-urlencoded\) or a JSON object$/,
    )
  })

  it('answers 404 naming the method and path as sent for a begin_import method that does not exist', async () => {
    const { get, post } = simulator()
    expect(await failure(post('/begin_import/oauth', new URLSearchParams({ service: 'gmail' })))).toEqual({
      status: 404,
      body: { error: { message: 'There is no POST /begin_import/oauth.' } },
    })
    const xml = await get('/begin_import/oauth.xml?service=gmail')
    expect(xml.status).toBe(404)
    expect(await xml.text()).toBe(xmlError('There is no GET /begin_import/oauth.xml.'))
  })
})

describe('parameters', () => {
  it('takes them from the query alone when a POST has no body', async () => {
    const { post } = simulator()
    const answer = await post('/begin_import/import.json?service=icloud&username=foo&password=bar&user_id=q', undefined)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ status: 'success', echo: null, import_id: 1126, user_id: 'q', id: 1126 })
  })

  it('lets the body win over the query, as Rails merges them, and drops empty values', async () => {
    const { begin, post } = simulator()
    const answer = await post(
      '/begin_import/import.json?user_id=from-query&echo=from-query',
      new URLSearchParams({ service: 'icloud', username: 'foo', password: 'bar', user_id: 'from-body', echo: '' }),
    )
    expect(await answer.json()).toMatchObject({ user_id: 'from-body', echo: 'from-query' })
    expect(await begin({ service: 'icloud', username: 'foo', password: 'bar', user_id: '', echo: '' })).toEqual({
      status: 'success',
      echo: null,
      import_id: 1127,
      user_id: null,
      id: 1127,
    })
  })

  it('reads numbers and booleans in a JSON body as their text, and leaves out nulls and objects', async () => {
    const { post } = simulator()
    const json = { ...auth, 'Content-Type': 'application/json' }
    const answer = await post(
      '/begin_import/import.json',
      JSON.stringify({ service: 'icloud', username: 'foo', password: 'bar', user_id: 42, echo: true }),
      json,
    )
    expect(await answer.json()).toMatchObject({ user_id: '42', echo: 'true' })
    const dropped = await post(
      '/begin_import/import.json',
      JSON.stringify({ service: 'icloud', username: 'foo', password: 'bar', user_id: null, echo: { a: 1 } }),
      json,
    )
    expect(await dropped.json()).toMatchObject({ user_id: null, echo: null })
  })

  it('reads a multipart body as a form', async () => {
    const { post } = simulator()
    const body = new FormData()
    for (const [key, value] of Object.entries({ service: 'icloud', username: 'foo', password: 'bar', echo: 'mp' })) {
      body.set(key, value)
    }
    const answer = await post('/begin_import/import.json', body)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({ import_id: 1126, echo: 'mp' })
  })

  it('reads each POST to the same URL by its own body, and a GET there by its own query', async () => {
    const { post, get } = simulator()
    const path = '/begin_import/user_consent.json'
    // A GET first: what it read must not stand in for the POST's body.
    expect((await get(path)).status).toBe(400)
    const first = await post(path, new URLSearchParams({ service: 'gmail', user_id: 'first' }))
    const second = await post(path, new URLSearchParams({ service: 'yahoo', user_id: 'second' }))
    expect(await first.json()).toMatchObject({ user_id: 'first', import_id: 1126 })
    expect(await second.json()).toMatchObject({ user_id: 'second', import_id: 1127 })
    // And after the POSTs, a GET of the same URL reads its (empty) query, not their bodies.
    expect(await failure(get(path))).toEqual({
      status: 400,
      body: { error: { message: 'Invalid parameters were supplied: service is required.' } },
    })
  })

  it('answers a GET asked again with the same answer, and a changed query with its own', async () => {
    const { get, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const echoOf = async (path: string) => ((await (await get(path)).json()) as { echo: unknown }).echo
    expect(await echoOf('/events/1126?echo=one')).toBe('one')
    expect(await echoOf('/events/1126?echo=one')).toBe('one')
    expect(await echoOf('/events/1126?echo=two')).toBe('two')
    expect(await echoOf('/events/1126?echo=')).toBeNull()
  })
})

describe('path forms', () => {
  it('reads an upper-case format suffix on the id, answering and failing in XML', async () => {
    const { sim, get, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const events = await get('/events/1126.XML')
    expect(events.status).toBe(200)
    expect(events.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(await events.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<eventsResponse>\n/)
    sim.clock.advance(5000)
    const bad = await get('/contacts/1126.XML?start=-1')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toBe(xmlError('Invalid parameters were supplied: start must be &gt;= 0.'))
  })

  it('answers a path the API does not have, or a resource-suffixed unknown import, in the vendor format', async () => {
    const { get } = simulator()
    const unknown = await get('/import_contacts')
    expect(unknown.headers.get('cache-control')).toBe('no-cache, private, no-store, max-age=0, must-revalidate')
    expect(await failure(unknown)).toEqual({
      status: 404,
      body: { error: { message: 'There is no GET /import_contacts; check the path against the API reference.' } },
    })
    const xml = await get('/events.xml/424242')
    expect(xml.status).toBe(404)
    expect(await xml.text()).toBe(xmlError('There is no import 424242.'))
  })

  it('takes a trailing slash on every path, and begin_import by GET with everything in the query', async () => {
    const { get, post } = simulator()
    const begun = await post('/begin_import/user_consent/', new URLSearchParams({ service: 'gmail' }))
    expect(begun.status).toBe(200)
    expect((await get('/events/1126/')).status).toBe(200)
    const query = new URLSearchParams({
      service: 'icloud',
      username: 'foo',
      password: 'bar',
      domain_key: documentedTenant.domainKey,
      domain_password: documentedTenant.domainPassword,
    })
    const viaGet = await get(`/begin_import/import.xml?${query}`, {})
    expect(await viaGet.text()).toContain('  <import-id type="integer">1127</import-id>\n')
  })

  it('reads only the last suffix as the format: an id with two is not a number', async () => {
    const { get, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const answer = await get('/events/1126.json.xml')
    expect(answer.status).toBe(400)
    expect(await answer.text()).toMatch(/<message>Invalid parameters were supplied: /)
  })

  it('answers errors on an id with a .xml suffix in XML, and on any other path in JSON', async () => {
    const { get } = simulator()
    expect(await (await get('/contacts/77.xml')).text()).toBe(
      xmlError('The contacts are not yet available. There is no import 77.'),
    )
    const json = await get('/contacts/77.json')
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('sends the vendor headers with every answer, success or error, in either format', async () => {
    const { get, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const vendor = {
      'cache-control': 'no-cache, private, no-store, max-age=0, must-revalidate',
      expires: 'Mon, 01 Jan 1990 00:00:00 GMT',
      pragma: 'no-cache',
      'x-frame-options': 'ALLOWALL',
    }
    for (const [path, type] of [
      ['/events/1126', 'application/json; charset=utf-8'],
      ['/events/1126.xml', 'application/xml; charset=utf-8'],
      ['/contacts/1126', 'application/json; charset=utf-8'],
      ['/contacts.xml/1126', 'application/xml; charset=utf-8'],
    ] as const) {
      const answer = await get(path)
      const headers = Object.fromEntries([...answer.headers].filter(([name]) => name !== 'x-request-id'))
      expect(headers, path).toEqual({ ...vendor, 'content-type': type })
      expect(answer.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})

describe('begin_import answers', () => {
  it('writes a username/password import with echo and user_id, keys in the vendor order, in JSON and XML', async () => {
    const { post } = simulator()
    const fields = { service: 'icloud', username: 'foo', password: 'bar', user_id: 'u-1', echo: 'a&b' }
    const json = await post('/begin_import/import.json', new URLSearchParams(fields))
    expect(await json.text()).toBe('{"status":"success","echo":"a\\u0026b","import_id":1126,"user_id":"u-1","id":1126}')
    const xml = await post('/begin_import/import.xml', new URLSearchParams(fields))
    expect(await xml.text()).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<result>',
        '  <status>success</status>',
        '  <echo>a&amp;b</echo>',
        '  <import-id type="integer">1127</import-id>',
        '  <user-id>u-1</user-id>',
        '  <id type="integer">1127</id>',
        '</result>',
        '',
      ].join('\n'),
    )
  })

  it('gives user_consent a consent url and import_type; CSV a /csv/ url; desktop_applet the applet and no import_type', async () => {
    const { begin } = simulator()
    const oauth = await begin({ service: 'gmail' }, '/begin_import/user_consent.json')
    expect(Object.keys(oauth)).toEqual(['status', 'url', 'echo', 'import_type', 'import_id', 'user_id', 'id'])
    expect(oauth).toEqual({
      status: 'success',
      url: expect.stringMatching(/^http:\/\/localhost\/n\/[A-HJ-NP-Z2-9]{7}$/),
      echo: null,
      import_type: 'OAUTH',
      import_id: 1126,
      user_id: null,
      id: 1126,
    })
    const csv = await begin({ service: 'csv' }, '/begin_import/user_consent.json')
    expect(csv).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost\/csv\/[A-HJ-NP-Z2-9]{7}$/) })
    expect(csv.import_type).toBe('CSV')
    const applet = await begin({ service: 'addressbook', user_id: 'u' }, '/begin_import/desktop_applet.json')
    expect(applet).toEqual({
      status: 'success',
      url: 'http://localhost/objects/ContactsApplet_signed.jar',
      echo: null,
      import_id: 1128,
      user_id: 'u',
      id: 1128,
    })
  })

  it('writes consent and applet urls on the configured public URL', async () => {
    const { begin } = simulator({ publicUrl: 'https://contacts.example.com/' })
    const consent = await begin({ service: 'yahoo' }, '/begin_import/user_consent.json')
    expect(consent.url).toMatch(/^https:\/\/contacts\.example\.com\/n\/[A-HJ-NP-Z2-9]{7}$/)
    const applet = await begin({ service: 'outlook' }, '/begin_import/desktop_applet.json')
    expect(applet.url).toBe('https://contacts.example.com/objects/ContactsApplet_signed.jar')
  })

  it('names the services each method takes when the service is unknown or takes another method', async () => {
    const { post } = simulator()
    const cases: [string, Record<string, string>, string][] = [
      [
        'import',
        { service: 'myspace', username: 'a', password: 'b' },
        'unknown service "myspace"; /begin_import/import takes one of: ICLOUD, PLAXO, MAIL_RU, AOL.',
      ],
      [
        'user_consent',
        { service: 'friendster' },
        'unknown service "friendster"; /begin_import/user_consent takes one of: AOL, GMAIL, YAHOO, WINDOWSLIVE, OFFICE365, OUTLOOK, CSV.',
      ],
      [
        'desktop_applet',
        { service: 'gmail' },
        'GMAIL does not support /begin_import/desktop_applet; use one of: user_consent.',
      ],
      [
        'import',
        { service: 'outlook', username: 'a', password: 'b' },
        'OUTLOOK does not support /begin_import/import; use one of: user_consent, desktop_applet.',
      ],
    ]
    for (const [method, fields, detail] of cases) {
      expect(await failure(post(`/begin_import/${method}`, new URLSearchParams(fields))), detail).toEqual({
        status: 400,
        body: { error: { message: `Invalid parameters were supplied: ${detail}` } },
      })
    }
  })

  it('reports how the user of each consent service grants access, and which services the applet takes', async () => {
    const { begin, post } = simulator()
    const types: Record<string, unknown> = {}
    for (const service of ['aol', 'gmail', 'yahoo', 'windowslive', 'office365', 'outlook', 'csv']) {
      types[service] = (await begin({ service }, '/begin_import/user_consent.json')).import_type
    }
    expect(types).toEqual({
      aol: 'OAUTH',
      gmail: 'OAUTH',
      yahoo: 'OAUTH',
      windowslive: 'OAUTH',
      office365: 'OAUTH',
      outlook: 'OAUTH',
      csv: 'CSV',
    })
    expect(await failure(post('/begin_import/desktop_applet', new URLSearchParams({ service: 'myspace' })))).toEqual({
      status: 400,
      body: {
        error: {
          message:
            'Invalid parameters were supplied: unknown service "myspace"; /begin_import/desktop_applet takes one of: OUTLOOK, ADDRESSBOOK.',
        },
      },
    })
  })

  it('matches the service whatever its case and surrounding spaces', async () => {
    const { begin } = simulator()
    expect(await begin({ service: ' Gmail ' }, '/begin_import/user_consent.json')).toMatchObject({
      status: 'success',
      import_type: 'OAUTH',
    })
    expect(await begin({ service: 'iCloud', username: 'foo', password: 'bar' })).toMatchObject({ import_id: 1127 })
  })
})

describe('events and contacts answers', () => {
  it('echoes echo on events, escaped as Rails does', async () => {
    const { get, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar', user_id: 'me' })
    const text = await (await get('/events/1126?echo=%3Cx%3E')).text()
    expect(text).toMatch(/,"import_id":1126,"user_id":"me","id":1126,"echo":"\\u003cx\\u003e"}$/)
  })

  // The documentation's events example carries "echo":null; the recorded events (2016) of every
  // other account leave echo out when the request sent none. Each account answers as its source.
  it("writes echo null on the documented account's events, and leaves it out on every other account's, in JSON and XML", async () => {
    const { sim, get, begin } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    await begin({ service: 'icloud', username: 'ann', password: 'pw' })
    await begin({ service: 'aol' }, '/begin_import/user_consent.json')
    sim.clock.advance(5000)
    expect(await (await get('/events/1126')).text()).toMatch(/,"import_id":1126,"user_id":null,"id":1126,"echo":null}$/)
    expect(await (await get('/events/1127')).text()).toMatch(/,"import_id":1127,"user_id":null,"id":1127}$/)
    expect(await (await get('/events/1127.xml')).text()).not.toContain('<echo')
    expect(await (await get('/events/1126.xml')).text()).toContain('  <echo nil="true"></echo>\n</eventsResponse>')
    // Sent, it comes back on every account.
    expect(await (await get('/events/1127?echo=e')).text()).toMatch(/,"id":1127,"echo":"e"}$/)
    // A consent not yet given names no account: the answer is the recorded one.
    expect(await (await get('/events/1128')).text()).toMatch(/,"id":1128}$/)
    sim.decide(1128, 'approved', 'foo')
    sim.clock.advance(5000)
    expect(await (await get('/events/1128')).text()).toMatch(/,"id":1128,"echo":null}$/)
    // Contacts carry echo on every account, as recorded.
    expect(await (await get('/contacts/1127')).text()).toMatch(/,"echo":null}$/)
  })
})

describe('contacts paging', () => {
  /** A complete import of `contacts-5`, and its pages by query. */
  async function fiveContacts() {
    const { sim, get, begin } = simulator()
    await begin({ service: 'icloud', username: 'contacts-5', password: 'x' })
    sim.clock.advance(4000)
    const page = async (query: string) =>
      (await (await get(`/contacts/1126${query}`)).json()) as {
        contacts: { first_name: string }[]
        start: number
        count: number
        total: number
      }
    const names = (await page('')).contacts.map((contact) => contact.first_name)
    return { page, names, get }
  }

  const view = (answer: { contacts: { first_name: string }[]; start: number; count: number; total: number }) => ({
    names: answer.contacts.map((contact) => contact.first_name),
    start: answer.start,
    count: answer.count,
    total: answer.total,
  })

  it('serves start and count, clamped to the book', async () => {
    const { page, names } = await fiveContacts()
    expect(names).toHaveLength(5)
    expect(view(await page('?start=2&count=2'))).toEqual({ names: names.slice(2, 4), start: 2, count: 2, total: 5 })
    expect(view(await page('?start=4&count=10'))).toEqual({ names: names.slice(4), start: 4, count: 1, total: 5 })
    expect(view(await page('?start=5&count=1'))).toEqual({ names: [], start: 5, count: 0, total: 5 })
    expect(view(await page('?start=9'))).toEqual({ names: [], start: 5, count: 0, total: 5 })
  })

  it('reads count 0 as all, a start without count as the rest, and ignores count without start', async () => {
    const { page, names } = await fiveContacts()
    expect(view(await page('?start=0&count=0'))).toEqual({ names, start: 0, count: 5, total: 5 })
    expect(view(await page('?start=3'))).toEqual({ names: names.slice(3), start: 3, count: 2, total: 5 })
    expect(view(await page('?count=2'))).toEqual({ names, start: 0, count: 5, total: 5 })
  })
})
