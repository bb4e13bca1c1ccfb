import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { profileOf } from '../core/dashboard/profile.js'
import { curlRequest } from '../core/testing/curl-example.js'
import { cloudspongeVendor, createCloudSpongeSimulator } from './index.js'
import { authenticate, documentedTenant, secondTenant, type Tenant } from './tenants.js'

const tenants: Tenant[] = [
  { domainKey: 'k', domainPassword: '~~~>' },
  { domainKey: 'q', domainPassword: '???' },
]
const notBasic = {
  kind: 'denied',
  status: 401,
  why: 'the Authorization header is not HTTP Basic credentials of the form domain_key:domain_password',
}

describe('authenticate', () => {
  it('reads Basic credentials whose base64 has +, / and =, with any run of spaces around it', () => {
    // btoa('k:~~~>') is azp+fn4+ and btoa('q:???') is cTo/Pz8=.
    expect(authenticate(`Basic ${btoa('k:~~~>')}`, {}, tenants)).toEqual({ kind: 'ok', caller: tenants[0] })
    expect(authenticate(`Basic   ${btoa('q:???')}  `, {}, tenants)).toEqual({ kind: 'ok', caller: tenants[1] })
    expect(authenticate(`BASIC\t${btoa('q:???')}`, {}, tenants)).toEqual({ kind: 'ok', caller: tenants[1] })
  })

  it('refuses a header that only contains Basic credentials, or whose base64 does not decode', () => {
    for (const header of [
      `XBasic ${btoa('k:~~~>')}`,
      `Basic ${btoa('k:~~~>')} extra`,
      `Basic ${btoa('k:~~~>')}!`,
      'Basic',
      'Basic a',
    ]) {
      expect(authenticate(header, {}, tenants), header).toEqual(notBasic)
    }
  })

  it('takes the parameters when there is no header, and an empty header as none', () => {
    const params = { domain_key: 'k', domain_password: '~~~>' }
    expect(authenticate(undefined, params, tenants)).toEqual({ kind: 'ok', caller: tenants[0] })
    expect(authenticate('', params, tenants)).toEqual({ kind: 'ok', caller: tenants[0] })
    expect(authenticate(null, { domain_key: 'k' }, tenants)).toEqual({
      kind: 'denied',
      status: 401,
      why: 'no domain_key and domain_password were given',
    })
    expect(authenticate(null, { domain_password: '~~~>' }, tenants)).toMatchObject({ kind: 'denied' })
  })

  it('needs the key and the password of the same domain', () => {
    const mismatch = { kind: 'denied', status: 401, why: 'the domain_key and domain_password match no domain' }
    expect(authenticate(null, { domain_key: 'k', domain_password: '???' }, tenants)).toEqual(mismatch)
    expect(authenticate(null, { domain_key: 'q', domain_password: '~~~>' }, tenants)).toEqual(mismatch)
    expect(authenticate(`Basic ${btoa('k:~~~>')}`, {}, [])).toEqual(mismatch)
  })

  it('reads the same header the same way every time it is sent', () => {
    const header = `Basic ${btoa('k:~~~>')}`
    for (let round = 0; round < 3; round++) {
      expect(authenticate(header, {}, tenants)).toEqual({ kind: 'ok', caller: tenants[0] })
      expect(authenticate('Basic a', {}, tenants)).toEqual(notBasic)
    }
  })
})

describe('createCloudSpongeSimulator options', () => {
  it('knows the documented domain and the second test domain by default', () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    expect(sim.inspect()).toMatchObject({
      tenants: [{ domainKey: documentedTenant.domainKey }, { domainKey: secondTenant.domainKey }],
    })
    expect(documentedTenant).toEqual({
      domainKey: '33664218758c5244136965160db455db012b1411',
      domainPassword: 'Tpa01z+vVPE7MxXi',
    })
  })

  it('follows the system clock unless given one', () => {
    const sim = createCloudSpongeSimulator()
    expect(sim.clock.mode).toBe('system')
    expect(Math.abs(sim.clock.now() - Date.now())).toBeLessThan(60_000)
  })

  it('draws the same consent codes for the same seed, 1 by default', async () => {
    const firstCode = async (randomSeed?: number) => {
      const sim = createCloudSpongeSimulator({ clock: manualClock(), randomSeed })
      const answer = await sim.app.request('/begin_import/user_consent.json', {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` },
        body: new URLSearchParams({ service: 'gmail' }),
      })
      return ((await answer.json()) as { url: string }).url
    }
    expect(await firstCode()).toBe(await firstCode(1))
    expect(await firstCode(2)).not.toBe(await firstCode(1))
  })

  it('exposes its import store and answers for the user through decide()', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    expect(sim.imports.list()).toEqual([])
    await sim.app.request('/begin_import/desktop_applet.json', {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` },
      body: new URLSearchParams({ service: 'outlook' }),
    })
    sim.decide(1126, 'approved', 'contacts-9')
    expect(sim.imports.find(1126)?.consent?.decision).toBe('approved')
    sim.clock.advance(4000)
    expect(sim.inspect()).toMatchObject({ imports: [{ phase: 'complete', total: 9 }] })
  })
})

describe('the vendor entry', () => {
  it('names the vendor, its port and base URL, and the documented credentials with their variables', () => {
    expect(cloudspongeVendor).toMatchObject({
      name: 'cloudsponge',
      title: 'CloudSponge',
      defaultPort: 4010,
      baseUrl: 'https://api.cloudsponge.com',
      baseUrlEnv: 'CLOUDSPONGE_BASE_URL',
      credentials: [
        { label: 'domain key', value: documentedTenant.domainKey, env: 'CLOUDSPONGE_DOMAIN_KEY' },
        { label: 'domain password', value: documentedTenant.domainPassword, env: 'CLOUDSPONGE_DOMAIN_PASSWORD' },
      ],
      referenceAuth: {
        basicAuth: { username: documentedTenant.domainKey, password: documentedTenant.domainPassword },
      },
    })
  })

  it('gives example commands that work against the simulator as written, in order', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const statuses: number[] = []
    for (const example of cloudspongeVendor.examples ?? []) {
      const { path, init } = curlRequest(example.command)
      const answer = await sim.app.request(path, init)
      statuses.push(answer.status)
      // "COMPLETE after 4 s on the clock": the contacts are asked for after that.
      sim.clock.advance(4000)
    }
    expect(statuses).toEqual([200, 200, 200])
  })

  it('describes the vendor on the dashboard of a simulator made alone: the magic accounts and the examples', () => {
    const profile = profileOf(createCloudSpongeSimulator({ clock: manualClock() }))
    expect(profile.title).toBe('CloudSponge')
    expect(profile.hints).toEqual(['try: service=icloud username=foo password=bar (the documented account)'])
    // The table users read to find the magic usernames, row for row.
    expect(profile.magicAccounts).toEqual([
      {
        input: 'username foo, password bar',
        result: 'the documented address book: John Doe, Jane Smith (owner Joe Smith)',
      },
      { input: 'username foo, any other password', result: 'ERROR: the sign-in is rejected' },
      { input: 'username wrong-password', result: 'ERROR: the sign-in is rejected (event value 1)' },
      { input: 'username slow', result: '25 contacts, gathered over slowGatherMs (60 s)' },
      { input: 'username contacts-<N>', result: 'N generated contacts (0 to 1,000,000), the same every run' },
      { input: 'any other username', result: '25 generated contacts, the same for the same service and username' },
    ])
    expect(profile.examples?.map((example) => example.title)).toEqual([
      'Begin an import of the documented account (icloud, foo/bar)',
      'Its events (COMPLETE after 4 s on the clock: advance it below)',
      'Its contacts, once complete',
    ])
  })
})
