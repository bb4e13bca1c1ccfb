import {
  createOmnigageClient,
  type OmnigageClientOptions,
  PermissionDeniedError,
  S3UploadError,
} from '@contactkit/clients/omnigage'
import { createSimulatorSet, manualClock } from '@contactkit/mocks'
import { createSetHandlers } from '@contactkit/mocks/msw'
import { type OmnigageSimulator, omnigageVendor, sandboxTenant, secondTenant } from '@contactkit/mocks/omnigage'
import { s3Vendor } from '@contactkit/mocks/s3'
import { omnigageDocument } from '@contactkit/specs/omnigage'
import { createValidator } from '@contactkit/specs/validator'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type OmnigageConformance, omnigageConformance } from '../src/omnigage/conformance.js'
import { csvFile, personHeader } from '../src/omnigage/files.js'
import { serveOmnigageSet } from '../src/omnigage/targets.js'
import { dotnetMultipart } from '../src/s3/forms.js'

const ada = ['Ada', 'Quill', 'Northwind', '(415) 555-0100', 'ada.quill@example.com']
const bram = ['Bram', 'Oak', 'Globex', '+1 212 555 0101', 'bram.oak@example.com']
const basic = `Basic ${btoa(`${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret}`)}`
const validator = createValidator(omnigageDocument)

/** What the spec says is wrong with an answer to a request made without the client. */
function specProblems(method: string, path: string, response: Response, body: unknown): string[] {
  const match = validator.matchOperation(method, path)
  if (!match) {
    return [`no operation for ${method} ${path}`]
  }
  const mediaType = response.headers.get('content-type')?.split(';')[0] ?? ''
  return validator
    .validateResponse(match.operationId, response.status, mediaType, body)
    .map((problem) => `${problem.location}: ${problem.message}`)
}

describe('Omnigage simulator over HTTP', () => {
  let served: Awaited<ReturnType<typeof serveOmnigageSet>>
  let sim: OmnigageSimulator
  let conformance: OmnigageConformance

  beforeEach(async () => {
    served = await serveOmnigageSet()
    sim = served.simulator
    conformance = omnigageConformance(served.omnigageUrl)
  })
  afterEach(async () => {
    await served.close()
    expect(conformance.violations).toEqual([])
  })

  const client = (options: Partial<OmnigageClientOptions> = {}) =>
    createOmnigageClient({
      tokenKey: sandboxTenant.tokenKey,
      tokenSecret: sandboxTenant.tokenSecret,
      baseUrl: served.omnigageUrl,
      fetch: conformance.fetch,
      sleep: served.sleep,
      ...options,
    })
  const admin = (path: string, init?: RequestInit, base = served.omnigageUrl) => fetch(`${base}/__admin${path}`, init)
  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) })

  describe('the clock', () => {
    it('moves an import queued (1 s), processing (2 s), completed; its contacts appear only then', async () => {
      const omnigage = client()
      const file = csvFile('people.csv', personHeader, [ada, bram])
      const upload = await omnigage.createUpload({ name: file.name, type: file.type, size: file.size })
      await omnigage.uploadToS3(upload, file)
      const created = await omnigage.createImport(upload)
      expect(created.attributes).toMatchObject({ status: 'queued', 'count-total': 0, sample: ada })
      served.clock.advance(999)
      expect((await omnigage.getImport(created.id)).attributes.status).toBe('queued')
      served.clock.advance(1)
      expect((await omnigage.getImport(created.id)).attributes.status).toBe('processing')
      served.clock.advance(1999)
      expect((await omnigage.getImport(created.id)).attributes).toMatchObject({
        status: 'processing',
        'count-created': 0,
      })
      expect((await omnigage.listContacts()).meta.count).toBe(0)
      served.clock.advance(1)
      expect((await omnigage.getImport(created.id)).attributes).toMatchObject({
        status: 'completed',
        'count-created': 2,
        'count-total': 2,
      })
      const contacts = await omnigage.listContacts()
      expect(contacts.data.map((contact) => contact.attributes['phone-number'])).toEqual([
        '+14155550100',
        '+12125550101',
      ])
    })

    it('lets importFile wait on simulator time only: one read a poll interval, none after completion', async () => {
      const before = served.clock.now()
      const { counts } = await client().importFile(csvFile('people.csv', personHeader, [ada]), {
        pollIntervalMs: 500,
      })
      expect(counts.created).toBe(1)
      // Created at 0 (queued), read at 500, 1000, … 3000 ms, when it completed.
      expect(served.clock.now() - before).toBe(3000)
      expect(sim.journal.list({ method: 'GET', path: '/api/v1/import-contacts/' })).toHaveLength(6)
    })
  })

  describe('admin', () => {
    it('seeds contacts into one account, inspects accounts and imports, and resets', async () => {
      const seeded = await admin(
        '/state',
        post({ account: 'firstbank', contacts: [{ 'first-name': 'Cleo', 'phone-numbers': ['+14155550102'] }] }),
      )
      expect(seeded.status).toBe(201)
      const [contact] = (await client().listContacts()).data
      expect(contact?.attributes).toMatchObject({ 'first-name': 'Cleo', 'phone-number': '+14155550102' })
      const other = client({ tokenKey: secondTenant.tokenKey, tokenSecret: secondTenant.tokenSecret })
      expect((await other.listContacts()).meta.count).toBe(0)

      await client().importFile(csvFile('people.csv', personHeader, [ada]))
      const state = (await (await admin('/state')).json()) as {
        accounts: { accountKey: string; contacts: number; imports: { status: string; file: string; rows: number }[] }[]
      }
      expect(state.accounts.map(({ accountKey, contacts, imports }) => ({ accountKey, contacts, imports }))).toEqual([
        { accountKey: 'firstbank', contacts: 2, imports: [expect.objectContaining({ status: 'completed', rows: 1 })] },
        { accountKey: 'secondbank', contacts: 0, imports: [] },
      ])

      expect((await admin('/reset', { method: 'POST' })).ok).toBe(true)
      expect((await client().listContacts()).meta.count).toBe(0)
      expect((await client().listImports()).meta.count).toBe(0)
    })

    it('refuses a seed naming an unknown account, with a sentence that lists the accounts', async () => {
      const refused = await admin('/state', post({ account: 'nobank', contacts: [] }))
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('firstbank, secondbank')
    })
  })

  describe('faults', () => {
    it('a fault on POST /api/v1/uploads reaches importFile as the typed error, in the vendor format', async () => {
      await admin('/faults', post({ method: 'POST', path: '/api/v1/uploads', status: 403, times: 1 }))
      const error = await client()
        .importFile(csvFile('people.csv', personHeader, [ada]))
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(PermissionDeniedError)
      expect(error).toMatchObject({
        status: 403,
        code: '403',
        body: { errors: [{ detail: expect.stringMatching(/^Injected fault fault-\d+ answered 403\.$/), code: 403 }] },
      })
      // Nothing was posted to S3 and no import was made.
      expect(sim.journal.list({ path: '/api/v1/import-contacts' })).toEqual([])
    })

    it("a 503 on the S3 post is retried; a 403 there is S3UploadError with S3's code and message, not retried", async () => {
      const s3 = (body: unknown) => admin('/faults', post(body), served.s3Url)
      await s3({ method: 'POST', path: '/**', status: 503, times: 1 })
      const retried = await client().importFile(csvFile('people.csv', personHeader, [ada]))
      expect(retried.counts.created).toBe(1)
      expect(
        served.set
          .get('s3')
          .journal.list({ method: 'POST' })
          .map((entry) => entry.status),
      ).toEqual([503, 204])

      await s3({ method: 'POST', path: '/**', status: 403, times: 1 })
      const error = await client()
        .importFile(csvFile('people.csv', personHeader, [bram]))
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(S3UploadError)
      expect(error).toMatchObject({
        status: 403,
        code: 'AccessDenied',
        s3Message: expect.stringMatching(/^Injected fault fault-\d+ answered 403\.$/),
      })
      // A 403 is not retried: one more POST only.
      expect(served.set.get('s3').journal.list({ method: 'POST' })).toHaveLength(3)
    })
  })

  describe('clients other than ours', () => {
    it("answers 201 to the single-quoted upload body of the vendor's .NET samples", async () => {
      const response = await fetch(`${served.omnigageUrl}/api/v1/uploads`, {
        method: 'POST',
        headers: { Authorization: basic, 'Content-Type': 'application/json; charset=utf-8' },
        body: "{\n                'name': 'you-have-new-mail-waiting.csv',\n                'type': 'text/csv',\n                'size': 263244\n            }",
      })
      const body = (await response.json()) as { data: { attributes: Record<string, unknown> } }
      expect(response.status).toBe(201)
      expect(specProblems('POST', '/api/v1/uploads', response, body)).toEqual([])
      expect(body.data.attributes['request-url']).toBe(`${served.s3Url}/contactkit-uploads/`)
    })

    it("serves the official .NET contact-import sample's requests, byte for byte, from upload to contacts", async () => {
      const headers = {
        Authorization: basic,
        'X-Account-Key': sandboxTenant.accountKey,
        'Content-Type': 'application/json; charset=utf-8',
      }
      const csv = `${personHeader.join(',')}\r\n${ada.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',')}\r\n`
      const size = new TextEncoder().encode(csv).byteLength
      const uploaded = await fetch(`${served.omnigageUrl}/api/v1/uploads`, {
        method: 'POST',
        headers,
        body: `{\n                'name': 'import.csv',\n                'type': 'text/csv',\n                'size': ${size}\n            }`,
      })
      expect(uploaded.status).toBe(201)
      const upload = (await uploaded.json()) as {
        data: {
          id: string
          attributes: {
            'request-url': string
            'request-headers': Record<string, string>[]
            'request-form-data': Record<string, string>[]
          }
        }
      }

      // The sample: request-headers as HTTP headers; the form fields in order; Content-Type; the file last.
      const { attributes } = upload.data
      const fields = Object.assign({}, ...attributes['request-form-data'], { 'Content-Type': 'text/csv' })
      expect(Object.keys(fields)).toEqual(['acl', 'AWSAccessKeyId', 'key', 'policy', 'signature', 'Content-Type'])
      const form = dotnetMultipart(fields, { name: 'import.csv', content: csv })
      const s3 = await fetch(attributes['request-url'], {
        method: 'POST',
        headers: { ...Object.assign({}, ...attributes['request-headers']), 'Content-Type': form.contentType },
        body: form.body as Uint8Array<ArrayBuffer>,
      })
      expect(s3.status).toBe(204)

      const created = await fetch(`${served.omnigageUrl}/api/v1/import-contacts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          data: {
            attributes: { status: 'queued', 'unique-primary-phone': true },
            relationships: { upload: { data: { type: 'uploads', id: upload.data.id } } },
            type: 'import-contacts',
          },
        }),
      })
      const body = (await created.json()) as { data: { id: string } }
      expect(created.status).toBe(201)
      expect(specProblems('POST', '/api/v1/import-contacts', created, body)).toEqual([])

      served.clock.advance(5000)
      const read = await fetch(`${served.omnigageUrl}/api/v1/import-contacts/${body.data.id}`, { headers })
      const done = (await read.json()) as { data: { attributes: Record<string, unknown> } }
      expect(done.data.attributes).toMatchObject({ status: 'completed', 'count-created': 1, 'count-total': 1 })
      const stored = sim.accounts.byAccountKey('firstbank')?.contacts.all()
      expect(stored?.map((contact) => contact.phoneNumbers)).toEqual([['+14155550100']])
    })
  })
})

describe('Omnigage behind MSW', () => {
  const clock = manualClock('2026-03-01T12:00:00Z')
  const set = createSimulatorSet([omnigageVendor, s3Vendor], { clock })
  const mock = setupServer(...createSetHandlers(set))

  beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => mock.close())

  it('runs importFile unmodified at the vendor URLs: the API and the S3 form post both intercepted', async () => {
    // Created after listen(), with no fetch or baseUrl of its own: what an app under test does.
    const omnigage = createOmnigageClient({
      tokenKey: sandboxTenant.tokenKey,
      tokenSecret: sandboxTenant.tokenSecret,
      sleep: async (ms) => clock.advance(ms),
    })
    const { counts, contacts } = await omnigage.importFile(csvFile('people.csv', personHeader, [ada, bram]))
    expect(counts).toMatchObject({ created: 2, total: 2 })
    const ids: string[] = []
    for await (const contact of contacts) {
      ids.push(contact.id)
    }
    const first = await omnigage.getContact(ids[0] ?? '')
    expect(first.attributes['email-address']).toBe('ada.quill@example.com')
    expect(
      set
        .get('s3')
        .journal.list({ method: 'POST' })
        .map((entry) => entry.status),
    ).toEqual([204])
    // Forms point at S3's own URL, which MSW intercepts too.
    const upload = await omnigage.createUpload({ name: 'next.csv', type: 'text/csv', size: 10 })
    expect(upload.attributes['request-url']).toBe('https://s3.amazonaws.com/contactkit-uploads/')
  })
})
