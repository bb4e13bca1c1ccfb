import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { manualClock } from './clock.js'
import { createSetIndexApp } from './dashboard/set-index.js'
import type { HealthAnswer } from './health.js'
import { createSimulatorSet } from './simulator-set.js'
import { createToySimulator } from './testing/toy-vendor.js'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

afterEach(() => {
  vi.useRealTimers()
})

describe('GET /__admin/health', () => {
  it('answers a simulator with a token to anyone, and the rest of the admin API still wants the token', async () => {
    const toy = createToySimulator({ clock: manualClock(), adminToken: 'secret-token' })
    const health = await toy.app.request('/__admin/health')
    expect(health.status).toBe(200)
    expect(health.headers.get('cache-control')).toBe('no-store')
    const answer = (await health.json()) as HealthAnswer
    expect(answer).toEqual({ status: 'ok', vendor: 'toy', version, uptimeMs: expect.any(Number) })
    expect((await toy.app.request('/__admin/clock')).status).toBe(401)
    expect((await toy.app.request('/__admin/health/extra')).status).toBe(401)
  })

  it('counts uptime on the wall clock, not the simulator clock, which may stand still', async () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    const toy = createToySimulator({ clock: manualClock() })
    vi.advanceTimersByTime(1_500)
    const first = (await (await toy.app.request('/__admin/health')).json()) as HealthAnswer
    expect(first.uptimeMs).toBe(1_500)
    toy.clock.advance(60_000)
    vi.advanceTimersByTime(250)
    const second = (await (await toy.app.request('/__admin/health')).json()) as HealthAnswer
    expect(second.uptimeMs).toBe(1_750)
  })

  it('answers on the index as "index", without the token the index page wants', async () => {
    const set = createSimulatorSet([], { clock: manualClock() })
    const index = createSetIndexApp(set, { registrations: [], adminToken: 'secret-token' })
    expect((await index.request('/')).status).toBe(401)
    const health = await index.request('/__admin/health')
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok', vendor: 'index', version, uptimeMs: expect.any(Number) })
  })
})
