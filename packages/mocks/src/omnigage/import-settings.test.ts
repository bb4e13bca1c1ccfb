import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const first = 'First Name,Company,Phone\nAnn,Acme,+14155550100\n'
const again = 'First Name,Company,Phone\nAnn,,+14155550100\n'

async function companyAfter(settings: Record<string, unknown>) {
  const { importFile, finish, call } = omnigageHarness()
  await importFile('first.csv', first)
  finish()
  const created = await importFile('again.csv', again, { 'unique-primary-phone': true, ...settings })
  finish()
  const contacts = await call('GET', '/api/v1/contacts')
  return { created: created.body.data.attributes, company: contacts.body.data[0].attributes.company }
}

describe('an import settings', () => {
  it('keeps values an empty cell leaves out, unless update-pruning is on', async () => {
    const kept = await companyAfter({})
    expect(kept.created['update-pruning']).toBe(false)
    expect(kept.company).toBe('Acme')
    const pruned = await companyAfter({ 'update-pruning': true })
    expect(pruned.created['update-pruning']).toBe(true)
    expect(pruned.company).toBeNull()
  })

  it('echoes enable-preflights as sent, off by default', async () => {
    const { importFile } = omnigageHarness()
    expect((await importFile('a.csv', first)).body.data.attributes['enable-preflights']).toBe(false)
    expect(
      (await importFile('b.csv', first, { 'enable-preflights': true })).body.data.attributes['enable-preflights'],
    ).toBe(true)
  })
})
