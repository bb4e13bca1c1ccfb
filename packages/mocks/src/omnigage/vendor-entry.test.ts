import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { profileOf } from '../core/dashboard/profile.js'
import { curlRequest } from '../core/testing/curl-example.js'
import { createOmnigageSimulator, omnigageVendor } from './index.js'

describe('the Omnigage entry of the vendor registry', () => {
  it('names the vendor on the dashboard', () => {
    expect(profileOf(createOmnigageSimulator({ clock: manualClock() })).title).toBe('Omnigage')
  })

  // The contract suites read these names to reach the real API: OMNIGAGE_BASE_URL and the three
  // credentials (see packages/contract-tests/README.md).
  it('names its port, address and the environment variables of the real API', () => {
    expect(omnigageVendor).toMatchObject({
      name: 'omnigage',
      defaultPort: 4030,
      baseUrl: 'https://api.omnigage.io',
      baseUrlEnv: 'OMNIGAGE_BASE_URL',
    })
    expect(omnigageVendor.credentials.map((credential) => [credential.label, credential.env])).toEqual([
      ['token key', 'OMNIGAGE_TOKEN_KEY'],
      ['token secret', 'OMNIGAGE_TOKEN_SECRET'],
      ['account key', 'OMNIGAGE_ACCOUNT_KEY'],
    ])
  })

  it('gives example commands that work against the simulator as written, in order', async () => {
    const sim = createOmnigageSimulator({ clock: manualClock() })
    const answers: [number, unknown][] = []
    for (const example of omnigageVendor.examples ?? []) {
      const { path, init } = curlRequest(example.command)
      const answer = await sim.app.request(path, init)
      const json = await answer.json()
      answers.push([answer.status, json.data.type ?? json])
    }
    expect(answers).toEqual([
      [201, 'uploads'],
      // A new account holds no contacts until an import adds some.
      [200, { data: [], links: {}, meta: { count: 0 } }],
    ])
  })

  it("fills the API reference's try-it with the sandbox token, under the spec's own scheme", async () => {
    const sim = createOmnigageSimulator({ clock: manualClock() })
    const spec = await (await sim.app.request('/openapi.json')).json()
    const schemes = Object.entries(profileOf(sim).referenceAuth ?? {})
    expect(schemes).toHaveLength(1)
    const [scheme, { username, password }] = schemes[0] ?? ['', {}]
    expect(spec.components.securitySchemes[scheme]).toMatchObject({ type: 'http', scheme: 'basic' })
    const answer = await sim.app.request('/api/v1/contacts', {
      headers: { Authorization: `Basic ${btoa(`${username}:${password}`)}` },
    })
    expect(answer.status).toBe(200)
  })

  it('describes the vendor on the dashboard: where to post the file, and the magic accounts', () => {
    const profile = profileOf(createOmnigageSimulator({ clock: manualClock() }))
    expect(profile.hints).toEqual([
      'upload forms point at the S3 simulator of the same set; post the file there, then POST /api/v1/import-contacts',
    ])
    expect(profile.magicAccounts).toEqual([
      {
        input: 'Basic omnigage-sandbox-key:omnigage-sandbox-secret',
        result: 'account firstbank (X-Account-Key optional)',
      },
      {
        input: 'Basic omnigage-second-key:omnigage-second-secret',
        result: "account secondbank: sees none of firstbank's data",
      },
      { input: 'X-Account-Key of another account', result: '403' },
    ])
    expect(profile.examples?.map((example) => example.title)).toEqual([
      'Create an upload (the S3 form for a file)',
      'List contacts',
    ])
  })
})
