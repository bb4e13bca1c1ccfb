import { describe, expect, it } from 'vitest'
import { createAurinkoSimulator } from '../../aurinko/index.js'
import { createCloudSpongeSimulator } from '../../cloudsponge/index.js'
import { vendors } from '../../vendors.js'
import { manualClock } from '../clock.js'
import { serve } from '../serve.js'
import { createSimulatorSet } from '../simulator-set.js'
import { createToySimulator } from '../testing/toy-vendor.js'
import { escapeHtml, scriptJson } from './page.js'

const html = { Accept: 'text/html,application/xhtml+xml' }

describe('the dashboard', () => {
  it('is an HTML page at /__admin/, and /__admin redirects there keeping the query', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const page = await sim.app.request('/__admin/', { headers: html })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const text = await page.text()
    expect(text).toContain('CloudSponge simulator')
    expect(text).toContain('33664218758c5244136965160db455db012b1411')
    expect(text).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/)
    const bare = await sim.app.request('/__admin?admin_token=x', { headers: html })
    expect(bare.status).toBe(308)
    expect(bare.headers.get('location')).toBe('/__admin/?admin_token=x')
  })

  it('links the health answer, which a browser can open without the token', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock(), adminToken: 't' })
    const text = await (await sim.app.request('/__admin/?admin_token=t', { headers: html })).text()
    const href = /<a href="([^"]+)"[^>]*>Health<\/a>/.exec(text)?.[1]
    const target = new URL(href ?? 'missing', 'http://localhost/__admin/')
    const health = await sim.app.request(target.pathname, { headers: html })
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', vendor: 'cloudsponge' })
  })

  it('answers a browser at / with a redirect to the dashboard, and an API client with the vendor 404', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const browser = await sim.app.request('/?admin_token=t', { headers: html })
    expect(browser.status).toBe(302)
    expect(browser.headers.get('location')).toBe('/__admin/?admin_token=t')
    const client = await sim.app.request('/', { headers: { Accept: 'application/json' } })
    expect(client.status).toBe(404)
  })

  it('is protected by the admin token: a browser without it gets a form asking for it, with it the page', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock(), adminToken: 'secret-token' })
    const denied = await sim.app.request('/__admin/', { headers: html })
    expect(denied.status).toBe(401)
    expect(await denied.text()).toContain('name="admin_token"')
    const api = await sim.app.request('/__admin/clock')
    expect(api.status).toBe(401)
    expect(await api.json()).toMatchObject({ error: { message: expect.stringContaining('admin token') } })
    const page = await sim.app.request('/__admin/?admin_token=secret-token', { headers: html })
    expect(page.status).toBe(200)
    const reference = await sim.app.request('/__admin/reference?admin_token=secret-token', { headers: html })
    expect(reference.status).toBe(200)
  })

  it('describes each vendor of a set and links the others', async () => {
    const set = createSimulatorSet(vendors, { clock: manualClock(), only: ['cloudsponge', 'aurinko'] })
    set.setUrl('cloudsponge', 'http://127.0.0.1:4010')
    set.setUrl('aurinko', 'http://127.0.0.1:4020')
    const text = await (await set.get('aurinko').app.request('/__admin/', { headers: html })).text()
    expect(text).toContain('Aurinko simulator')
    expect(text).toContain('aurinko-sandbox-token')
    expect(text).toContain('href="http://127.0.0.1:4010/__admin/"')
    expect(text).toContain('aria-current="page"')
  })

  it('shows a simulator created alone by its name, from the core alone', async () => {
    const sim = createToySimulator()
    const text = await (await sim.app.request('/__admin/', { headers: html })).text()
    expect(text).toContain(`${sim.name} simulator`)
  })

  it('serves the API reference page with the simulator as its server and the documented credentials', async () => {
    const sim = createAurinkoSimulator({ clock: manualClock() })
    const text = await (await sim.app.request('/__admin/reference', { headers: html })).text()
    expect(text).toContain('reference/standalone.js')
    expect(text).toContain('"withDefaultFonts":false')
    expect(text).toContain('"telemetry":false')
    expect(text).toContain('"AccountToken":{"token":"aurinko-sandbox-token"}')
    expect(text).not.toContain('cdn.jsdelivr')
  })

  it('keeps the admin API in JSON', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const clock = await sim.app.request('/__admin/clock', { headers: html })
    expect(clock.headers.get('content-type')).toMatch(/json/)
  })
})

describe('snapshots', () => {
  it('CloudSponge: seeded domains and accounts come back as a seed that rebuilds them', async () => {
    const one = createCloudSpongeSimulator({ clock: manualClock() })
    one.seed({
      tenants: [{ domainKey: 'k3', domainPassword: 'p3' }],
      accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ first_name: 'Bo' }] }],
    })
    const snapshot = await (await one.app.request('/__admin/state?snapshot=1')).json()
    expect(snapshot).toMatchObject({ tenants: [{ domainKey: 'k3' }], accounts: [{ username: 'ann' }] })
    const two = createCloudSpongeSimulator({ clock: manualClock() })
    two.seed(snapshot)
    expect(two.snapshot()).toEqual(snapshot)
    expect(two.inspect()).toEqual(one.inspect())
  })

  it('Aurinko: seeded apps and accounts, with their books as changed since', async () => {
    const one = createAurinkoSimulator({ clock: manualClock() })
    one.seed({
      apps: [{ clientId: 'app2', clientSecret: 's2' }],
      accounts: [
        { accountId: 3001, accessToken: 't3001', clientId: 'app2', contacts: 3 },
        { accountId: 3002, accessToken: 't3002', contacts: 100_000 },
      ],
    })
    one.providerEdit({ accountId: 3001, create: [{ name: { givenName: 'Ann' } }] })
    const snapshot = one.snapshot() as { accounts: { contacts: unknown }[] }
    expect(snapshot).toMatchObject({ apps: [{ clientId: 'app2', clientSecret: 's2' }] })
    expect(snapshot.accounts[0]?.contacts).toHaveLength(4)
    expect(snapshot.accounts[1]?.contacts).toBe(100_000)
    const two = createAurinkoSimulator({ clock: manualClock() })
    two.seed(JSON.parse(JSON.stringify(snapshot)))
    expect(two.snapshot()).toEqual(snapshot)
    expect((two.inspect() as { accounts: { contacts: number }[] }).accounts.map((a) => a.contacts)).toEqual([
      25, 5, 4, 100_000,
    ])
  })

  it('a vendor without snapshots answers 501 with a sentence', async () => {
    const sim = createToySimulator()
    const answer = await sim.app.request('/__admin/state?snapshot=1')
    expect(answer.status).toBe(501)
  })
})

describe('page helpers', () => {
  it('escape HTML and script-embedded JSON', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    expect(scriptJson({ text: '</script><b>' })).toBe('{"text":"\\u003c/script>\\u003cb>"}')
  })
})

describe('the API reference over HTTP', () => {
  it('loads the bundle its page asks for from the Node server', async () => {
    const server = await serve(createToySimulator(), { port: 0 })
    try {
      const page = `${server.url}/__admin/reference`
      const text = await (await fetch(page, { headers: html })).text()
      const src = /script\.src = '([^']+)'/.exec(text)?.[1]
      expect(src).toBeDefined()
      const bundle = await fetch(new URL(src as string, page))
      expect(bundle.status).toBe(200)
      expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000)
    } finally {
      await server.close()
    }
  })
})
