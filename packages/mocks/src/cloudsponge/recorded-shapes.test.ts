import { describe, expect, it } from 'vitest'
import { recordedShapeAccounts } from './recorded-shapes.js'
import { findService } from './services.js'
import { cloudspongeHarness, type ImportInput } from './testing/harness.js'

describe('recordedShapeAccounts', () => {
  it("sit under the service of the recording each imitates, reached through that service's flow", () => {
    expect(recordedShapeAccounts.map((account) => `${account.username} ${account.service}`)).toEqual([
      'plaxo-shape plaxo',
      'windowslive-shape windowslive',
      'aol-mailing-shape aol',
      'applet-shape outlook',
      'applet-shape addressbook',
    ])
  })

  it('answer each flow a user would take for them with the seeded contacts, not a generated book', async () => {
    const flows: ImportInput[] = [
      { service: 'plaxo', username: 'plaxo-shape' },
      // The Windows Live recording is a consent import: approved as the account on the consent page.
      { service: 'windowslive', username: 'windowslive-shape', method: 'user_consent' },
      { service: 'aol', username: 'aol-mailing-shape', include: true },
      { service: 'aol', username: 'aol-mailing-shape', method: 'user_consent', include: true },
      { service: 'outlook', username: 'applet-shape', method: 'desktop_applet' },
      { service: 'addressbook', username: 'applet-shape', method: 'desktop_applet' },
    ]
    for (const flow of flows) {
      const account = recordedShapeAccounts.find((candidate) => candidate.username === flow.username)
      const { sim, importOf } = cloudspongeHarness()
      sim.seed({ accounts: recordedShapeAccounts })
      const where = `${flow.username} by ${flow.method ?? 'import'} at ${flow.service}`
      expect(findService(flow.service, flow.method ?? 'import'), where).toMatchObject({ code: expect.any(String) })
      const { statuses, body } = await importOf({ ...flow, password: 'recorded' })
      expect(statuses, where).toEqual([200, 200, 200])
      expect(
        body.contacts.map((contact: { first_name: string }) => contact.first_name),
        where,
      ).toEqual(account?.contacts.map((contact) => contact.first_name))
      expect(body.contacts_owner.email[0].address, where).toBe(account?.owner?.email?.[0]?.address)
    }
  })
})
