import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PollTimeoutError } from '../core/errors.js'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep, sleepUntilAborted } from '../testing/fake-sleep.js'
import { testUpload } from '../testing/omnigage-upload.js'
import { createOmnigageClient, type ImportContact, type ImportContactResult, type ImportStatus } from './client.js'
import { UnsupportedFileError } from './file-source.js'
import { ImportFailedError, type ImportProgress, ImportTimeoutError } from './import-flow.js'

// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent literally
const formKey = 'uploads/x/${filename}'

const importId = 'rgpAPfNsdJf2Rkcwv2gVEM'
const csv = 'First Name,Phone Number\nSampson,14076341732\nBad,x\nVictor,14076341733\n'

function importAt(status: ImportStatus, counts: Partial<Record<string, number>> = {}, reason?: string): ImportContact {
  const count = (name: string) => counts[name] ?? 0
  return {
    type: 'import-contacts',
    id: importId,
    attributes: {
      status,
      'unique-primary-email': false,
      'unique-primary-phone': true,
      'update-pruning': false,
      'enable-preflights': false,
      header: ['First Name', 'Phone Number'],
      mapping: ['first-name', 'phone1-phone-number'],
      sample: ['Sampson', '14076341732'],
      'count-created': count('created'),
      'count-updated': count('updated'),
      'count-erred': count('erred'),
      'count-total': count('total'),
      'count-resolved': count('resolved'),
      'count-skipped': count('skipped'),
      ...(reason === undefined ? {} : { 'failure-reason': reason }),
      'created-at': '2020-02-28T20:44:47.940610+00:00',
      'updated-at': '2020-02-28T20:44:47.940616+00:00',
    },
    relationships: {
      'created-by': { data: null },
      'updated-by': { data: null },
      list: { data: null },
      results: { links: { related: `https://api.omnigage.io/api/v1/import-contacts/${importId}/results` } },
      'original-file': { data: null },
      'errors-file': { data: null },
    },
  }
}

const result = (
  row: number,
  status: ImportContactResult['attributes']['status'],
  contactId?: string,
): ImportContactResult => ({
  type: 'import-contact-results',
  id: `r${row}`,
  attributes: {
    row,
    status,
    values: ['v', String(row)],
    error: status === 'erred' ? 'Invalid phone number specified' : null,
  },
  relationships: { contact: { data: contactId ? { type: 'contacts', id: contactId } : null } },
})

const done = importAt('completed', { created: 1, updated: 1, erred: 1, total: 3, resolved: 1 })
const allResults = [result(1, 'created', 'contactA'), result(2, 'erred'), result(3, 'updated', 'contactB')]

/** An Omnigage and its S3: uploads, the form post, the import playing `timeline`, and one-row pages of results. */
function omnigageWith(
  timeline: ImportContact[],
  options: { sleep?: (ms: number, signal?: AbortSignal) => Promise<void> } = {},
) {
  let reads = 0
  const { sleep, waits } = instantSleep()
  const fake = fakeFetch((request) => {
    const url = new URL(request.url)
    if (url.host === 'bucket.s3.test') {
      return new Response(null, { status: 204 })
    }
    if (url.pathname === '/api/v1/uploads') {
      return json(201, {
        data: testUpload({ id: 'Q843fc2UoJf4B5CrQxQ6Cd', formData: [{ key: formKey }] }),
      })
    }
    if (url.pathname === '/api/v1/import-contacts' && request.method === 'POST') {
      return json(201, { data: importAt('queued') })
    }
    if (url.pathname.endsWith('/results')) {
      const status = url.searchParams.get('filter[status]')
      const offset = Number(url.searchParams.get('page[offset]') ?? 0)
      const matching = allResults.filter((found) => status === null || found.attributes.status === status)
      return json(200, { data: matching.slice(offset, offset + 1), meta: { count: matching.length }, links: {} })
    }
    return json(200, { data: timeline[Math.min(reads++, timeline.length - 1)] })
  })
  const client = createOmnigageClient({
    tokenKey: 'key',
    tokenSecret: 'secret',
    fetch: fake.fetch,
    sleep: options.sleep ?? sleep,
  })
  const paths = () =>
    fake.requests.map(
      (sent) => `${sent.method} ${sent.url.host === 'bucket.s3.test' ? 'S3' : sent.url.pathname}${sent.url.search}`,
    )
  return { client, fake, waits, paths }
}

let directory: string | undefined
afterEach(async () => {
  if (directory) {
    await rm(directory, { recursive: true, force: true })
    directory = undefined
  }
})

describe('importFile', () => {
  it('uploads, posts to S3, creates the import and waits, reporting each phase', async () => {
    const { client, fake, waits, paths } = omnigageWith([
      importAt('queued'),
      importAt('processing', { total: 3 }),
      done,
    ])
    const phases: Array<[ImportProgress['phase'], ImportStatus | undefined]> = []
    const imported = await client.importFile(new File([csv], 'contacts.csv'), {
      uniquePrimaryPhone: true,
      onProgress: (progress) => phases.push([progress.phase, progress.import?.attributes.status]),
    })
    expect(phases).toEqual([
      ['uploading', undefined],
      ['queued', 'queued'],
      ['queued', 'queued'],
      ['processing', 'processing'],
      ['completed', 'completed'],
    ])
    expect(paths()).toEqual([
      'POST /api/v1/uploads',
      'POST S3',
      'POST /api/v1/import-contacts',
      `GET /api/v1/import-contacts/${importId}`,
      `GET /api/v1/import-contacts/${importId}`,
      `GET /api/v1/import-contacts/${importId}`,
    ])
    expect(waits).toEqual([1000, 1000, 1000])
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({
      name: 'contacts.csv',
      type: 'text/csv',
      size: csv.length,
    })
    expect(JSON.parse(fake.requests[2]?.body ?? '').data.attributes['unique-primary-phone']).toBe(true)
    expect(imported.import.attributes.status).toBe('completed')
    expect(imported.counts).toEqual({ created: 1, updated: 1, erred: 1, skipped: 0, resolved: 1, total: 3 })
  })

  it('answers the refused rows and the contacts lazily, read again for each for await', async () => {
    const { client, fake } = omnigageWith([done])
    const imported = await client.importFile(new File([csv], 'contacts.csv'))
    const before = fake.requests.length
    // upload, S3, create (queued), one read (completed)
    expect(before).toBe(4)
    const errors = []
    for await (const failed of imported.errors) {
      errors.push(failed)
    }
    expect(errors).toEqual([{ row: 2, values: ['v', '2'], error: 'Invalid phone number specified' }])
    const contacts = []
    for await (const made of imported.contacts) {
      contacts.push(made)
    }
    for await (const _ of imported.contacts) {
      // a second pass pages again
    }
    expect(contacts).toEqual([
      { id: 'contactA', row: 1, status: 'created' },
      { id: 'contactB', row: 3, status: 'updated' },
    ])
    const reads = fake.requests.slice(before).map((sent) => sent.url.searchParams.get('filter[status]'))
    expect(reads).toEqual(['erred', null, null, null, null, null, null])
  })

  it('fetches no results when no row erred, and filters by the one outcome there is', async () => {
    const { client, fake } = omnigageWith([importAt('completed', { created: 1, total: 1 })])
    const imported = await client.importFile(new File([csv], 'contacts.csv'))
    const before = fake.requests.length
    for await (const _ of imported.errors) {
      // none
    }
    expect(fake.requests.length).toBe(before)
    const ids = []
    for await (const made of imported.contacts) {
      ids.push(made.id)
    }
    expect(ids).toEqual(['contactA'])
    expect(fake.requests.slice(before).map((sent) => sent.url.searchParams.get('filter[status]'))).toEqual(['created'])
  })

  it('throws ImportFailedError with the failure reason and the counts of rows read before', async () => {
    const { client } = omnigageWith([
      importAt('processing'),
      importAt('failed', { created: 2, total: 2 }, 'The file is not a valid XLSX file.'),
    ])
    const phases: string[] = []
    const error = await client
      .importFile(new File([csv], 'contacts.xlsx'), { onProgress: (progress) => phases.push(progress.phase) })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImportFailedError)
    expect(error).toMatchObject({
      importId,
      failureReason: 'The file is not a valid XLSX file.',
      counts: { created: 2, total: 2 },
    })
    expect((error as Error).message).toBe(
      `Import ${importId} failed: The file is not a valid XLSX file. Fix the file (a CSV or XLSX with a header row) and import it again.`,
    )
    expect(phases).toEqual(['uploading', 'queued', 'processing'])
    expect((error as Error).name).toBe('ImportFailedError')
  })

  it('ends a failure reason with one full stop, however many it had', async () => {
    const { client } = omnigageWith([importAt('failed', {}, 'Bad header row...  ')])
    const error = await client.importFile(new File([csv], 'contacts.csv')).catch((caught: unknown) => caught)
    expect((error as Error).message).toBe(
      `Import ${importId} failed: Bad header row. Fix the file (a CSV or XLSX with a header row) and import it again.`,
    )
  })

  it('refuses an unknown extension before any request', async () => {
    const { client, fake } = omnigageWith([done])
    const phases: string[] = []
    const error = await client
      .importFile(new File([csv], 'contacts.numbers'), { onProgress: (progress) => phases.push(progress.phase) })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UnsupportedFileError)
    expect(fake.requests).toHaveLength(0)
    expect(phases).toEqual([])
  })

  it('imports a path, named by its basename, and a stream', async () => {
    directory = await mkdtemp(join(tmpdir(), 'omnigage-'))
    const path = join(directory, 'people.csv')
    await writeFile(path, csv)
    const { client, fake } = omnigageWith([done])
    await client.importFile(path)
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({ name: 'people.csv', type: 'text/csv', size: csv.length })
    expect(fake.requests[1]?.body).toContain('filename="people.csv"')
    expect(fake.requests[1]?.body).toContain(csv)

    await client.importFile({ stream: new Blob([csv]).stream(), name: 'streamed.csv', size: csv.length })
    expect(JSON.parse(fake.requests[4]?.body ?? '').name).toBe('streamed.csv')
    expect(fake.requests[5]?.body).toContain(csv)
    expect(fake.requests[5]?.headers.get('content-length')).not.toBeNull()
  })

  it('stops at once when aborted while waiting, rejecting with the reason', async () => {
    const { sleep, waiting } = sleepUntilAborted()
    const { client, fake } = omnigageWith([importAt('queued')], { sleep })
    const controller = new AbortController()
    const pending = client.importFile(new File([csv], 'contacts.csv'), { signal: controller.signal })
    await waiting
    const reason = new Error('user went away')
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
    expect(fake.requests).toHaveLength(3)
  })

  it.each([
    ['createUpload', 'POST /api/v1/uploads'],
    ['the S3 post', 'POST S3'],
    ['createImport', 'POST /api/v1/import-contacts'],
    ['getImport', `GET /api/v1/import-contacts/${importId}`],
  ])('passes the signal to %s, which an abort then stops', async (_step, call) => {
    const { fake } = omnigageWith([done])
    const controller = new AbortController()
    const reason = new Error('user went away')
    const seen: boolean[] = []
    const client = createOmnigageClient({
      tokenKey: 'key',
      tokenSecret: 'secret',
      sleep: instantSleep().sleep,
      fetch: async (request) => {
        const url = new URL(request.url)
        if (`${request.method} ${url.host === 'bucket.s3.test' ? 'S3' : url.pathname}` === call) {
          controller.abort(reason)
          seen.push(request.signal.aborted)
        }
        return fake.fetch(request)
      },
    })
    await expect(client.importFile(new File([csv], 'contacts.csv'), { signal: controller.signal })).rejects.toBe(reason)
    expect(seen).toEqual([true])
  })

  it('sends nothing when the signal is already aborted', async () => {
    const { client, fake } = omnigageWith([done])
    const reason = new Error('never mind')
    await expect(
      client.importFile(new File([csv], 'contacts.csv'), { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
    expect(fake.requests).toHaveLength(0)
  })

  it('throws ImportTimeoutError, a PollTimeoutError, once maxWaitMs has passed', async () => {
    const { client } = omnigageWith([importAt('processing')])
    const error = await client
      .importFile(new File([csv], 'contacts.csv'), { maxWaitMs: 2000, pollIntervalMs: 500 })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImportTimeoutError)
    expect(error).toBeInstanceOf(PollTimeoutError)
    expect((error as Error).name).toBe('ImportTimeoutError')
    expect(error).toMatchObject({ maxWaitMs: 2000, elapsedMs: 2000, attempts: 5 })
    expect((error as Error).message).toMatch(
      new RegExp(`^Import ${importId} did not finish within 2000 ms; raise maxWaitMs`),
    )
  })
})
