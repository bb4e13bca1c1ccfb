import { Hono } from 'hono'
import { adminTokenOf } from '../admin-token.js'
import { healthPath, mountHealth } from '../health.js'
import type { VendorRegistration } from '../registry.js'
import { snapshotSet } from '../set-seed.js'
import { adminPrefix } from '../simulator.js'
import type { SimulatorSet } from '../simulator-set.js'
import { escapeHtml, pageHead } from './page.js'
import { dashboardStyle } from './style.js'

/** What the set's index needs beyond the set: the registry entries, and the token `/__admin` takes. */
export interface SetIndexOptions {
  registrations: readonly VendorRegistration[]
  adminToken?: string
}

/**
 * The index of a whole simulator set, the first URL the CLI prints: every simulator with its
 * dashboard, API reference, spec and credentials, and `/snapshot.json`, the state of every
 * simulator in the format `--seed` reads, and `/__admin/health` (no token needed). Web-standard; the CLI serves it with `serveFetch`.
 *
 * @example
 * const index = createSetIndexApp(set, { registrations: vendors })
 * await index.request('/snapshot.json')
 */
export function createSetIndexApp(set: SimulatorSet, options: SetIndexOptions): Hono {
  const app = new Hono()
  const tokenOf = (url: string) => new URL(url).searchParams.get('admin_token') ?? undefined
  // Before the token check, at the path the simulators use, so one poll loop serves every URL.
  mountHealth(app, 'index', `${adminPrefix}${healthPath}`)
  app.use('*', async (c, next) => {
    if (options.adminToken && adminTokenOf(c) !== options.adminToken) {
      return c.text(
        'These simulators need their admin token: open this page with ?admin_token=<token> (the CLI prints it at start).',
        401,
      )
    }
    await next()
  })
  app.get('/snapshot.json', (c) =>
    c.json(snapshotSet(set), 200, { 'Content-Disposition': 'attachment; filename="contactkit-world.json"' }),
  )
  // Stryker disable next-line StringLiteral: Hono routes "" as "/"
  app.get('/', (c) => {
    const token = tokenOf(c.req.url)
    const withToken = (url: string) => (token ? `${url}?admin_token=${encodeURIComponent(token)}` : url)
    const cardList = set.simulators.map((simulator) => {
      const registration = options.registrations.find((candidate) => candidate.name === simulator.name)
      const url = set.urlOf(simulator.name)
      const credentials = (registration?.credentials ?? [])
        .map(
          (credential) =>
            `<div class="copyline"><span class="what">${escapeHtml(credential.label)}</span><code>${escapeHtml(credential.value)}</code></div>`,
        )
        .join('')
      return `<section class="card">
  <h2>${escapeHtml(registration?.title ?? simulator.name)}</h2>
  <div class="copyline"><span class="what">base URL</span><code>${escapeHtml(url)}</code></div>
  ${credentials}
  <div class="row" style="margin-top:12px">
    <a class="button" href="${escapeHtml(withToken(`${url}/__admin/`))}">Dashboard</a>
    <a class="button" href="${escapeHtml(withToken(`${url}/__admin/reference`))}">API reference</a>
    <a class="button" href="${escapeHtml(`${url}/openapi.json`)}">openapi.json</a>
    <a class="button" href="${escapeHtml(`${url}${adminPrefix}${healthPath}`)}">Health</a>
  </div>
</section>`
    })
    // Stryker disable next-line StringLiteral: whitespace between the cards; the page looks the same
    const cards = cardList.join('\n')
    return c.html(`${pageHead('contactkit simulators', dashboardStyle)}
<body>
<header class="top"><div class="brand"><span class="logo" aria-hidden="true"></span>contactkit <span class="vendor">simulators</span></div><span class="spacer"></span>
<nav class="links"><a href="${escapeHtml(withToken('/snapshot.json'))}" download="contactkit-world.json">Download a snapshot of every simulator</a></nav></header>
<div class="intro"><h1>${set.simulators.length === 1 ? '1 simulator' : `${set.simulators.length} simulators`} on one clock (${escapeHtml(set.clock.mode)})</h1>
<p>Each has a live dashboard (clock, requests, faults, state) and an interactive API reference. Share a prepared world: download the snapshot, then start with <code>contactkit-mocks --seed contactkit-world.json</code>.</p></div>
<div class="sims">${cards}</div>
</body></html>`)
  })
  return app
}
