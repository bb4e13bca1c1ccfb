import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

describe('an import of many rows', () => {
  it('lets other work run while it reads the file, not only before and after', async () => {
    const { importFile, finish, call, sim } = omnigageHarness()
    const total = 40_000
    await importFile('long.csv', `First Name,Phone\n${'Ann,+14155550100\n'.repeat(total)}`)
    finish()
    const account = sim.accounts.all()[0]
    if (!account) {
      throw new Error('the sandbox account should be there')
    }
    // Timers that note how many contacts there are whenever the event loop lets them run.
    const seen: number[] = []
    let probing = true
    const probe = () => {
      seen.push(account.contacts.size)
      if (probing) {
        setTimeout(probe, 0)
      }
    }
    setTimeout(probe, 0)
    expect((await call('GET', '/api/v1/contacts?page[limit]=1')).body.meta).toEqual({ count: total })
    probing = false
    expect(seen.some((size) => size > 0 && size < total)).toBe(true)
  })
})
