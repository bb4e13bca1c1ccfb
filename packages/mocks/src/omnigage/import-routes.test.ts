import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

describe('a file with no column the automatic mapping reads as a phone or an email', () => {
  it('creates the import, which fails with a reason naming the columns and the fix', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile('names.csv', 'First Name,Notes\nAda,likes tea\n')
    expect(created.status).toBe(201)
    expect(created.body.data.attributes).toMatchObject({ status: 'queued', mapping: ['first-name', null] })
    finish()
    const done = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    expect(done.status).toBe(200)
    expect(done.conformance).toEqual([])
    expect(done.body.data.attributes).toMatchObject({
      status: 'failed',
      'failure-reason':
        'No column of "names.csv" ("First Name", "Notes") is recognised as a phone or an email, so no row ' +
        'could be imported: name one "Phone" or "Email", or send a mapping that maps a column to a ' +
        'phoneN-phone-number or emailN-email-address field.',
      'count-total': 0,
    })
  })

  it('names ten columns at most, so a file of thousands of columns gets a sentence, not a page', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const header = Array.from({ length: 3000 }, (_, index) => `column ${index}`)
    const created = await importFile('wide.csv', `${header.join(',')}\n${header.map(() => 'x').join(',')}\n`)
    finish()
    const done = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    const reason: string = done.body.data.attributes['failure-reason']
    expect(reason).toContain('"column 9" and 2990 more) is recognised')
    expect(reason).not.toContain('column 10"')
    expect(reason.length).toBeLessThan(400)
  })

  it('leaves the account working: later requests are answered, not failed', async () => {
    const { importFile, call, finish } = omnigageHarness()
    await importFile('names.csv', 'First Name\nAda\n')
    finish()
    expect((await call('GET', '/api/v1/contacts')).status).toBe(200)
    const next = await importFile('phones.csv', 'First Name,Phone\nAda,+14155550100\n')
    expect(next.status).toBe(201)
    finish()
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(1)
  })

  it('imports the same file with a mapping that names a phone column', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const created = await importFile('names.csv', 'Name,Reach\nAda,+14155550100\n', {
      mapping: ['first-name', 'phone1-phone-number'],
    })
    finish()
    const done = await call('GET', `/api/v1/import-contacts/${created.body.data.id}`)
    expect(done.body.data.attributes).toMatchObject({ status: 'completed', 'count-created': 1 })
  })
})
