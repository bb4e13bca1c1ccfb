import { describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { createToySimulator } from './testing/toy-vendor.js'

const send = (body: string) => ({ method: 'POST', body, headers: { 'Content-Type': 'application/json' } })

async function refusal(response: Response): Promise<string> {
  expect(response.status).toBe(400)
  return ((await response.json()) as { error: { message: string } }).error.message
}

describe('the admin API refuses bad input with a 400 and a sentence', () => {
  const toy = createToySimulator({ clock: manualClock('2026-01-01T00:00:00Z') })
  const admin = (path: string, init?: RequestInit) => toy.app.request(`/__admin${path}`, init)

  it.each([
    ['invalid JSON', '{"advanceMs":', /this body is not valid JSON/],
    ['an unknown field', '{"advanceMs": 5, "speed": 2}', /unknown field "speed"/],
    ['both fields', '{"advanceMs": 5, "now": "2026-01-02T00:00:00Z"}', /exactly one of/],
    ['neither field', '{}', /exactly one of/],
    ['a negative advanceMs', '{"advanceMs": -1}', /"advanceMs" must be a number of milliseconds from 0/],
    ['a huge advanceMs', '{"advanceMs": 1e300}', /from 0 to 315360000000 \(ten years\)/],
    ['advanceMs as a string', '{"advanceMs": "5"}', /"advanceMs" must be a number/],
    ['a bad ISO time', '{"now": "yesterday"}', /"now" must be an ISO 8601 time/],
    ['a time past year 9999', '{"now": 1e20}', /"now" must be an ISO 8601 time/],
    ['an array', '[1]', /send a JSON object/],
  ])('on the clock: %s', async (_, body, message) => {
    expect(await refusal(await admin('/clock', send(body)))).toMatch(message)
    // And the clock did not move.
    expect(toy.clock.now()).toBe(Date.parse('2026-01-01T00:00:00Z'))
  })

  it.each([
    ['a bad glob', { path: 'events', status: 500 }, /"path" must be a string starting with "\/"/],
    ['a glob with "***"', { path: '/a/***', status: 500 }, /three or more "\*"/],
    ['a glob with a query', { path: '/a?x=1', status: 500 }, /matches the path alone/],
    ['an unknown field', { path: '/a', status: 500, statusCode: 1 }, /unknown field "statusCode"/],
    ['a bad status', { path: '/a', status: 700 }, /"status" 700 must be a whole number from 200 to 599/],
    ['a bad probability', { path: '/a', status: 500, probability: '1' }, /"probability" must be a number/],
    ['a bad method', { path: '/a', status: 500, method: 'GET /x' }, /"method" must be an HTTP method/],
    ['headers that are not strings', { path: '/a', status: 500, headers: { a: 1 } }, /"headers" must be/],
  ])('on faults: %s', async (_, rule, message) => {
    expect(await refusal(await admin('/faults', send(JSON.stringify(rule))))).toMatch(message)
  })

  it('adds no rule of a list when one of them is bad', async () => {
    const response = await admin('/faults', send(JSON.stringify([{ path: '/a', status: 500 }, { path: 'b' }])))
    await refusal(response)
    expect(toy.faults.list()).toEqual([])
  })

  it('on the journal: a bad status or limit filter', async () => {
    expect(await refusal(await admin('/requests?status=abc'))).toMatch(
      /"status" must be a whole number from 100 to 599/,
    )
    expect(await refusal(await admin('/requests?limit=0'))).toMatch(/"limit" must be a whole number from 1/)
  })

  it.each([
    ['invalid JSON', '{', /not valid JSON/],
    ['a seed the vendor cannot take', '{"things": []}', /Failed to seed the toy: send \{"items": \[\.\.\.\]\}/],
  ])('on state: %s', async (_, body, message) => {
    expect(await refusal(await admin('/state', send(body)))).toMatch(message)
  })

  it('names an admin endpoint that does not exist', async () => {
    const response = await admin('/clocks')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: { message: expect.stringContaining('There is no admin endpoint GET /__admin/clocks') },
    })
  })
})

describe('the admin API at work', () => {
  it('moves the clock, lists and removes faults, seeds, inspects and resets', async () => {
    const toy = createToySimulator({ clock: manualClock('2026-01-01T00:00:00Z') })
    const admin = (path: string, init?: RequestInit) => toy.app.request(`/__admin${path}`, init)
    const moved = await admin('/clock', send('{"advanceMs": 90000}'))
    expect(await moved.json()).toEqual({ mode: 'manual', now: '2026-01-01T00:01:30.000Z', nowMs: 1767225690000 })
    await admin('/clock', send('{"now": "2027-02-03T04:05:06Z"}'))
    expect(new Date(toy.clock.now()).toISOString()).toBe('2027-02-03T04:05:06.000Z')

    const added = (await (await admin('/faults', send('{"path": "/items/*", "status": 503, "times": 1}'))).json()) as {
      faults: { id: string }[]
    }
    const id = added.faults[0]?.id
    expect((await toy.app.request('/items/1')).status).toBe(503)
    expect((await toy.app.request('/items/1')).status).toBe(200)
    expect((await admin(`/faults/${id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await admin(`/faults/${id}`, { method: 'DELETE' })).status).toBe(404)

    expect((await admin('/state', send('{"items": [1, 2]}'))).status).toBe(201)
    expect(await (await admin('/state')).json()).toEqual({ seeded: [1, 2], uploads: [] })
    await admin('/reset', { method: 'POST' })
    expect(await (await admin('/state')).json()).toEqual({ seeded: [], uploads: [] })
    expect(toy.journal.size).toBe(0)
    // Reset keeps the clock where it was.
    expect(new Date(toy.clock.now()).toISOString()).toBe('2027-02-03T04:05:06.000Z')
  })

  it('is neither journaled nor hit by faults', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    toy.faults.add({ path: '/**', status: 500 })
    expect((await toy.app.request('/__admin/clock')).status).toBe(200)
    expect(toy.journal.size).toBe(0)
  })
})

describe('the admin token', () => {
  const toy = createToySimulator({ clock: manualClock(), adminToken: 's3cret' })

  it('is required when set, in any of its three forms', async () => {
    const refused = await toy.app.request('/__admin/clock')
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('admin token')
    expect((await toy.app.request('/__admin/clock', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401)
    expect((await toy.app.request('/__admin/clock', { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200)
    expect(
      (await toy.app.request('/__admin/clock', { headers: { 'X-Contactkit-Admin-Token': 's3cret' } })).status,
    ).toBe(200)
    expect((await toy.app.request('/__admin/clock?admin_token=s3cret')).status).toBe(200)
  })

  it('does not guard the vendor API itself', async () => {
    expect((await toy.app.request('/items/1')).status).toBe(200)
  })
})
