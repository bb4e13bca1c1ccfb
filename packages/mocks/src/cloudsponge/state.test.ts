import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { createCloudSpongeSimulator } from './index.js'
import { documentedTenant } from './tenants.js'

const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }

function harness() {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
  const seed = async (body: unknown) => {
    const response = await sim.app.request('/__admin/state', { method: 'POST', body: JSON.stringify(body) })
    return { status: response.status, body: (await response.json()) as { error?: { message: string } } }
  }
  /** A whole username/password import, from begin to the first page of contacts in both formats. */
  const importOf = async (username: string, include: boolean) => {
    const fields: Record<string, string> = { service: 'icloud', username, password: 'pw' }
    const body = new URLSearchParams(include ? { ...fields, include: 'mailing_address' } : fields)
    const begun = await sim.app.request('/begin_import/import.json', { method: 'POST', headers: auth, body })
    const { import_id } = (await begun.clone().json()) as { import_id: number }
    sim.clock.advance(60_000)
    const json = await sim.app.request(`/contacts/${import_id}.json`, { headers: auth })
    const xml = await sim.app.request(`/contacts/${import_id}.xml`, { headers: auth })
    return [begun.status, json.status, xml.status]
  }
  return { sim, seed, importOf }
}

const account = (fields: { contacts?: unknown[]; owner?: unknown }) => ({
  accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [], ...fields }],
})

describe('seeding accounts', () => {
  it('refuses a contact array field that is not an array with a 400 naming the field, and seeds nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ email: 'ann@example.com' }, /contacts\[1\]: "email" is a string \("ann@example\.com"\), not an array/],
      [{ address: { city: 'Bend' } }, /contacts\[1\]: "address" is an object, not an array/],
      [{ phone: 5550100 }, /contacts\[1\]: "phone" is a number \(5550100\), not an array/],
      [{ groups: 'friends' }, /"groups" is a string/],
      [{ companies: { name: 'Acme' } }, /"companies" is an object/],
      [{ photos: true }, /"photos" is a boolean \(true\)/],
      [{ locations: 'here' }, /"locations" is a string/],
    ]
    for (const [fields, message] of cases) {
      const { sim, seed, importOf } = harness()
      const answer = await seed(account({ contacts: [{ first_name: 'Ann' }, fields] }))
      const field = Object.keys(fields)[0]
      expect(answer.status, field).toBe(400)
      expect(answer.body.error?.message).toMatch(message)
      expect(answer.body.error?.message).toMatch(
        /^Failed to seed the CloudSponge simulator: account ann: contacts\[1\]/,
      )
      expect(answer.body.error?.message).toMatch(/send an array with .+ per entry, or leave it out\.$/)
      expect(sim.inspect()).toMatchObject({ accounts: [] })
      // With the seed refused, "ann" is an ordinary generated book: every step answers.
      expect(await importOf('ann', true)).toEqual([200, 200, 200])
    }
  })

  it('refuses entries of the wrong kind inside those arrays, and an owner that is not a contact', async () => {
    const cases: [object, RegExp][] = [
      [
        account({ contacts: [{ email: ['ann@example.com'] }] }),
        /contacts\[0\]: "email"\[0\] is a string .+ email object or null\.$/,
      ],
      [
        account({ contacts: [{ phone: [null, [1]] }] }),
        /contacts\[0\]: "phone"\[1\] is an array; .+ phone object or null\.$/,
      ],
      [account({ contacts: [{ address: [7] }] }), /"address"\[0\] is a number \(7\); .+ mailing address object/],
      [
        account({ contacts: [{ companies: [{}] }] }),
        /"companies"\[0\] is an object; each entry must be a string or null\.$/,
      ],
      [account({ owner: { email: 'owner@example.com' } }), /account ann: the owner: "email" is a string/],
      [account({ owner: 'Ann' }), /account ann: "owner" must be a contact object, or null/],
      [account({ contacts: [['Ann']] }), /account ann needs "contacts", an array of contact objects\./],
      [{ accounts: { username: 'ann' } }, /: "accounts" must be an array\.$/],
    ]
    for (const [input, message] of cases) {
      const { sim, seed } = harness()
      const answer = await seed(input)
      expect(answer.status).toBe(400)
      expect(answer.body.error?.message).toMatch(message)
      expect(sim.inspect()).toMatchObject({ accounts: [] })
    }
  })

  it('takes null arrays and null entries, as the recordings have them, and writes them in both formats', async () => {
    const { sim, seed, importOf } = harness()
    const contact = { first_name: 'Ann', phone: null, email: [null], address: [null], companies: [null], photos: [1] }
    expect((await seed(account({ contacts: [contact], owner: { email: null } }))).status).toBe(201)
    expect(sim.inspect()).toMatchObject({ accounts: [{ username: 'ann', contacts: 1 }] })
    expect(await importOf('ann', true)).toEqual([200, 200, 200])
  })
})
