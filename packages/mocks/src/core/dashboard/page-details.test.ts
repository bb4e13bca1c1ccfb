import { describe, expect, it } from 'vitest'
import { dashboardScript } from '../../generated/dashboard-script.js'
import { manualClock } from '../clock.js'
import { createToySimulator } from '../testing/toy-vendor.js'
import { dashboardPage, scriptJson } from './page.js'
import { peersOf, profileOf } from './profile.js'
import { referencePage } from './reference-page.js'
import { dashboardStyle } from './style.js'

const profile = { title: 'Toy', baseUrl: 'https://toy.example', credentials: [] }

/** The JSON a page embeds in `<script id="…" type="application/json">`. */
function embedded(html: string, id: string): Record<string, unknown> {
  const match = new RegExp(`<script id="${id}" type="application/json">([^<]*)</script>`).exec(html)
  expect(match, `the page embeds #${id}`).not.toBeNull()
  return JSON.parse(match?.[1] ?? 'null') as Record<string, unknown>
}

describe('script-embedded JSON', () => {
  it('escapes the line and paragraph separators that would end a script line in old engines', () => {
    expect(scriptJson({ text: 'a\u2028b\u2029c' })).toBe('{"text":"a\\u2028b\\u2029c"}')
    expect(JSON.parse(scriptJson({ text: 'a\u2028b\u2029c<' }))).toEqual({ text: 'a\u2028b\u2029c<' })
  })
})

describe('the dashboard header', () => {
  const peers = [
    { name: 'toy', title: 'Toy', url: 'http://127.0.0.1:1' },
    { name: 'other', title: 'Other', url: 'http://127.0.0.1:2' },
  ]

  it('links no peers for a simulator alone or alone in its set', () => {
    expect(dashboardPage({ name: 'toy', profile, peers: [] })).not.toContain('class="peers"')
    expect(dashboardPage({ name: 'toy', profile, peers: peers.slice(0, 1) })).not.toContain('class="peers"')
  })

  it('puts nothing between the brand and the live pill but the peers and links it has', () => {
    const html = dashboardPage({ name: 'toy', profile, peers: [] })
    expect(html).toMatch(/<span class="vendor">Toy simulator<\/span><\/div>\s*<span class="spacer"><\/span>/)
    expect(html).toMatch(/<nav class="links">\s*<a data-keep-token href="reference">API reference<\/a>/)
  })

  it('links every simulator of a set, marking only the current one', () => {
    const html = dashboardPage({ name: 'toy', profile, peers })
    expect(html).toContain(
      '<nav class="peers" aria-label="Simulators"><a data-keep-token href="http://127.0.0.1:1/__admin/" class="current" aria-current="page">Toy</a><a data-keep-token href="http://127.0.0.1:2/__admin/">Other</a></nav>',
    )
  })
})

describe('a simulator created alone', () => {
  it('is described by its name, with no base URL, credentials or peers', () => {
    const toy = createToySimulator({ clock: manualClock() })
    expect(profileOf(toy)).toEqual({ title: 'toy', baseUrl: '', credentials: [] })
    expect(peersOf(toy)).toEqual([])
  })
})

describe('the API reference page', () => {
  it('configures the reference to fetch nothing from outside and to prefer the first documented scheme', () => {
    const html = referencePage({
      name: 'toy',
      profile: { ...profile, referenceAuth: { basic: { username: 'u', password: 'p' }, key: { value: 'k' } } },
    })
    expect(embedded(html, 'reference-config')).toEqual({
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: 'never',
      hideClientButton: false,
      documentDownloadType: 'json',
      defaultOpenAllTags: true,
      persistAuth: false,
      authentication: {
        preferredSecurityScheme: 'basic',
        securitySchemes: { basic: { username: 'u', password: 'p' }, key: { value: 'k' } },
      },
      metaData: { title: 'Toy API reference · contactkit' },
    })
  })

  it('names no preferred scheme for a vendor without documented credentials', () => {
    const config = embedded(referencePage({ name: 'toy', profile }), 'reference-config')
    expect(config.authentication).toEqual({ securitySchemes: {} })
  })
})

describe('the dashboard as served', () => {
  it('is a page no cache keeps, that loads nothing from elsewhere, with its style and script inlined', async () => {
    const toy = createToySimulator({ clock: manualClock() })
    const page = await toy.app.request('/__admin/', { headers: { Accept: 'text/html' } })
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; .*connect-src 'self'/)
    const html = await page.text()
    // The style and the script that polls the admin API are there, and not empty.
    expect(dashboardStyle).toMatch(/\.card\s*\{/)
    expect(dashboardScript).toMatch(/fetch\(/)
    expect(html).toContain(`<style>${dashboardStyle}</style>`)
    expect(html).toContain(dashboardScript)
  })
})
