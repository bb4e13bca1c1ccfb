import { describe, expect, it } from 'vitest'
import { vendors } from '../../../vendors.js'
import { manualClock } from '../../clock.js'
import { seedSet } from '../../set-seed.js'
import { createSimulatorSet } from '../../simulator-set.js'
import { specCaller } from '../spec-caller.js'
import { createRolodexSimulator, rolodexVendor } from './index.js'
import { rolodexDocument } from './spec.js'
import { sandboxAccount } from './tenants.js'

// A fifth vendor built by following docs/adding-a-vendor.md, with the kit alone: if the guide or
// the kit stops being enough, this stops passing. Every answer, refusals included, is checked
// against the vendor's spec by `specCaller`.
function rolodex() {
  const sim = createRolodexSimulator({ clock: manualClock() })
  const call = specCaller({
    app: sim.app,
    document: rolodexDocument,
    authorize: (token) => (token.includes(':') ? `Basic ${btoa(token)}` : `Bearer ${token}`),
    token: sandboxAccount.token,
  })
  return { sim, call }
}

describe('a fifth vendor built with the kit', () => {
  it('creates, lists and reads cards for the caller', async () => {
    const { call } = rolodex()
    const created = await call('POST', '/v1/cards', { body: { name: 'Ann Lee', email: 'ann@example.com' } })
    expect(created).toMatchObject({ status: 201, body: { id: 'c1', name: 'Ann Lee' }, conformance: [] })
    const listed = await call('GET', '/v1/cards?limit=5')
    expect(listed).toMatchObject({ body: { cards: [created.body] }, conformance: [] })
    expect((await call('GET', '/v1/cards/c1')).body).toEqual(created.body)
    expect(await call('GET', '/v1/cards/c9')).toMatchObject({ status: 404, conformance: [] })
  })

  it('takes the account as Bearer or Basic, and refuses anything else with 401 in its own format', async () => {
    const { call } = rolodex()
    const basic = await call('GET', '/v1/cards', { token: `${sandboxAccount.name}:${sandboxAccount.password}` })
    expect(basic.status).toBe(200)
    const refused = await call('GET', '/v1/cards', { token: 'nope' })
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'auth.invalid' } }, conformance: [] })
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="Rolodex"')
    expect((await call('GET', '/v1/cards', { token: null })).body.error.code).toBe('auth.missing')
  })

  it('validates against its spec after the credentials: a 400 naming the field, a 415 for a form', async () => {
    const { call } = rolodex()
    const invalid = await call('POST', '/v1/cards', { body: { name: '' } })
    expect(invalid).toMatchObject({ status: 400, conformance: [] })
    expect(invalid.body.error.message).toContain('body.name')
    const form = await call('POST', '/v1/cards', {
      body: 'name=A',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(form).toMatchObject({ status: 415, conformance: [] })
    expect((await call('GET', '/v1/cards?limit=99')).status).toBe(400)
    // Credentials come first: a bad request without them is a 401, not a 400.
    expect((await call('GET', '/v1/cards?limit=99', { token: 'nope' })).status).toBe(401)
  })

  it('takes a seed its schema allows and refuses others in the one style', async () => {
    const { sim, call } = rolodex()
    sim.seed({ accounts: [{ name: 'bo', password: 'pw', token: 'bo-token', cards: [{ name: 'Cy' }] }] })
    expect((await call('GET', '/v1/cards', { token: 'bo-token' })).body).toEqual({ cards: [{ id: 'c1', name: 'Cy' }] })
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
