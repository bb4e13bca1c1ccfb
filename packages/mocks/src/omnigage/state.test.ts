import { describe, expect, it } from 'vitest'
import { omnigageHarness, sandboxToken } from './testing/harness.js'

const second = 'omnigage-second-key:omnigage-second-secret'

describe('admin seed', () => {
  it('adds contacts to the first account, or to the account named, as the API shows them', async () => {
    const { sim, call } = omnigageHarness()
    const seeded = sim.seed({ contacts: [{ 'first-name': 'Ann', 'email-addresses': ['ANN@example.com'] }] })
    expect(seeded).toMatchObject({ account: 'firstbank', contacts: [expect.any(String)] })
    sim.seed({ account: 'secondbank', contacts: [{ 'last-name': 'Bo' }] })
    const mine = await call('GET', '/api/v1/contacts', { token: sandboxToken })
    expect(mine.body.data.map((contact: { attributes: Record<string, unknown> }) => contact.attributes)).toMatchObject([
      { 'first-name': 'Ann', 'email-addresses': ['ann@example.com'] },
    ])
    expect((await call('GET', '/api/v1/contacts', { token: second })).body.meta.count).toBe(1)
  })

  it('refuses a seed that does not fit, naming each field, in the one seed style', async () => {
    const { sim } = omnigageHarness()
    const cases: [unknown, string][] = [
      [{ contacts: [{ 'first-name': 7 }] }, 'contacts[0].first-name must be a string or null'],
      [
        { contacts: [{ phone: '1' }] },
        'contacts[0] has no field "phone"; it takes first-name, last-name, company, title, phone-numbers, email-addresses',
      ],
      [{ contacts: [{ 'phone-numbers': '+14155550100' }] }, 'contacts[0].phone-numbers must be an array'],
      [{ contacts: [{ 'email-addresses': [5] }] }, 'contacts[0].email-addresses[0] must be a string'],
      [{ account: 5, contacts: [] }, 'account must be a string'],
      [{ contacts: 'Ann' }, 'contacts must be an array'],
      [{ contacts: ['Ann'] }, 'contacts[0] must be an object'],
      [{ account: 'nobank' }, 'there is no account "nobank"; choose from firstbank, secondbank'],
      [{ contacts: [], owner: 'Ann' }, 'the seed must be an object with "account" and "contacts", or a list of those'],
      ['contacts', 'the seed must be an object with "account" and "contacts", or a list of those'],
    ]
    for (const [input, why] of cases) {
      expect(() => sim.seed(input), JSON.stringify(input)).toThrow(`Failed to seed the Omnigage simulator: ${why}.`)
    }
  })

  it('checks every seed of a list before adding any: one bad one and nothing changes', async () => {
    const { sim, call } = omnigageHarness()
    const list = [
      { account: 'firstbank', contacts: [{ 'first-name': 'Ann' }] },
      { account: 'nobank', contacts: [{ 'first-name': 'Bo' }] },
    ]
    expect(() => sim.seed(list)).toThrow('there is no account "nobank"')
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(0)
    const answer = await call('POST', '/__admin/state', { body: [list[0]] })
    expect(answer.status).toBe(201)
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(1)
  })
})
