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
    for (const fields of [{ email: 'ann@example.com' }, { address: { city: 'Bend' } }, { photos: true }]) {
      const harness = cloudspongeHarness()
      const answer = await harness.seed(account({ contacts: [{ first_name: 'Ann' }, fields] }))
      const field = Object.keys(fields)[0]
      expect(answer.status, field).toBe(400)
      expect(answer.body.error?.message).toBe(
        `Failed to seed the CloudSponge simulator: accounts[0].contacts[1].${field} must be an array or null.`,
      )
      expect(harness.sim.inspect()).toMatchObject({ accounts: [] })
      // With the seed refused, "ann" is an ordinary generated book: every step answers.
      expect(await importStatuses(harness)).toEqual([200, 200, 200])
    }
  })

  it('refuses entries of the wrong kind inside those arrays, and an owner that is not a contact', async () => {
    const cases: [object, string][] = [
      [
        account({ contacts: [{ email: ['ann@example.com'] }] }),
        'accounts[0].contacts[0].email[0] must be an object or null',
      ],
      [account({ contacts: [{ phone: [null, [1]] }] }), 'accounts[0].contacts[0].phone[1] must be an object or null'],
      [account({ contacts: [{ companies: [{}] }] }), 'accounts[0].contacts[0].companies[0] must be a string or null'],
      [account({ owner: { email: 'owner@example.com' } }), 'accounts[0].owner.email must be an array or null'],
      [account({ owner: 'Ann' }), 'accounts[0].owner must be an object or null'],
      [{ accounts: { username: 'ann' } }, 'accounts must be an array'],
    ]
    for (const [input, why] of cases) {
      const { sim, seed } = cloudspongeHarness()
      const answer = await seed(input)
      expect(answer.status).toBe(400)
      expect(answer.body.error?.message).toBe(`Failed to seed the CloudSponge simulator: ${why}.`)
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
