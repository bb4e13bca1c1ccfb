import { describe, expect, it } from 'vitest'
import { manualClock } from './clock.js'
import { createToySimulator } from './testing/toy-vendor.js'

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
