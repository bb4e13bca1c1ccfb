import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { AdminInputError } from './admin.js'
import { manualClock } from './clock.js'
import { createSimulator, type VendorState } from './simulator.js'
import { createToySimulator, toyDocument, toyError } from './testing/toy-vendor.js'

const send = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body,
  headers: { 'Content-Type': 'application/json', ...headers },
})

async function message(response: Response): Promise<string> {
  return ((await response.json()) as { error: { message: string } }).error.message
}

describe('the admin token, as a browser and an API client see it', () => {
  const toy = createToySimulator({ clock: manualClock(), adminToken: 's3cret' })
  const browser = { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' }

  it('answers a browser GET with an HTML page titled after the simulator that asks for the token', async () => {
    const response = await toy.app.request('/__admin/clock', { headers: browser })
    expect(response.status).toBe(401)
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const page = await response.text()
    expect(page).toContain('<h1>toy simulator: admin token needed</h1>')
    expect(page).toContain('name="admin_token"')
  })

  it('answers a browser POST in JSON: only a GET gets the token page', async () => {
    const response = await toy.app.request('/__admin/reset', { method: 'POST', headers: browser })
    expect(response.status).toBe(401)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(await message(response)).toContain('needs its admin token')
  })

  it('tells an API client how to authenticate with WWW-Authenticate', async () => {
    const response = await toy.app.request('/__admin/clock', { headers: { Authorization: 'Bearer wrong' } })
    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="contactkit admin"')
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  })
})

describe('POST /__admin/reset', () => {
  it('says it reset and shows the clock, which keeps its time', async () => {
    const toy = createToySimulator({ clock: manualClock('2026-03-04T05:06:07Z') })
    const response = await toy.app.request('/__admin/reset', { method: 'POST' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      reset: true,
      clock: { mode: 'manual', now: '2026-03-04T05:06:07.000Z', nowMs: Date.parse('2026-03-04T05:06:07Z') },
    })
  })
})

describe('POST /__admin/clock names the action in every refusal', () => {
  const toy = createToySimulator({ clock: manualClock('2026-01-01T00:00:00Z') })
  const clock = (body: string) => toy.app.request('/__admin/clock', send(body))

  it.each([
    [
      'invalid JSON',
      '{"now":',
      'Failed to move the clock: the admin API takes JSON bodies, and this body is not valid JSON.',
    ],
    ['a JSON array', '[60000]', 'Failed to move the clock: send a JSON object.'],
    ['a JSON number', '60000', 'Failed to move the clock: send a JSON object.'],
    ['JSON null', 'null', 'Failed to move the clock: send a JSON object.'],
    [
      'two unknown fields',
      '{"seconds": 60, "speed": 2}',
      'Failed to move the clock: unknown field "seconds", "speed"; send "advanceMs" or "now".',
    ],
    [
      'an unknown field',
      '{"seconds": 60}',
      'Failed to move the clock: unknown field "seconds"; send "advanceMs" or "now".',
    ],
  ])('%s', async (_, body, sentence) => {
    const response = await clock(body)
    expect(response.status).toBe(400)
    expect(await message(response)).toBe(sentence)
    expect(toy.clock.now()).toBe(Date.parse('2026-01-01T00:00:00Z'))
  })

  it('reads an empty body as {} and asks for one of the two fields', async () => {
    const response = await toy.app.request('/__admin/clock', { method: 'POST' })
    expect(response.status).toBe(400)
    expect(await message(response)).toMatch(/^Failed to move the clock: send exactly one of \{"advanceMs": 60000\}/)
  })

  it.each([
    ['a numeric string', '"5"', 'not "5"'],
    ['null', 'null', 'not null'],
    ['a boolean', 'true', 'not true'],
    ['a number past the largest double (Infinity)', '1e999', 'not null'],
    ['one millisecond more than ten years', '315360000001', 'not 315360000001'],
  ])('refuses advanceMs as %s', async (_, value, shown) => {
    const response = await clock(`{"advanceMs": ${value}}`)
    expect(response.status).toBe(400)
    expect(await message(response)).toBe(
      `Failed to move the clock: "advanceMs" must be a number of milliseconds from 0 to 315360000000 (ten years), ${shown}.`,
    )
    expect(toy.clock.now()).toBe(Date.parse('2026-01-01T00:00:00Z'))
  })

  it('takes advanceMs from 0 up to exactly ten years', async () => {
    const start = toy.clock.now()
    expect((await clock('{"advanceMs": 0}')).status).toBe(200)
    expect(toy.clock.now()).toBe(start)
    const response = await clock('{"advanceMs": 315360000000}')
    expect(response.status).toBe(200)
    expect(((await response.json()) as { nowMs: number }).nowMs).toBe(start + 315_360_000_000)
  })
})

describe('GET /__admin/requests bounds its status and limit filters', () => {
  const toy = createToySimulator({ clock: manualClock(), journalLimit: 5 })
  const requests = (query: string) => toy.app.request(`/__admin/requests?${query}`)

  it.each([
    ['status=200', 200],
    ['status=100', 200],
    ['status=599', 200],
    ['status=600', 400],
    ['status=99', 400],
    ['limit=1', 200],
    ['limit=5', 200],
    ['limit=6', 400],
  ])('%s answers %i', async (query, status) => {
    await toy.app.request('/items/1')
    const response = await requests(query)
    expect(response.status).toBe(status)
    if (status === 400) {
      const [name] = query.split('=')
      const range = name === 'status' ? 'from 100 to 599' : 'from 1 to 5'
      expect(await message(response)).toBe(`Failed to list requests: "${name}" must be a whole number ${range}.`)
    }
  })

  it('lists only the requests that answered the status asked for', async () => {
    await toy.app.request('/items/1')
    const ok = (await (await requests('status=200')).json()) as { requests: { status: number }[] }
    expect(ok.requests.length).toBeGreaterThan(0)
    expect(ok.requests.every((entry) => entry.status === 200)).toBe(true)
    expect(await (await requests('status=599')).json()).toEqual({ requests: [] })
  })
})

describe('the admin token in the Authorization header', () => {
  const toy = createToySimulator({ clock: manualClock(), adminToken: 's3cret' })
  const clock = (authorization: string) =>
    toy.app.request('/__admin/clock', { headers: { Authorization: authorization } })

  it('takes "Bearer" followed by any run of spaces before the token', async () => {
    expect((await clock('Bearer  s3cret')).status).toBe(200)
  })

  it('takes the token only when the header starts with "Bearer"', async () => {
    expect((await clock('Basic Bearer s3cret')).status).toBe(401)
  })
})

describe('AdminInputError', () => {
  it('names itself in stack traces', () => {
    expect(new AdminInputError('x').name).toBe('AdminInputError')
  })
})

describe('POST /__admin/clock with "now"', () => {
  const toy = createToySimulator({ clock: manualClock('2026-01-01T00:00:00Z') })
  const setNow = (value: string) => toy.app.request('/__admin/clock', send(`{"now": ${value}}`))

  it.each([
    ['the earliest time, 1970-01-01T00:00:00Z', '"1970-01-01T00:00:00Z"', 0],
    ['the latest time, 9999-12-31T23:59:59Z', '"9999-12-31T23:59:59Z"', Date.parse('9999-12-31T23:59:59Z')],
    ['epoch milliseconds', '1767225600000', Date.parse('2026-01-01T00:00:00Z')],
  ])('takes %s', async (_, value, nowMs) => {
    const response = await setNow(value)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { nowMs: number }).nowMs).toBe(nowMs)
    expect(toy.clock.now()).toBe(nowMs)
  })

  it.each([
    ['one millisecond before 1970', '"1969-12-31T23:59:59.999Z"'],
    ['epoch milliseconds before 1970', '-1'],
    ['one second after 9999-12-31T23:59:59Z', '"10000-01-01T00:00:00Z"'],
    ['a time inside an array', '["2026-06-01T00:00:00Z"]'],
  ])('refuses %s', async (_, value) => {
    toy.clock.set(Date.parse('2026-01-01T00:00:00Z'))
    const response = await setNow(value)
    expect(response.status).toBe(400)
    expect(await message(response)).toBe(
      `Failed to move the clock: "now" must be an ISO 8601 time such as "2026-01-01T00:00:00Z" (or epoch milliseconds) between 1970 and 9999, not ${JSON.stringify(JSON.parse(value))}.`,
    )
    expect(toy.clock.now()).toBe(Date.parse('2026-01-01T00:00:00Z'))
  })
})

describe('DELETE /__admin/requests', () => {
  it('empties the journal and answers {requests: []}', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    await toy.app.request('/items/1')
    const response = await toy.app.request('/__admin/requests', { method: 'DELETE' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ requests: [] })
    expect(toy.journal.list({})).toEqual([])
  })
})

describe('the fault routes', () => {
  const toy = createToySimulator({ clock: manualClock() })
  const faults = async () => (await toy.app.request('/__admin/faults')).json()

  it('names "add a fault rule" when the body is not JSON, and adds nothing', async () => {
    const response = await toy.app.request('/__admin/faults', send('{"path":'))
    expect(response.status).toBe(400)
    expect(await message(response)).toBe(
      'Failed to add a fault rule: the admin API takes JSON bodies, and this body is not valid JSON.',
    )
    expect(await faults()).toEqual({ faults: [] })
  })

  it('lists the rules, removes one by id and answers with the rest, then clears them all', async () => {
    toy.faults.clear()
    const added = await toy.app.request(
      '/__admin/faults',
      send('[{"path": "/items/1", "status": 503}, {"path": "/items/2", "status": 429}]'),
    )
    expect(added.status).toBe(201)
    const [first, second] = ((await faults()) as { faults: { id: string }[] }).faults
    expect(await faults()).toEqual({
      faults: [
        { id: first?.id, path: '/items/1', status: 503, hits: 0 },
        { id: second?.id, path: '/items/2', status: 429, hits: 0 },
      ],
    })
    const removed = await toy.app.request(`/__admin/faults/${first?.id}`, { method: 'DELETE' })
    expect(removed.status).toBe(200)
    expect(await removed.json()).toEqual({ faults: [{ id: second?.id, path: '/items/2', status: 429, hits: 0 }] })
    const cleared = await toy.app.request('/__admin/faults', { method: 'DELETE' })
    expect(cleared.status).toBe(200)
    expect(await cleared.json()).toEqual({ faults: [] })
    expect(await faults()).toEqual({ faults: [] })
  })

  it('answers 404 with a sentence that points to the list for an id it does not have', async () => {
    const response = await toy.app.request('/__admin/faults/fault-999', { method: 'DELETE' })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: { message: 'There is no fault rule fault-999; GET /__admin/faults lists them.' },
    })
  })
})

function stateSimulator(state: Partial<VendorState>) {
  return createSimulator({
    name: 'vault',
    document: toyDocument,
    clock: manualClock(),
    routes: new Hono(),
    errorResponse: toyError,
    state: { inspect: () => ({ shown: true }), seed: () => ({}), reset() {}, ...state },
  })
}

describe('GET /__admin/state and ?snapshot', () => {
  const vault = stateSimulator({ snapshot: () => ({ items: [1, 2] }) })

  it.each(['', '?snapshot=0'])('shows the state for "%s", without an attachment', async (query) => {
    const response = await vault.app.request(`/__admin/state${query}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBeNull()
    expect(await response.json()).toEqual({ shown: true })
  })

  it.each(['?snapshot', '?snapshot=1'])('answers "%s" with the snapshot as <name>-snapshot.json', async (query) => {
    const response = await vault.app.request(`/__admin/state${query}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="vault-snapshot.json"')
    expect(await response.json()).toEqual({ items: [1, 2] })
  })

  it('answers 501 with a sentence when the simulator takes no snapshots', async () => {
    const response = await stateSimulator({}).app.request('/__admin/state?snapshot=1')
    expect(response.status).toBe(501)
    expect(await response.json()).toEqual({
      error: {
        message:
          'The vault simulator cannot take a snapshot of its state yet; GET /__admin/state without ?snapshot shows it.',
      },
    })
  })
})

describe('POST /__admin/state', () => {
  it('names "seed the <name> simulator" when the body is not JSON', async () => {
    const response = await stateSimulator({}).app.request('/__admin/state', send('{"items":'))
    expect(response.status).toBe(400)
    expect(await message(response)).toBe(
      'Failed to seed the vault simulator: the admin API takes JSON bodies, and this body is not valid JSON.',
    )
  })

  it.each([
    ['a RangeError', new RangeError('Failed to seed: send items.'), 400],
    ['a TypeError', new TypeError('Failed to seed: items must be a list.'), 400],
    ['any other error', new Error('the vault broke'), 500],
  ])('answers %s from the vendor with %i', async (_, error, status) => {
    const vault = stateSimulator({
      seed: () => {
        throw error
      },
    })
    const response = await vault.app.request('/__admin/state', send('{}'))
    expect(response.status).toBe(status)
    expect(await message(response)).toBe(error.message)
  })
})
