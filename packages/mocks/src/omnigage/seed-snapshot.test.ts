import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

describe('Omnigage seed and snapshot', () => {
  it('seeds an account without contacts as adding none', () => {
    const { sim } = omnigageHarness()
    expect(sim.seed({ account: 'secondbank' })).toEqual({ account: 'secondbank', contacts: [] })
    expect(sim.accounts.byAccountKey('secondbank')?.contacts.size).toBe(0)
  })

  it('snapshots each account with its contacts under the API names, which a fresh simulator seeds back', async () => {
    const { sim, importFile, finish } = omnigageHarness()
    sim.seed({
      account: 'secondbank',
      contacts: [
        { 'first-name': 'Ann', title: 'CTO', 'email-addresses': ['ANN@example.com'] },
        { 'last-name': 'Diaz', 'phone-numbers': ['+14155550109'] },
      ],
    })
    await importFile('people.csv', 'First Name,Last Name,Company,Phone\nBo,Lee,Acme,+14155550101\n')
    finish()
    // The import is settled by the next request of its account.
    await sim.app.request('/api/v1/contacts', {
      headers: { Authorization: `Basic ${btoa('omnigage-sandbox-key:omnigage-sandbox-secret')}` },
    })
    const snapshot = sim.snapshot()
    expect(snapshot).toEqual([
      {
        account: 'firstbank',
        contacts: [
          {
            'first-name': 'Bo',
            'last-name': 'Lee',
            company: 'Acme',
            title: null,
            'phone-numbers': ['+14155550101'],
            'email-addresses': [],
          },
        ],
      },
      {
        account: 'secondbank',
        contacts: [
          {
            'first-name': 'Ann',
            'last-name': null,
            company: null,
            title: 'CTO',
            'phone-numbers': [],
            'email-addresses': ['ann@example.com'],
          },
          {
            'first-name': null,
            'last-name': 'Diaz',
            company: null,
            title: null,
            'phone-numbers': ['+14155550109'],
            'email-addresses': [],
          },
        ],
      },
    ])
    const fresh = omnigageHarness().sim
    fresh.seed(snapshot)
    expect(fresh.snapshot()).toEqual(snapshot)
  })
})
