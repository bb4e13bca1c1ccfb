import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
import { describe, expect, it } from 'vitest'
import { recordedShapeAccounts } from './recorded-shapes.js'
import { childElements, cloudspongeHarness } from './testing/harness.js'

// The key sequences of the vendor's 2016 traffic (the ruby_*.yml cassettes, the Java applet
// fixture), written out here from the recordings rather than from the simulator, so that the
// spec's example and the simulator's answers are each held to them.
const recorded = {
  // Plaxo and Windows Live contacts (no dob, birthday or job_title known).
  contact: ['first_name', 'last_name', 'phone', 'email', 'address', 'groups', 'companies', 'photos', 'locations'],
  // AOL with dob and birthday known.
  contactWithBirthday: [
    'first_name',
    'last_name',
    'phone',
    'email',
    'address',
    'groups',
    'dob',
    'birthday',
    'companies',
    'job_title',
    'photos',
    'locations',
  ],
  // The Windows Live owner.
  owner: [
    'first_name',
    'last_name',
    'external_id',
    'phone',
    'email',
    'address',
    'groups',
    'companies',
    'photos',
    'locations',
    'owner',
  ],
  address: ['type', 'street', 'city', 'region', 'postal_code', 'country'],
  envelope: ['contacts', 'contacts_owner', 'start', 'count', 'total', 'import_id', 'user_id', 'id', 'echo'],
}

type Page = { contacts: Record<string, unknown>[]; contacts_owner: Record<string, unknown> }

describe('the recorded shapes', () => {
  it("are what the spec's RecordedContacts example shows, key for key", () => {
    const example = (cloudspongeDocument.components?.examples?.RecordedContacts as { value: Page } | undefined)?.value
    expect(Object.keys(example ?? {})).toEqual(recorded.envelope)
    expect(example?.contacts.map((contact) => Object.keys(contact))).toEqual([
      recorded.contactWithBirthday,
      recorded.contact,
    ])
    expect(Object.keys(example?.contacts_owner ?? {})).toEqual(recorded.owner)
    const [address] = (example?.contacts[0]?.address ?? []) as object[]
    expect(Object.keys(address ?? {})).toEqual(recorded.address)
  })

  it('write addresses only with include=mailing_address: an empty array without, keys kept in place', async () => {
    const { sim, importOf } = cloudspongeHarness()
    sim.seed({ accounts: recordedShapeAccounts })
    const withThem = await importOf({
      service: 'aol',
      username: 'aol-mailing-shape',
      password: 'recorded',
      include: true,
    })
    expect(withThem.body.contacts[1].address.map((address: object) => Object.keys(address))).toEqual([
      recorded.address,
      recorded.address,
    ])
    const { sim: again, importOf: importAgain } = cloudspongeHarness()
    again.seed({ accounts: recordedShapeAccounts })
    const without = await importAgain({ service: 'aol', username: 'aol-mailing-shape', password: 'recorded' })
    const contacts = without.body.contacts as Record<string, unknown>[]
    expect(contacts.map((contact) => contact.address)).toEqual([[], []])
    expect(Object.keys(contacts[1] as object)).toEqual(recorded.contactWithBirthday)
    // Two contacts and the owner, each with an empty address array.
    expect(without.xml.match(/<address type="array"\/>/g)).toHaveLength(3)
    expect(childElements(without.xml, 'contact', 2)[1]).toEqual(
      recorded.contactWithBirthday.map((key) => key.replace(/_/g, '-')),
    )
  })

  it('hold the Windows Live owner and contacts to the recorded keys in JSON and XML', async () => {
    const { sim, importOf } = cloudspongeHarness()
    sim.seed({ accounts: recordedShapeAccounts })
    const { body, xml } = await importOf({
      service: 'windowslive',
      username: 'windowslive-shape',
      method: 'user_consent',
    })
    expect(Object.keys(body.contacts_owner)).toEqual(recorded.owner)
    expect(body.contacts.map((contact: object) => Object.keys(contact))).toEqual([recorded.contact, recorded.contact])
    expect(childElements(xml, 'contacts-owner', 1)).toEqual([recorded.owner.map((key) => key.replace(/_/g, '-'))])
  })
})
