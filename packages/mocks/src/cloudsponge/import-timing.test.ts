import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import type { Random } from '../core/random.js'
import { documentedBook } from './address-books.js'
import { defaultTiming, ImportStore } from './imports.js'
import { createCloudSpongeSimulator } from './index.js'
import { findService, type ServiceInfo } from './services.js'
import { documentedTenant } from './tenants.js'

const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }

// 12:00 UTC on 1 March is 04:00 in Pacific standard time, which the vendor writes.
const start = '2026-03-01T12:00:00Z'
const pacific = (seconds: number) => {
  const whole = Math.floor(seconds)
  return `2026-03-01T04:${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}.000-08:00`
}

function simulator(options: Parameters<typeof createCloudSpongeSimulator>[0] = {}) {
  const sim = createCloudSpongeSimulator({ clock: manualClock(start), ...options })
  const begin = async (fields: Record<string, string>, method = 'import') => {
    const answer = await sim.app.request(`/begin_import/${method}.json`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams(fields),
    })
    return (await answer.json()) as { import_id: number; url: string }
  }
  const get = (path: string) => sim.app.request(path, { headers: auth })
  /** The events as `TYPE/STATUS/value@seconds after the start`, with their descriptions where they have one. */
  const events = async (id = 1126) => {
    const body = (await (await get(`/events/${id}`)).json()) as {
      events: { event_type: string; status: string; value: number; description: string | null; created_at: string }[]
    }
    return body.events.map(
      (event) =>
        `${event.event_type}/${event.status}/${event.value} ${event.created_at}${event.description ? ` ${event.description}` : ''}`,
    )
  }
  return { sim, begin, get, events }
}

describe('a username/password import on the clock', () => {
  it('initializes for a second, gathers for three, each event stamped when it began', async () => {
    const { sim, begin, events } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(999)
    expect(await events()).toEqual([`INITIALIZING/INPROGRESS/0 ${pacific(0)}`])
    sim.clock.advance(1)
    expect(await events()).toEqual([`INITIALIZING/COMPLETED/0 ${pacific(0)}`, `GATHERING/INPROGRESS/0 ${pacific(1)}`])
    sim.clock.advance(2999)
    expect(await events()).toEqual([`INITIALIZING/COMPLETED/0 ${pacific(0)}`, `GATHERING/INPROGRESS/1 ${pacific(1)}`])
    sim.clock.advance(1)
    expect(await events()).toEqual([
      `INITIALIZING/COMPLETED/0 ${pacific(0)}`,
      `GATHERING/COMPLETED/2 ${pacific(1)}`,
      `COMPLETE/COMPLETED/0 ${pacific(4)}`,
    ])
  })

  it('writes the whole events answer in the vendor key order', async () => {
    const { sim, begin, get } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar', user_id: 'me' })
    sim.clock.advance(4000)
    const event = (type: string, value: number, at: number) =>
      `{"import_action_id":1126,"import_id":1126,"event_type":"${type}","value":${value},"description":null,"status":"COMPLETED","created_at":"${pacific(at)}"}`
    expect(await (await get('/events/1126?echo=e')).text()).toBe(
      `{"events":[${event('INITIALIZING', 0, 0)},${event('GATHERING', 2, 1)},${event('COMPLETE', 0, 4)}],"import_id":1126,"user_id":"me","id":1126,"echo":"e"}`,
    )
  })

  it('writes event times to the whole second, as the vendor stores them', async () => {
    const { begin, get } = simulator({ clock: manualClock('2026-03-01T12:00:00.999Z') })
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const json = (await (await get('/events/1126')).json()) as { events: { created_at: string }[] }
    expect(json.events[0]?.created_at).toBe('2026-03-01T04:00:00.000-08:00')
    expect(await (await get('/events/1126.xml')).text()).toContain(
      '<created-at type="datetime">2026-03-01T04:00:00-08:00</created-at>',
    )
  })

  it('counts the contacts gathered once a second, in proportion to the time gathering', async () => {
    const { sim, begin, events } = simulator()
    await begin({ service: 'icloud', username: 'contacts-30', password: 'x' })
    const gathered = async () => (await events()).at(-1)?.split(' ')[0]
    sim.clock.advance(1999)
    expect(await gathered()).toBe('GATHERING/INPROGRESS/0')
    sim.clock.advance(1)
    expect(await gathered()).toBe('GATHERING/INPROGRESS/10')
    sim.clock.advance(1999)
    expect(await gathered()).toBe('GATHERING/INPROGRESS/20')
  })

  it('gathers for slowGatherMs for the username slow only', async () => {
    const { sim, begin, events } = simulator()
    await begin({ service: 'icloud', username: 'slow', password: 'x' })
    await begin({ service: 'icloud', username: 'slowly', password: 'x' })
    sim.clock.advance(31_000)
    // 30 of the 60 seconds: 12 of 25.
    expect((await events(1126)).at(-1)).toBe(`GATHERING/INPROGRESS/12 ${pacific(1)}`)
    expect((await events(1127)).at(-1)).toBe(`COMPLETE/COMPLETED/0 ${pacific(4)}`)
    sim.clock.advance(29_999)
    expect((await events(1126)).at(-1)).toBe(`GATHERING/INPROGRESS/24 ${pacific(1)}`)
    sim.clock.advance(1)
    expect((await events(1126)).at(-1)).toBe(`COMPLETE/COMPLETED/0 ${pacific(61)}`)
  })

  it('rejects a refused sign-in when gathering would begin, with the reason on both events and code 1', async () => {
    const { sim, begin, events } = simulator()
    await begin({ service: 'plaxo', username: 'wrong-password', password: 'x' })
    sim.clock.advance(999)
    expect(await events()).toEqual([`INITIALIZING/INPROGRESS/0 ${pacific(0)}`])
    sim.clock.advance(1)
    const reason = 'PLAXO did not accept the username or password of wrong-password.'
    const failed = [`INITIALIZING/ERROR/0 ${pacific(0)} ${reason}`, `COMPLETE/ERROR/1 ${pacific(1)} ${reason}`]
    expect(await events()).toEqual(failed)
    sim.clock.advance(600_000)
    expect(await events()).toEqual(failed)
  })

  it('follows the clock backwards too: a complete import set back in time is gathering again', async () => {
    const { sim, begin, get, events } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(4000)
    expect((await get('/contacts/1126')).status).toBe(200)
    sim.clock.set(Date.parse(start) + 2000)
    expect((await get('/contacts/1126')).status).toBe(404)
    expect((await events()).at(-1)).toBe(`GATHERING/INPROGRESS/0 ${pacific(1)}`)
    sim.clock.set(Date.parse(start) + 304_000)
    expect((await get('/contacts/1126')).status).toBe(410)
    // Back before the deletion, the contacts are there again: the simulator derives, it does not store.
    sim.clock.set(Date.parse(start) + 303_999)
    expect((await get('/contacts/1126')).status).toBe(200)
  })
})

describe('a consent import on the clock', () => {
  it('waits for the user however long it takes, then runs from the moment of approval', async () => {
    const { sim, begin, get, events } = simulator()
    const { import_id } = await begin({ service: 'gmail' }, 'user_consent')
    sim.clock.advance(10_000)
    expect(await events(import_id)).toEqual([`INITIALIZING/INPROGRESS/0 ${pacific(0)}`])
    expect((await get(`/contacts/${import_id}`)).status).toBe(404)
    sim.decide(import_id, 'approved')
    sim.clock.advance(999)
    expect(await events(import_id)).toEqual([`INITIALIZING/INPROGRESS/0 ${pacific(0)}`])
    sim.clock.advance(1)
    expect(await events(import_id)).toEqual([
      `INITIALIZING/COMPLETED/0 ${pacific(0)}`,
      `GATHERING/INPROGRESS/0 ${pacific(11)}`,
    ])
    sim.clock.advance(3000)
    expect((await events(import_id)).at(-1)).toBe(`COMPLETE/COMPLETED/0 ${pacific(14)}`)
    sim.clock.advance(299_999)
    expect((await get(`/contacts/${import_id}`)).status).toBe(200)
    sim.clock.advance(1)
    expect((await get(`/contacts/${import_id}`)).status).toBe(410)
  })

  it('ends a denied import at the moment of denial with code 2, the reason on both events', async () => {
    const { sim, begin, events } = simulator()
    const { import_id } = await begin({ service: 'outlook' }, 'desktop_applet')
    sim.clock.advance(7000)
    sim.decide(import_id, 'denied')
    const reason = 'The user did not give access to their address book.'
    expect(await events(import_id)).toEqual([
      `INITIALIZING/ERROR/0 ${pacific(0)} ${reason}`,
      `COMPLETE/ERROR/2 ${pacific(7)} ${reason}`,
    ])
  })

  it('signs in on approval with the magic usernames: wrong-password fails as it does with a password', async () => {
    const { sim, begin, events } = simulator()
    const { import_id } = await begin({ service: 'aol' }, 'user_consent')
    sim.decide(import_id, 'approved', 'wrong-password')
    sim.clock.advance(1000)
    expect(await events(import_id)).toEqual([
      `INITIALIZING/ERROR/0 ${pacific(0)} AOL did not accept the username or password of wrong-password.`,
      `COMPLETE/ERROR/1 ${pacific(1)} AOL did not accept the username or password of wrong-password.`,
    ])
  })
})

describe('the consent page', () => {
  /** A consent import and the path of its page. */
  async function consent(fields: Record<string, string> = { service: 'gmail' }) {
    const harness = simulator()
    const { import_id, url } = await harness.begin(fields, 'user_consent')
    return { ...harness, importId: import_id, path: new URL(url).pathname }
  }
  const answer = (path: string, form: Record<string, string>, sim: ReturnType<typeof simulator>['sim']) =>
    sim.app.request(path, { method: 'POST', body: new URLSearchParams(form) })

  it('opens whatever the case of the code in the link', async () => {
    const { sim, path } = await consent()
    const page = await sim.app.request(path.toLowerCase())
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Share your GMAIL contacts?</title>')
  })

  it('names the service and the import, and offers the documented account to sign in as', async () => {
    const { sim, path, importId } = await consent({ service: 'csv' })
    expect(path).toMatch(/^\/csv\//)
    const text = await (await sim.app.request(path)).text()
    expect(text).toContain(`An application asks to read the address book of your CSV account (import ${importId}).`)
    expect(text).toContain('<input name="username" value="foo" autocomplete="off" />')
    expect(text).toContain('<button type="submit" name="decision" value="approve" id="approve">Allow</button>')
    expect(text).toContain('<button type="submit" name="decision" value="deny" id="deny">Deny</button>')
  })

  it('signs in as the documented account when the username is left blank', async () => {
    const { sim, path, get, importId } = await consent()
    const page = await answer(path, { decision: 'approve', username: '   ' }, sim)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1>Access granted</h1>')
    sim.clock.advance(4000)
    const body = (await (await get(`/contacts/${importId}`)).json()) as { total: number; contacts_owner: unknown }
    expect(body.total).toBe(2)
    expect(body.contacts_owner).toEqual({
      first_name: 'Joe',
      last_name: 'Smith',
      email: [{ address: 'joe@example.com' }],
    })
  })

  it('signs in as the account typed, trimmed', async () => {
    const { sim, path, get, importId } = await consent()
    await answer(path, { decision: 'approve', username: ' contacts-6 ' }, sim)
    sim.clock.advance(4000)
    expect(((await (await get(`/contacts/${importId}`)).json()) as { total: number }).total).toBe(6)
  })

  it('tells a user who answers again that they already did, and refuses an unknown link or answer', async () => {
    const { sim, path } = await consent()
    const refused = await answer(path, { decision: 'maybe' }, sim)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('<p>Send decision=approve or decision=deny.</p>')
    await answer(path, { decision: 'deny' }, sim)
    const page = await sim.app.request(path)
    expect(page.status).toBe(409)
    expect(await page.text()).toContain('<p>You already denied this request.</p>')
    const again = await answer(path, { decision: 'approve' }, sim)
    expect(again.status).toBe(409)
    expect(await again.text()).toMatch(/<p>Import \d+ was already denied\.<\/p>/)
    for (const response of [await sim.app.request('/n/AAAAAAA'), await answer('/csv/AAAAAAA', {}, sim)]) {
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('<p>This consent link is unknown or has expired.</p>')
    }
  })

  it('forgets consent links on reset', async () => {
    const { sim, path } = await consent()
    await sim.app.request('/__admin/reset', { method: 'POST' })
    expect((await sim.app.request(path)).status).toBe(404)
  })

  it('explains the applet placeholder and how to answer for the user', async () => {
    const { sim } = simulator()
    const applet = await sim.app.request('/objects/ContactsApplet_signed.jar')
    expect(await applet.text()).toBe(
      'The contactkit simulator does not run the desktop applet. Answer for the user with POST /__admin/state {"decisions":[{"importId":<id>,"decision":"approved"}]}.\n',
    )
  })
})

describe('pages served again', () => {
  /** The first names on a contacts page. */
  const names = async (response: Response) =>
    ((await response.json()) as { contacts: { first_name: string }[] }).contacts.map((contact) => contact.first_name)

  it('serves each import its own page when two imports of the same size are read in turn', async () => {
    const { sim, begin, get } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    await begin({ service: 'icloud', username: 'contacts-2', password: 'x' })
    sim.clock.advance(4000)
    const first = await names(await get('/contacts/1126'))
    const second = await names(await get('/contacts/1127'))
    expect(first).toEqual(['John', 'Jane'])
    expect(second).not.toEqual(first)
    expect(await names(await get('/contacts/1126'))).toEqual(first)
    expect(await names(await get('/contacts/1127'))).toEqual(second)
  })

  it('serves each format and range of one import its own page', async () => {
    const { sim, begin, get } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(4000)
    expect(await names(await get('/contacts/1126'))).toEqual(['John', 'Jane'])
    expect(await (await get('/contacts/1126.xml')).text()).toMatch(/^<\?xml/)
    expect(await names(await get('/contacts/1126?start=1'))).toEqual(['Jane'])
    expect(await names(await get('/contacts/1126?start=0&count=1'))).toEqual(['John'])
    expect(await names(await get('/contacts/1126'))).toEqual(['John', 'Jane'])
  })

  it('writes echo into a cached page without changing the page for others', async () => {
    const { sim, begin, get } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(4000)
    const plain = await (await get('/contacts/1126')).text()
    const echoed = await (await get('/contacts/1126?echo=%C3%BC%26')).text()
    expect(echoed).toBe(plain.replace(/"echo":null}$/, '"echo":"ü\\u0026"}'))
    expect(await (await get('/contacts/1126')).text()).toBe(plain)
  })

  it('never serves the contacts of a forgotten import for a new one with the same id', async () => {
    const { sim, begin, get } = simulator()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(4000)
    expect(await names(await get('/contacts/1126'))).toEqual(['John', 'Jane'])
    await sim.app.request('/__admin/reset', { method: 'POST' })
    await begin({ service: 'icloud', username: 'contacts-2', password: 'x' })
    sim.clock.advance(4000)
    expect(await names(await get('/contacts/1126'))).not.toEqual(['John', 'Jane'])
  })
})

describe('ImportStore', () => {
  const icloud = findService('icloud', 'import') as ServiceInfo
  const gmail = findService('gmail', 'user_consent') as ServiceInfo
  const input = { tenant: 'key', userId: null, includeMailingAddress: false, redirectUrl: null }

  it('draws another consent code when one is taken', () => {
    // Seven draws of 0 spell AAAAAAA, twice; then seven of 1/32 spell BBBBBBB.
    const draws = [...Array(14).fill(0), ...Array(7).fill(1 / 32)]
    const random = { next: () => draws.shift() ?? 0.5 } as Random
    const store = new ImportStore(manualClock(), defaultTiming, random)
    const first = store.begin({ ...input, method: 'user_consent', service: gmail })
    const second = store.begin({ ...input, method: 'user_consent', service: gmail })
    expect([first.consent?.code, second.consent?.code]).toEqual(['AAAAAAA', 'BBBBBBB'])
    expect(store.findByConsentCode('bbbbbbb')).toBe(second)
  })

  it('keeps seeded accounts when forgetting imports alone, and forgets them when asked to', () => {
    const store = new ImportStore(manualClock(), defaultTiming, { next: () => 0.5 } as Random)
    store.addAccount({ service: 'ICLOUD', username: 'ann', password: 'pw', owner: null, contacts: [] })
    store.begin({ ...input, method: 'import', service: icloud, username: 'ann', password: 'pw' })
    store.reset()
    expect(store.list()).toEqual([])
    expect(store.accounts).toHaveLength(1)
    const again = store.begin({ ...input, method: 'import', service: icloud, username: 'ann', password: 'pw' })
    expect(again.id).toBe(1126)
    expect(store.book(again)?.size).toBe(0)
    store.reset({ accounts: true })
    expect(store.accounts).toEqual([])
  })

  it('has no book for an import whose user has not answered, and the documented one for foo', () => {
    const store = new ImportStore(manualClock(), defaultTiming, { next: () => 0.5 } as Random)
    const waiting = store.begin({ ...input, method: 'user_consent', service: gmail })
    expect(store.book(waiting)).toBeUndefined()
    const documented = store.begin({ ...input, method: 'import', service: icloud, username: 'foo', password: 'bar' })
    expect(store.book(documented)).toBe(documentedBook)
    expect(store.decide(documented, 'approved')).toBe(
      'Import 1127 is a username/password import; it has no consent to give.',
    )
  })
})
