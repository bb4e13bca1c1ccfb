import { dashboardScript } from '../../generated/dashboard-script.js'
import type { DashboardPeer, DashboardProfile } from './profile.js'
import { dashboardStyle } from './style.js'

/** What the dashboard page of one simulator is made from. */
export interface DashboardPageInput {
  /** The simulator's vendor name, e.g. `cloudsponge`. */
  name: string
  profile: DashboardProfile
  /** The simulators of its set, itself included; empty for a simulator created alone. */
  peers: DashboardPeer[]
  /** The set's index page, when the CLI serves one. */
  indexUrl?: string
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char)
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** JSON safe inside a `<script type="application/json">`: no `</script>` can close it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/**
 * The dashboard of one simulator: a whole HTML page (style and script inlined, nothing fetched
 * but the simulator's own admin API), served at `/__admin/`.
 *
 * @example
 * const html = dashboardPage({ name: 'cloudsponge', profile: profileOf(sim), peers: [] })
 */
export function dashboardPage(input: DashboardPageInput): string {
  const { profile } = input
  const title = `${profile.title} simulator`
  const peers = input.peers.length > 1 ? input.peers : []
  const peerLinks = peers
    .map(
      (peer) =>
        `<a data-keep-token href="${escapeHtml(`${peer.url}/__admin/`)}"${peer.name === input.name ? ' class="current" aria-current="page"' : ''}>${escapeHtml(peer.title)}</a>`,
    )
    .join('')
  const config = { name: input.name, profile }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} · contactkit</title>
<style>${dashboardStyle}</style>
</head>
<body>
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true"></span>contactkit <span class="vendor">${escapeHtml(title)}</span></div>
  ${peerLinks ? `<nav class="peers" aria-label="Simulators">${peerLinks}</nav>` : ''}
  <span class="spacer"></span>
  <span id="live" class="pill">connecting</span>
  <nav class="links">
    ${input.indexUrl ? `<a data-keep-token href="${escapeHtml(input.indexUrl)}">All simulators</a>` : ''}
    <a data-keep-token href="reference">API reference</a>
    <a href="/openapi.json">openapi.json</a>
    <a data-keep-token href="state?snapshot=1" download="${escapeHtml(input.name)}-snapshot.json">Snapshot</a>
  </nav>
</header>
<main>
  <section class="card span-2" aria-labelledby="connect-title">
    <h2 id="connect-title">Connect</h2>
    <div id="connect-body"></div>
  </section>
  <section class="card" aria-labelledby="clock-title">
    <h2 id="clock-title">Clock <span id="clock-mode"></span></h2>
    <div id="clock-now" class="clock-now">…</div>
    <div class="muted">Shared by every simulator of the set. Imports, syncs and expiries follow it.</div>
    <div class="row" style="margin-top:12px">
      <button type="button" data-advance="1000">+1 s</button>
      <button type="button" data-advance="5000">+5 s</button>
      <button type="button" data-advance="60000">+1 min</button>
      <button type="button" data-advance="300000">+5 min</button>
      <button type="button" data-advance="3600000">+1 h</button>
    </div>
    <form id="clock-form" class="row">
      <input id="clock-set" name="now" aria-label="Set the clock to (ISO 8601)" placeholder="2026-01-01T00:00:00Z" style="flex:1">
      <button type="submit">Set time</button>
    </form>
    <div id="clock-error" class="error" role="alert"></div>
  </section>
  <section class="card span-3" aria-labelledby="state-title">
    <h2 id="state-title">${escapeHtml(profile.title)} state <span class="actions"><button id="state-reset" type="button" class="danger">Reset simulator</button></span></h2>
    <div id="state-body"><div class="empty">Loading…</div></div>
  </section>
  <section class="card span-2" aria-labelledby="journal-title">
    <h2 id="journal-title">Requests <span class="muted" style="text-transform:none;letter-spacing:0;font-weight:400">newest first; click a row for details</span><span class="actions"><button id="journal-clear" type="button">Clear</button></span></h2>
    <div class="scroll">
      <table class="journal">
        <thead><tr><th>time</th><th>method</th><th>path</th><th>status</th><th>duration</th><th>fault</th></tr></thead>
        <tbody id="journal-body"></tbody>
      </table>
    </div>
  </section>
  <section class="card" aria-labelledby="faults-title">
    <h2 id="faults-title">Fault rules <span class="actions"><button id="faults-clear" type="button" class="danger">Remove all</button></span></h2>
    <form id="fault-form" class="form-grid">
      <label>method<select name="method"><option value="">any</option><option>GET</option><option>POST</option><option>PUT</option><option>PATCH</option><option>DELETE</option></select></label>
      <label>path glob<input name="path" required placeholder="/events/*" value="/**"></label>
      <label>status<input name="status" type="number" min="100" max="599" value="503"></label>
      <label>delay (ms)<input name="delayMs" type="number" min="0" max="60000" placeholder="0"></label>
      <label>times<input name="times" type="number" min="1" placeholder="every time"></label>
      <label>probability<input name="probability" type="number" min="0" max="1" step="0.05" placeholder="1"></label>
      <div class="wide row"><button type="submit" class="primary">Add fault rule</button></div>
    </form>
    <div id="fault-error" class="error" role="alert"></div>
    <div id="faults-body"></div>
  </section>
</main>
<div id="toast" class="toast" role="status" aria-live="polite"></div>
<script id="dashboard-config" type="application/json">${scriptJson(config)}</script>
<script>${dashboardScript}</script>
</body>
</html>`
}
