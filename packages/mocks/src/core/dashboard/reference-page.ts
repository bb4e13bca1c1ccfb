import { escapeHtml, pageHead, scriptJson } from './page.js'
import type { DashboardProfile } from './profile.js'

/** Where the Node server serves Scalar's standalone bundle, from the installed package. */
export const referenceBundlePath = '/__admin/reference/standalone.js'

/**
 * The interactive API reference of one simulator: Scalar's standalone bundle (served by
 * `serve()` from the installed `@scalar/api-reference`, never from a CDN) rendering the
 * simulator's own `/openapi.json`, with the simulator as its only server and the documented
 * credentials filled in, so "try it" calls the simulator. Fonts, telemetry, the request proxy and
 * the AI agent are off: nothing leaves the machine. Where the bundle is absent (a simulator in a
 * browser tab, or `app.fetch` without `serve()`) the page says so and links the raw spec.
 *
 * @example
 * const html = referencePage({ name: 'cloudsponge', profile: profileOf(sim) })
 */
export function referencePage(input: { name: string; profile: DashboardProfile }): string {
  const auth = input.profile.referenceAuth ?? {}
  const schemes = Object.keys(auth)
  const config = {
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    showDeveloperTools: 'never',
    hideClientButton: false,
    documentDownloadType: 'json',
    defaultOpenAllTags: true,
    persistAuth: false,
    authentication: {
      ...(schemes[0] ? { preferredSecurityScheme: schemes[0] } : {}),
      securitySchemes: auth,
    },
    metaData: { title: `${input.profile.title} API reference · contactkit` },
  }
  return `${pageHead(`${input.profile.title} API reference · contactkit`, referenceStyle)}
<body>
<div class="contactkit-bar"><a id="back" href="./">← ${escapeHtml(input.profile.title)} dashboard</a><span>"Try it" sends requests to this simulator, with the documented credentials filled in.</span></div>
<div id="app"></div>
<script id="reference-config" type="application/json">${scriptJson(config)}</script>
<script>
  (function () {
    var token = new URLSearchParams(location.search).get('admin_token')
    if (token) document.getElementById('back').href = './?admin_token=' + encodeURIComponent(token)
    var script = document.createElement('script')
    script.src = 'reference/standalone.js'
    script.onload = function () {
      var config = JSON.parse(document.getElementById('reference-config').textContent)
      config.url = location.origin + '/openapi.json'
      config.servers = [{ url: location.origin, description: 'this simulator' }]
      window.Scalar.createApiReference('#app', config)
    }
    script.onerror = function () {
      var box = document.createElement('div')
      box.className = 'missing'
      box.innerHTML = '<h1>The API reference is not served here</h1><p>Its bundle (Scalar, from the installed <code>@scalar/api-reference</code> package) is served by the Node server, <code>serve()</code> from <code>@contactkit/mocks/node</code> and the <code>contactkit-mocks</code> CLI. A simulator running in a browser tab or called through <code>app.fetch</code> has no reference; its spec is at <a href="/openapi.json">/openapi.json</a>.</p>'
      document.getElementById('app').replaceWith(box)
    }
    document.body.appendChild(script)
  })()
</script>
</body>
</html>`
}

const referenceStyle = `
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .contactkit-bar { display: flex; gap: 14px; align-items: center; padding: 8px 16px; font-size: 13px; background: #4f46e5; color: #fff; }
  .contactkit-bar a { color: #fff; font-weight: 600; text-decoration: none; }
  .contactkit-bar span { opacity: 0.85; }
  .missing { max-width: 640px; margin: 48px auto; padding: 0 24px; line-height: 1.5; color: #1c2330; }
  :root { --scalar-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
`
