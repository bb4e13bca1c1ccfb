import { describe, expect, it } from 'vitest'
import { manualClock } from '../clock.js'
import { defineVendor } from '../registry.js'
import { seedSet, snapshotSet } from '../set-seed.js'
import type { SimulatorOptions } from '../simulator.js'
import { createSimulatorSet } from '../simulator-set.js'
import { createNotesSimulator } from '../testing/notes-vendor.js'
import { createToySimulator } from '../testing/toy-vendor.js'
import { createSetIndexApp } from './set-index.js'

// Markup in a title and a credential: the index must show it as text, never as HTML.
const alpha = defineVendor({
  name: 'alpha',
  title: 'Alpha <Notes>',
  defaultPort: 4921,
  baseUrl: 'https://api.alpha.example',
  baseUrlEnv: 'ALPHA_BASE_URL',
  credentials: [{ label: 'api "key"', value: '<k&1>' }],
  create: (options: SimulatorOptions) => createNotesSimulator('alpha', options),
})
const beta = defineVendor({
  name: 'beta',
  title: 'Beta',
  defaultPort: 4922,
  baseUrl: 'https://api.beta.example',
  baseUrlEnv: 'BETA_BASE_URL',
  credentials: [
    { label: 'username', value: 'beta-user' },
    { label: 'password', value: 'beta-pass' },
  ],
  create: (options: SimulatorOptions) => createNotesSimulator('beta', options),
})
// No snapshot, and (below) left out of the index's registrations: the index falls back to its name.
const gamma = defineVendor({
  name: 'gamma',
  title: 'Gamma Title',
  defaultPort: 4923,
  baseUrl: 'https://api.gamma.example',
  baseUrlEnv: 'GAMMA_BASE_URL',
  credentials: [{ label: 'gamma label', value: 'gamma-value' }],
  create: (options: SimulatorOptions) => Object.assign(createToySimulator(options), { name: 'gamma' }),
})

/** A set of the three, served at known URLs; the index knows the registrations of alpha and beta only. */
function newIndex(adminToken?: string) {
  const set = createSimulatorSet([alpha, beta, gamma], {
    clock: manualClock('2026-01-01T00:00:00Z'),
    publicUrls: { gamma: 'https://mocks.example.com/gamma/' },
  })
  set.setUrl('alpha', 'http://127.0.0.1:5001')
  const index = createSetIndexApp(set, { registrations: [alpha, beta], adminToken })
  return { set, index }
}

/** The card of one simulator on the index page, found by its heading. */
function cardOf(page: string, heading: string): string {
  const card = page.split('<section class="card">').find((part) => part.includes(`<h2>${heading}</h2>`))
  if (card === undefined) {
    throw new Error(`no card headed ${heading} on the page`)
  }
  return card.slice(0, card.indexOf('</section>'))
}

const needsToken =
  'These simulators need their admin token: open this page with ?admin_token=<token> (the CLI prints it at start).'

describe('the index of a simulator set', () => {
  it('is an HTML page counting the simulators and naming the clock they share', async () => {
    const response = await newIndex().index.request('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toContain('<h1>3 simulators on one clock (manual)</h1>')
  })

  it('names a system clock as such, and counts only the simulators the set was built with', async () => {
    const set = createSimulatorSet([alpha, beta, gamma], { only: ['beta'] })
    const page = await (await createSetIndexApp(set, { registrations: [alpha, beta, gamma] }).request('/')).text()
    expect(page).toContain('<h1>1 simulator on one clock (system)</h1>')
    expect(page).toContain('<h2>Beta</h2>')
    expect(page).not.toContain('Gamma Title')
  })

  it('has a card per simulator, in the order of the set, titled as registered', async () => {
    const page = await (await newIndex().index.request('/')).text()
    const headings = [...page.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1])
    // Gamma has no registration in the index's list, so its card says its name.
    expect(headings).toEqual(['Alpha &lt;Notes&gt;', 'Beta', 'gamma'])
  })

  it("shows each simulator's base URL: served, default port, or public URL", async () => {
    const page = await (await newIndex().index.request('/')).text()
    const baseUrl = (url: string) => `<span class="what">base URL</span><code>${url}</code>`
    expect(cardOf(page, 'Alpha &lt;Notes&gt;')).toContain(baseUrl('http://127.0.0.1:5001'))
    expect(cardOf(page, 'Beta')).toContain(baseUrl('http://127.0.0.1:4922'))
    expect(cardOf(page, 'gamma')).toContain(baseUrl('https://mocks.example.com/gamma'))
  })

  it('links each simulator to its dashboard, API reference, spec and health', async () => {
    const page = await (await newIndex().index.request('/')).text()
    const card = cardOf(page, 'Alpha &lt;Notes&gt;')
    expect(card).toContain('<a class="button" href="http://127.0.0.1:5001/__admin/">Dashboard</a>')
    expect(card).toContain('<a class="button" href="http://127.0.0.1:5001/__admin/reference">API reference</a>')
    expect(card).toContain('<a class="button" href="http://127.0.0.1:5001/openapi.json">openapi.json</a>')
    expect(card).toContain('<a class="button" href="http://127.0.0.1:5001/__admin/health">Health</a>')
    expect(cardOf(page, 'gamma')).toContain('href="https://mocks.example.com/gamma/__admin/"')
  })

  it("lists each simulator's credentials, label and value, one line each", async () => {
    const page = await (await newIndex().index.request('/')).text()
    expect(cardOf(page, 'Beta')).toContain(
      '<div class="copyline"><span class="what">username</span><code>beta-user</code></div>' +
        '<div class="copyline"><span class="what">password</span><code>beta-pass</code></div>',
    )
  })

  it('shows titles and credentials as text, escaping their HTML', async () => {
    const page = await (await newIndex().index.request('/')).text()
    expect(cardOf(page, 'Alpha &lt;Notes&gt;')).toContain(
      '<div class="copyline"><span class="what">api &quot;key&quot;</span><code>&lt;k&amp;1&gt;</code></div>',
    )
    expect(page).not.toContain('<Notes>')
    expect(page).not.toContain('<k&1>')
  })

  it('shows a simulator without a registration by its name, with no credentials', async () => {
    const card = cardOf(await (await newIndex().index.request('/')).text(), 'gamma')
    expect(card).not.toContain('Gamma Title')
    expect(card).not.toContain('gamma-value')
    // The base URL is its only line to copy.
    expect(card.match(/class="copyline"/g)).toHaveLength(1)
  })

  it('links a download of the snapshot of every simulator', async () => {
    const page = await (await newIndex().index.request('/')).text()
    expect(page).toContain(
      '<a href="/snapshot.json" download="contactkit-world.json">Download a snapshot of every simulator</a>',
    )
  })

  it('serves /snapshot.json: every snapshot of the set, as a file to download', async () => {
    const { set, index } = newIndex()
    seedSet(set, { alpha: { notes: ['a1'] }, beta: { notes: ['b1', 'b2'] } })
    const response = await index.request('/snapshot.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="contactkit-world.json"')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual({ alpha: { notes: ['a1'] }, beta: { notes: ['b1', 'b2'] } })
    expect(body).toEqual(snapshotSet(set))
  })

  it('needs no token when the set has none, and keeps one given in the query on its links', async () => {
    const page = await newIndex().index.request('/?admin_token=anything')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('href="http://127.0.0.1:5001/__admin/?admin_token=anything"')
  })
})

describe('the index of a set with an admin token', () => {
  // `&` and a space: the links must carry the token URL-encoded, or the query would break apart.
  const token = 'se&cret token'
  const query = `?admin_token=${encodeURIComponent(token)}`

  it('refuses a request without the token with a 401 saying how to open the page', async () => {
    const { index } = newIndex(token)
    for (const path of ['/', '/snapshot.json']) {
      const response = await index.request(path)
      expect(response.status).toBe(401)
      expect(await response.text()).toBe(needsToken)
    }
  })

  it('refuses a wrong token, in the query or as a bearer token', async () => {
    const { index } = newIndex(token)
    const wrongQuery = await index.request('/?admin_token=guess')
    expect(wrongQuery.status).toBe(401)
    expect(await wrongQuery.text()).toBe(needsToken)
    const wrongBearer = await index.request('/', { headers: { Authorization: 'Bearer guess' } })
    expect(wrongBearer.status).toBe(401)
    // Only the Bearer scheme carries the token.
    const basic = await index.request('/', { headers: { Authorization: `Basic ${token}` } })
    expect(basic.status).toBe(401)
  })

  it('opens with the token wherever the admin API takes it: a bearer token or its own header', async () => {
    const { index } = newIndex(token)
    expect((await index.request('/snapshot.json', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200)
    expect((await index.request('/', { headers: { 'X-Contactkit-Admin-Token': token } })).status).toBe(200)
    expect((await index.request('/', { headers: { Authorization: `Basic Bearer ${token}` } })).status).toBe(401)
  })

  it('opens with ?admin_token= and carries the token, encoded, on its dashboard and reference links', async () => {
    const response = await newIndex(token).index.request(`/${query}`)
    expect(response.status).toBe(200)
    const page = await response.text()
    const card = cardOf(page, 'Alpha &lt;Notes&gt;')
    expect(card).toContain(`href="http://127.0.0.1:5001/__admin/?admin_token=se%26cret%20token"`)
    expect(card).toContain(`href="http://127.0.0.1:5001/__admin/reference?admin_token=se%26cret%20token"`)
    expect(page).toContain('href="/snapshot.json?admin_token=se%26cret%20token"')
  })

  it('never puts the token on the openapi.json link, which needs none', async () => {
    const page = await (await newIndex(token).index.request(`/${query}`)).text()
    expect(cardOf(page, 'Alpha &lt;Notes&gt;')).toContain('href="http://127.0.0.1:5001/openapi.json"')
    expect(page).not.toContain('openapi.json?')
  })

  it('serves /snapshot.json with the token in the query', async () => {
    const response = await newIndex(token).index.request(`/snapshot.json${query}`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ alpha: { notes: [] }, beta: { notes: [] } })
  })

  it('accepts the token as a bearer token, in any case and after several spaces', async () => {
    const { index } = newIndex(token)
    for (const authorization of [`Bearer ${token}`, `bearer ${token}`, `BEARER   ${token}`]) {
      const response = await index.request('/', { headers: { Authorization: authorization } })
      expect(response.status, authorization).toBe(200)
    }
  })

  it('puts no token on its links when it came as a header: a secret sent in a header stays out of the page', async () => {
    const page = await (
      await newIndex(token).index.request('/', { headers: { Authorization: `Bearer ${token}` } })
    ).text()
    expect(page).toContain('href="http://127.0.0.1:5001/__admin/"')
    expect(page).toContain('href="/snapshot.json"')
    expect(page).not.toContain('admin_token')
  })
})
