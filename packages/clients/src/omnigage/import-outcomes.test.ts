import { describe, expect, it } from 'vitest'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { testUpload } from '../testing/omnigage-upload.js'
import { createOmnigageClient, type ImportContact } from './client.js'
import { ImportFailedError } from './import-flow.js'

// What importFile answers when Omnigage leaves something out: a failure without a reason, a
// refused row without its values or error, an import that made no contact.

function importWith(attributes: Record<string, unknown>): ImportContact {
  return {
    type: 'import-contacts',
    id: 'imp-1',
    attributes: {
      status: 'completed',
      'count-created': 0,
      'count-updated': 0,
      'count-erred': 0,
      'count-total': 0,
      'count-resolved': 0,
      'count-skipped': 0,
      ...attributes,
    },
    relationships: {},
  } as unknown as ImportContact
}

/** An Omnigage and its S3 that create import imp-1 as `created` and list `results` for it. */
function omnigage(created: ImportContact, results: object[] = []) {
  const fake = fakeFetch((request) => {
    const url = new URL(request.url)
    if (url.host === 'bucket.s3.test') {
      return new Response(null, { status: 204 })
    }
    if (url.pathname === '/api/v1/uploads') {
      return json(201, {
        data: testUpload({ formData: [] }),
      })
    }
    if (url.pathname.endsWith('/results')) {
      return json(200, { data: results, meta: { count: results.length }, links: {} })
    }
    return json(201, { data: created })
  })
  const client = createOmnigageClient({
    tokenKey: 'k',
    tokenSecret: 's',
    fetch: fake.fetch,
    sleep: instantSleep().sleep,
  })
  return { client, fake }
}

const csv = new File(['First Name\nAda\n'], 'contacts.csv')

describe('importFile when Omnigage leaves things out', () => {
  it('says no reason was given for a failure without one', async () => {
    const { client } = omnigage(importWith({ status: 'failed' }))
    const error = await client.importFile(csv).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImportFailedError)
    expect((error as Error).message).toBe(
      'Import imp-1 failed: no reason given. Fix the file (a CSV or XLSX with a header row) and import it again.',
    )
  })

  it('gives a refused row without values or an error empty values and "No reason given."', async () => {
    const { client } = omnigage(importWith({ 'count-erred': 1, 'count-total': 1 }), [
      { type: 'import-contact-results', id: 'r-1', attributes: { row: 2, status: 'erred' }, relationships: {} },
    ])
    const imported = await client.importFile(csv)
    const errors = []
    for await (const refused of imported.errors) {
      errors.push(refused)
    }
    expect(errors).toEqual([{ row: 2, values: [], error: 'No reason given.' }])
  })

  it('reads no results for an import that made no contact', async () => {
    const { client, fake } = omnigage(importWith({ 'count-skipped': 1, 'count-total': 1 }))
    const imported = await client.importFile(csv)
    const contacts = []
    for await (const made of imported.contacts) {
      contacts.push(made)
    }
    expect(contacts).toEqual([])
    expect(fake.requests.filter((sent) => sent.url.pathname.endsWith('/results'))).toEqual([])
  })

  it('asks only for updated rows when no row was created', async () => {
    const { client, fake } = omnigage(importWith({ 'count-updated': 1, 'count-total': 1 }), [row(2, 'updated', 'c-2')])
    const imported = await client.importFile(csv)
    const contacts = []
    for await (const made of imported.contacts) {
      contacts.push(made)
    }
    expect(contacts).toEqual([{ id: 'c-2', row: 2, status: 'updated' }])
    const asked = fake.requests.filter((sent) => sent.url.pathname.endsWith('/results'))
    expect(asked.map((sent) => sent.url.searchParams.get('filter[status]'))).toEqual(['updated'])
  })

  it('gives contacts only for created or updated rows that name one', async () => {
    const { client } = omnigage(importWith({ 'count-created': 2, 'count-updated': 1, 'count-total': 4 }), [
      row(1, 'created', 'c-1'),
      row(2, 'created'),
      row(3, 'skipped', 'c-3'),
      row(4, 'updated', 'c-4'),
    ])
    const imported = await client.importFile(csv)
    const contacts = []
    for await (const made of imported.contacts) {
      contacts.push(made)
    }
    expect(contacts).toEqual([
      { id: 'c-1', row: 1, status: 'created' },
      { id: 'c-4', row: 4, status: 'updated' },
    ])
  })
})

function row(number: number, status: string, contactId?: string) {
  return {
    type: 'import-contact-results',
    id: `r-${number}`,
    attributes: { row: number, status, values: [], error: null },
    relationships: { contact: { data: contactId === undefined ? null : { type: 'contacts', id: contactId } } },
  }
}
