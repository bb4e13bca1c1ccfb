import type { Context, Hono } from 'hono'
import type { Simulator } from '../simulator.js'
import { dashboardPage, escapeHtml } from './page.js'
import { indexUrlOf, peersOf, profileOf } from './profile.js'
import { referencePage } from './reference-page.js'

export { type DashboardPeer, type DashboardProfile, indexUrlOf, peersOf, profileOf } from './profile.js'
export { referenceBundlePath } from './reference-page.js'

const htmlHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // The pages fetch only their own origin; the reference's bundle comes from the same server.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:",
  'X-Content-Type-Options': 'nosniff',
}

/**
 * Adds the dashboard (`/__admin/`, `/__admin` redirects there) and the API reference
 * (`/__admin/reference`) to a simulator's admin app. Both are HTML generated from strings: no file
 * is read at run time, so they work wherever the simulator runs (the reference's bundle excepted).
 *
 * @example
 * mountDashboard(admin, simulator) // before the admin app's catch-all route
 */
export function mountDashboard(admin: Hono, simulator: Simulator): void {
  // Stryker disable next-line StringLiteral: a sub-app takes '' and '/' as the same path
  admin.get('/', (c) => {
    const url = new URL(c.req.url)
    if (!url.pathname.endsWith('/')) {
      // Relative links and fetches of the page resolve under /__admin/ only with the slash.
      return c.redirect(`${url.pathname}/${url.search}`, 308)
    }
    const input = { name: simulator.name, profile: profileOf(simulator), peers: peersOf(simulator) }
    return c.body(dashboardPage({ ...input, indexUrl: indexUrlOf(simulator) }), 200, htmlHeaders)
  })
  admin.get('/reference', (c) =>
    c.body(referencePage({ name: simulator.name, profile: profileOf(simulator) }), 200, htmlHeaders),
  )
}

/** Whether a request comes from a browser asking for a page, not from an API client. */
export function wantsHtml(c: Context): boolean {
  // Stryker disable next-line StringLiteral: a missing Accept reads as any text without "text/html"
  return /\btext\/html\b/.test(c.req.header('accept') ?? '')
}

/**
 * The page a browser gets from `/__admin/` without the admin token: a form that asks for it.
 *
 * @example
 * return c.body(tokenPage(), 401, { 'Content-Type': 'text/html; charset=utf-8' })
 */
export function tokenPage(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Admin token needed · contactkit</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:520px;margin:80px auto;padding:0 24px;color:#1c2330}input{font:inherit;padding:6px 8px;width:100%;box-sizing:border-box;margin:8px 0}button{font:inherit;padding:6px 14px}</style>
</head><body><h1>${escapeHtml(title)}: admin token needed</h1>
<p>This simulator protects its dashboard and admin API with a token. The CLI prints it at start (<code>admin token: …</code>).</p>
<form method="get"><label>Admin token <input name="admin_token" autofocus autocomplete="off"></label><button type="submit">Open the dashboard</button></form>
</body></html>`
}
