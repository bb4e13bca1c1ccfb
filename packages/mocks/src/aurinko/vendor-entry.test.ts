import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { profileOf } from '../core/dashboard/profile.js'
import { curlRequest } from '../core/testing/curl-example.js'
import { aurinkoVendor, createAurinkoSimulator } from './index.js'

describe('the Aurinko entry of the vendor registry', () => {
  it('gives example commands that work against the simulator as written, in order', async () => {
    const sim = createAurinkoSimulator({ clock: manualClock() })
    const answers: [number, unknown][] = []
    for (const example of aurinkoVendor.examples ?? []) {
      const { path, init } = curlRequest(example.command)
      const answer = await sim.app.request(path, init)
      const json = await answer.json()
      answers.push([answer.status, json.ready ?? json.records?.length ?? json.record?.name?.displayName])
    }
    expect(answers).toEqual([
      [200, true],
      [200, 5],
      [201, 'Ann Lee'],
    ])
  })

  it('describes the vendor on the dashboard: its credentials, magic accounts and examples', () => {
    const profile = profileOf(createAurinkoSimulator({ clock: manualClock() }))
    expect(profile.title).toBe('Aurinko')
    expect(profile.hints).toEqual([
      'try: POST /v1/contacts/sync?awaitReady=true with Authorization: Bearer aurinko-sandbox-token',
      'app credentials: aurinko-sandbox-client-id:aurinko-sandbox-client-secret with X-Aurinko-Account-Id: 1001',
    ])
    expect(profile.magicAccounts).toEqual([
      {
        input: 'Bearer aurinko-sandbox-token',
        result: "account 1001: the vendor's example contact (Sam Black) and 24 generated contacts",
      },
      { input: 'Bearer aurinko-second-token', result: 'account 1002: 5 generated contacts' },
      {
        input: 'Basic aurinko-sandbox-client-id:aurinko-sandbox-client-secret + X-Aurinko-Account-Id',
        result: 'the app: reaches the account named in the header',
      },
      { input: 'a seeded account with tokenDead: true', result: '401 token.dead' },
    ])
    expect(profile.examples?.map((example) => example.title)).toEqual([
      'Start a sync, ready at once (awaitReady)',
      'List contacts',
      'Create a contact',
    ])
  })

  it('names its port, address, credentials and reference sign-in', () => {
    expect(aurinkoVendor).toMatchObject({
      name: 'aurinko',
      defaultPort: 4020,
      baseUrl: 'https://api.aurinko.io',
      baseUrlEnv: 'AURINKO_BASE_URL',
      credentials: [{ label: 'account token', value: 'aurinko-sandbox-token', env: 'AURINKO_ACCESS_TOKEN' }],
      referenceAuth: { AccountToken: { token: 'aurinko-sandbox-token' } },
      fidelity: { credentials: { bearer: 'account token', defaultScheme: 'bearer' } },
    })
  })
})
