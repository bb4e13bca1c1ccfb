import { createValidator } from '@contactkit/specs/validator'
import { describe, expect, it } from 'vitest'
import { vendors } from '../../../vendors.js'
import { manualClock } from '../../clock.js'
import { seedSet } from '../../set-seed.js'
import { createSimulatorSet } from '../../simulator-set.js'
import { createRolodexSimulator, rolodexVendor } from './index.js'
import { rolodexDocument } from './spec.js'
import { sandboxAccount } from './tenants.js'

// A fifth vendor built by following docs/adding-a-vendor.md, with the kit alone: if the guide or
// the kit stops being enough, this stops passing.
const validator = createValidator(rolodexDocument)
const bearer = { Authorization: `Bearer ${sandboxAccount.token}` }

async function call(
  sim: ReturnType<typeof createRolodexSimulator>,
  operationId: string,
  path: string,
  init: RequestInit = {},
) {
  const answer = await sim.app.request(path, { ...init, headers: { ...bearer, ...init.headers } })
  const body = (await answer.json()) as Record<string, unknown>
  // Every answer, refusals included, is what the spec says the operation answers.
  expect(validator.validateResponse(operationId, answer.status, 'application/json', body)).toEqual([])
  return { status: answer.status, body, headers: answer.headers }
}

describe('a fifth vendor built with the kit', () => {
  it('creates, lists and reads cards for the caller', async () => {
    const sim = createRolodexSimulator({ clock: manualClock() })
    const created = await call(sim, 'createCard', '/v1/cards', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Ann Lee', email: 'ann@example.com' }),
    })
    expect(created).toMatchObject({ status: 201, body: { id: 'c1', name: 'Ann Lee' } })
    expect((await call(sim, 'listCards', '/v1/cards?limit=5')).body).toEqual({ cards: [created.body] })
    expect((await call(sim, 'getCard', '/v1/cards/c1')).body).toEqual(created.body)
    expect((await call(sim, 'getCard', '/v1/cards/c9')).status).toBe(404)
  })

  it('takes the account as Bearer or Basic, and refuses anything else with 401 in its own format', async () => {
    const sim = createRolodexSimulator({ clock: manualClock() })
    const basic = `Basic ${btoa(`${sandboxAccount.name}:${sandboxAccount.password}`)}`
    expect((await call(sim, 'listCards', '/v1/cards', { headers: { Authorization: basic } })).status).toBe(200)
    const refused = await call(sim, 'listCards', '/v1/cards', { headers: { Authorization: 'Bearer nope' } })
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'auth.invalid' } } })
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="Rolodex"')
  })

  it('validates against its spec after the credentials: a 400 naming the field, a 415 for a form', async () => {
    const sim = createRolodexSimulator({ clock: manualClock() })
    const invalid = await call(sim, 'createCard', '/v1/cards', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    })
    expect(invalid.status).toBe(400)
    expect((invalid.body.error as { message: string }).message).toContain('body.name')
    const form = await call(sim, 'createCard', '/v1/cards', {
      method: 'POST',
      body: new URLSearchParams({ name: 'A' }),
    })
    expect(form.status).toBe(415)
    expect((await call(sim, 'listCards', '/v1/cards?limit=99')).status).toBe(400)
  })

  it('takes a seed its schema allows and refuses others in the one style', async () => {
    const sim = createRolodexSimulator({ clock: manualClock() })
    sim.seed({ accounts: [{ name: 'bo', password: 'pw', token: 'bo-token', cards: [{ name: 'Cy' }] }] })
    const bo = await call(sim, 'listCards', '/v1/cards', { headers: { Authorization: 'Bearer bo-token' } })
    expect(bo.body).toEqual({ cards: [{ id: 'c1', name: 'Cy' }] })
    expect(() => sim.seed({ accounts: [{ name: 'di', password: 'pw', token: 'a b', cards: [{}] }] })).toThrow(
      'Failed to seed the Rolodex simulator: accounts[0].token must be a token without spaces; accounts[0].cards[0].name is required.',
    )
  })

  it('joins a simulator set beside the registered vendors with one registry entry, and describes itself', async () => {
    const set = createSimulatorSet([...vendors, rolodexVendor], { clock: manualClock() })
    const rolodex = set.get('rolodex')
    expect(set.urlOf('rolodex')).toBe('http://127.0.0.1:4050')
    expect(rolodex.clock).toBe(set.get('cloudsponge').clock)
    seedSet(set, { rolodex: { accounts: [{ name: 'ed', password: 'pw', token: 'ed-token' }] } })
    expect(rolodex.inspect()).toEqual({
      accounts: [
        { name: 'sandbox', cards: 0 },
        { name: 'ed', cards: 0 },
      ],
    })
    const dashboard = await (await rolodex.app.request('/__admin/')).text()
    expect(dashboard).toContain('Rolodex')
    expect(dashboard).toContain(sandboxAccount.token)
    // Made alone, it describes itself the same way.
    const alone = await (await createRolodexSimulator({ clock: manualClock() }).app.request('/__admin/')).text()
    expect(alone).toContain(sandboxAccount.token)
    // Unknown paths answer in the vendor's format, through the core.
    const missing = await rolodex.app.request('/v2/nothing')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { status: 404 } })
  })
})
