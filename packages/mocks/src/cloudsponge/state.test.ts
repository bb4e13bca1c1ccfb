import { describe, expect, it } from 'vitest'
import { cloudspongeHarness } from './testing/harness.js'

/** The statuses of begin_import and of the contacts in JSON and XML, for ann's icloud book. */
async function importStatuses(harness: ReturnType<typeof cloudspongeHarness>) {
  return (await harness.importOf({ service: 'icloud', username: 'ann', include: true })).statuses
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
      const harness = cloudspongeHarness()
      const answer = await harness.seed(account({ contacts: [{ first_name: 'Ann' }, fields] }))
      const field = Object.keys(fields)[0]
      expect(answer.status, field).toBe(400)
      expect(answer.body.error?.message).toMatch(message)
      expect(answer.body.error?.message).toMatch(
        /^Failed to seed the CloudSponge simulator: account ann: contacts\[1\]/,
      )
      expect(answer.body.error?.message).toMatch(/send an array with .+ per entry, or leave it out\.$/)
      expect(harness.sim.inspect()).toMatchObject({ accounts: [] })
      // With the seed refused, "ann" is an ordinary generated book: every step answers.
      expect(await importStatuses(harness)).toEqual([200, 200, 200])
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
      const { sim, seed } = cloudspongeHarness()
      const answer = await seed(input)
      expect(answer.status).toBe(400)
      expect(answer.body.error?.message).toMatch(message)
      expect(sim.inspect()).toMatchObject({ accounts: [] })
    }
  })

  it('takes null arrays and null entries, as the recordings have them, and writes them in both formats', async () => {
    const harness = cloudspongeHarness()
    const { sim, seed } = harness
    const contact = { first_name: 'Ann', phone: null, email: [null], address: [null], companies: [null], photos: [1] }
    expect((await seed(account({ contacts: [contact], owner: { email: null } }))).status).toBe(201)
    expect(sim.inspect()).toMatchObject({ accounts: [{ username: 'ann', contacts: 1 }] })
    expect(await importStatuses(harness)).toEqual([200, 200, 200])
  })
})
