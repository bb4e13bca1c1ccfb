import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

async function failureReason(name: string, header: string[]): Promise<string> {
  const { importFile, call, finish } = omnigageHarness()
  const created = await importFile(name, `${header.join(',')}\n${header.map(() => 'x').join(',')}\n`)
  finish()
  return (await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)).body.data.attributes['failure-reason']
}

describe('the columns named when none reads as a phone or an email', () => {
  it('lists the first ten in full, then how many more', async () => {
    const header = Array.from({ length: 12 }, (_, index) => `c${index}`)
    expect(await failureReason('wide.csv', header)).toBe(
      'No column of "wide.csv" ("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9" and 2 more) is ' +
        'recognised as a phone or an email, so no row could be imported: name one "Phone" or "Email", or send a ' +
        'mapping that maps a column to a phoneN-phone-number or emailN-email-address field.',
    )
  })

  it('cuts a long column name to its first 40 characters', async () => {
    const long = `Notes${'x'.repeat(60)}`
    expect(await failureReason('notes.csv', ['Name', long])).toMatch(
      new RegExp(`^No column of "notes\\.csv" \\("Name", "${long.slice(0, 40)}"\\) is recognised`),
    )
  })
})
