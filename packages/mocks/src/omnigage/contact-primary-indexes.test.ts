import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const names = (answer: { body: { data: { attributes: Record<string, unknown> }[] } }) =>
  answer.body.data.map((contact) => contact.attributes['first-name'])

describe('contacts matched by their primary phone and email', () => {
  it('adds rows without a phone or without an email once the lookups have started, and finds them again', async () => {
    const { importFile, finish, call } = omnigageHarness()
    const settings = { 'unique-primary-phone': true, 'unique-primary-email': true }
    const rows = [
      'First Name,Phone,Email',
      'Ann,+14155550100,ann@example.com',
      'Bo,+14155550101,',
      'Cy,,cy@example.com',
    ]
    await importFile('first.csv', rows.join('\n'), settings)
    finish()
    const first = await call('GET', '/api/v1/contacts')
    expect(names(first)).toEqual(['Ann', 'Bo', 'Cy'])

    // The second import finds Bo by phone and Cy by email, and adds Di.
    await importFile(
      'second.csv',
      'First Name,Phone,Email\nBob,+14155550101,\nCyd,,cy@example.com\nDi,,di@example.com\n',
      settings,
    )
    finish()
    expect(names(await call('GET', '/api/v1/contacts'))).toEqual(['Ann', 'Bob', 'Cyd', 'Di'])
  })
})

describe('GET /api/v1/contacts with an empty filter', () => {
  it('lists the contacts that have no value in that field', async () => {
    const { importFile, finish, call } = omnigageHarness()
    await importFile('people.csv', 'First Name,Company,Phone\nAnn,Acme,+14155550100\nBo,,+14155550101\n')
    finish()
    const answer = await call('GET', '/api/v1/contacts?filter[company]=')
    expect(answer.status).toBe(200)
    expect(names(answer)).toEqual(['Bo'])
    expect(names(await call('GET', '/api/v1/contacts?filter[company]=eq:'))).toEqual(['Bo'])
  })
})

describe('an import matching by primary phone only', () => {
  it('adds a row whose email an existing contact holds, when only unique-primary-phone is on', async () => {
    const { importFile, finish, call } = omnigageHarness()
    await importFile('first.csv', 'First Name,Phone,Email\nAnn,+14155550100,ann@example.com\n')
    finish()
    const second = await importFile('second.csv', 'First Name,Phone,Email\nAnnie,+14155550199,ann@example.com\n', {
      'unique-primary-phone': true,
    })
    finish()
    const done = await call('GET', `/api/v1/import-contacts/${second.body.data.id}`)
    expect(done.body.data.attributes).toMatchObject({ 'count-created': 1, 'count-updated': 0 })
    expect(names(await call('GET', '/api/v1/contacts'))).toEqual(['Ann', 'Annie'])
  })
})

describe('deleting contacts once the primary lookups have started', () => {
  it('deletes one without a phone and one without an email, and later imports still match the rest', async () => {
    const { importFile, finish, call } = omnigageHarness()
    const settings = { 'unique-primary-phone': true, 'unique-primary-email': true }
    await importFile(
      'first.csv',
      'First Name,Phone,Email\nAnn,+14155550100,ann@example.com\nBo,+14155550101,\nCy,,cy@example.com\n',
      settings,
    )
    finish()
    const listed = await call('GET', '/api/v1/contacts')
    const ids = listed.body.data.map((contact: { id: string }) => contact.id)
    const deleted = await call('DELETE', '/api/v1/contacts', {
      body: { data: ids.slice(1).map((id: string) => ({ type: 'contacts', id })) },
    })
    expect(deleted.status).toBe(204)
    await importFile('again.csv', 'First Name,Phone,Email\nAnnie,+14155550100,\nBob,+14155550101,\n', settings)
    finish()
    expect(names(await call('GET', '/api/v1/contacts'))).toEqual(['Annie', 'Bob'])
  })
})
