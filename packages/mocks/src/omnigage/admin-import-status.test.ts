import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

type State = { accounts: { accountKey: string; imports: { status: string; rows: number | null }[] }[] }

describe('the admin state of an import past its timeline', () => {
  it('says processing until a request of its account reads the file, then completed', async () => {
    const { importFile, finish, call, sim } = omnigageHarness()
    await importFile('people.csv', 'First Name,Phone\nAnn,+14155550100\n')
    finish()
    const imports = async () =>
      ((await (await sim.app.request('/__admin/state')).json()) as State).accounts.find(
        (account) => account.accountKey === 'firstbank',
      )?.imports
    expect(await imports()).toEqual([expect.objectContaining({ status: 'processing', rows: null })])
    await call('GET', '/api/v1/contacts')
    expect(await imports()).toEqual([expect.objectContaining({ status: 'completed', rows: 1 })])
  })
})
