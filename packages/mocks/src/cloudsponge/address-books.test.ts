import { describe, expect, it } from 'vitest'
import { childElements, cloudspongeHarness } from './testing/harness.js'

describe('seeded books in the recorded shape', () => {
  it('writes phones as number, type, primary and owner emails as address, type, primary, in JSON and XML', async () => {
    const { seed, importOf } = cloudspongeHarness()
    const seeded = await seed({
      accounts: [
        {
          service: 'icloud',
          username: 'ann',
          password: 'pw',
          // Written in other orders on purpose: the simulator writes the recorded one.
          owner: {
            email: [
              { primary: true, type: 'account', address: 'owner@example.net' },
              { type: 'personal', address: null },
              { address: 'untyped@example.net' },
            ],
          },
          contacts: [
            {
              first_name: 'Ann',
              phone: [
                { primary: true, type: 'Mobile', number: '5555550100' },
                { type: 'Work', number: '5555550101' },
                { number: '5555550102' },
              ],
            },
          ],
        },
      ],
    })
    expect(seeded.status).toBe(201)
    const { json, xml } = await importOf({ service: 'icloud', username: 'ann' })
    expect(json).toContain(
      '"phone":[{"number":"5555550100","type":"Mobile","primary":true},{"number":"5555550101","type":"Work"},{"number":"5555550102"}]',
    )
    expect(json).toContain(
      '"email":[{"address":"owner@example.net","type":"account","primary":true},{"address":null,"type":"personal"},{"address":"untyped@example.net"}]',
    )
    expect(childElements(xml, 'phone', 4)).toEqual([['number', 'type', 'primary'], ['number', 'type'], ['number']])
    // Depth 3 is the owner's (contacts-owner > email array > email); a contact's emails are at 4.
    expect(childElements(xml, 'email', 3)).toEqual([['address', 'type', 'primary'], ['address', 'type'], ['address']])
  })
})
