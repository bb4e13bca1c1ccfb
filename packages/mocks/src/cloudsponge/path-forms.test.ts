import { describe, expect, it } from 'vitest'
import { documentedTenant } from './tenants.js'
import { cloudspongeHarness } from './testing/harness.js'

// The path forms and credential places that clients in the wild use, all answered as the
// documented ones are.

describe('path forms clients in the wild use', () => {
  it.each(['/events/1126', '/events/1126.json', '/events.json/1126', '/events/1126?_=1460499537'])(
    'serves events at %s as JSON',
    async (path) => {
      const { begin, get } = cloudspongeHarness()
      await begin({ service: 'icloud', username: 'foo', password: 'bar' })
      const response = await get(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(((await response.json()) as { import_id: number }).import_id).toBe(1126)
    },
  )

  it.each(['/events.xml/1126', '/events/1126.xml', '/contacts.xml/1126'])('answers %s in XML', async (path) => {
    const { sim, begin, get } = cloudspongeHarness()
    await begin({ service: 'icloud', username: 'foo', password: 'bar' })
    sim.clock.advance(60_000)
    const response = await get(path)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<(events|contacts)Response>\n/)
  })

  it('begins imports without a suffix, with a trailing slash, and by GET with everything in the query', async () => {
    const { sim, begin } = cloudspongeHarness()
    const plain = await begin({ service: 'PLAXO', username: 'u', password: 'p' }, '/begin_import/import')
    const slash = await begin({ service: 'AOL' }, '/begin_import/user_consent/')
    const query = new URLSearchParams({
      service: 'gmail',
      domain_key: documentedTenant.domainKey,
      domain_password: documentedTenant.domainPassword,
    })
    const viaGet = await sim.app.request(`/begin_import/user_consent.xml?${query}`)
    expect(plain.body).toMatchObject({ status: 'success', import_id: 1126 })
    expect(slash.body).toMatchObject({ status: 'success', import_id: 1127, import_type: 'OAUTH' })
    expect(await viaGet.text()).toContain('<import-id type="integer">1128</import-id>')
  })

  it('takes the domain credentials from the form body as well as from the query', async () => {
    const { begin } = cloudspongeHarness()
    const credentials = { domain_key: documentedTenant.domainKey, domain_password: documentedTenant.domainPassword }
    const { response, body } = await begin(
      { service: 'icloud', username: 'foo', password: 'bar', ...credentials },
      '/begin_import/import.json',
      {},
    )
    expect(response.status).toBe(200)
    expect(body.import_id).toBe(1126)
  })
})
