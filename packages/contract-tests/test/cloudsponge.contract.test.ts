import {
  AuthenticationError,
  BadRequestError,
  type CloudSpongeClientOptions,
  createCloudSpongeClient,
  type EventsResponse,
  type ImportProgress,
  NotFoundError,
} from '@contactkit/clients/cloudsponge'
import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { decodeCloudSponge } from '../src/cloudsponge/decode.js'
import { type CloudSpongeTarget, cloudspongeTargets } from '../src/cloudsponge/targets.js'
import { type ConformanceRecorder, conformanceRecorder } from '../src/conformance.js'
import { type SuiteRecording, suiteRecording } from '../src/recording.js'

for (const choice of cloudspongeTargets()) {
  if (choice.skipReason) {
    console.log(`CloudSponge contract suite, ${choice.name} target skipped: ${choice.skipReason}`)
  }

  describe.skipIf(Boolean(choice.skipReason))(`CloudSponge contract (${choice.name})`, () => {
    let target: CloudSpongeTarget
    let conformance: ConformanceRecorder
    // CONTACTKIT_RECORD=<dir> records the suite's exchanges there, one HAR per suite and target.
    let recording: SuiteRecording | undefined

    const client = (overrides: Partial<CloudSpongeClientOptions> = {}) =>
      createCloudSpongeClient({
        baseUrl: target.baseUrl,
        domainKey: target.domainKey,
        domainPassword: target.domainPassword,
        sleep: target.sleep,
        fetch: conformance.fetch,
        ...overrides,
      })

    // Registered before the suite's own afterAll, so it runs after it: the cleanup is recorded too.
    afterAll(() => recording?.close())
    beforeAll(async () => {
      target = await choice.start()
      recording = suiteRecording(`cloudsponge-${choice.name}`)
      conformance = conformanceRecorder(cloudspongeDocument, target.baseUrl, decodeCloudSponge, { recording })
    })
    afterAll(async () => {
      console.log(`CloudSponge ${choice.name}: ${conformance.checked} responses checked against the spec.`)
      await target?.close()
    })
    afterEach(() => {
      expect(conformance.violations).toEqual([])
    })

    it('begins a username/password import and echoes user_id and echo', async () => {
      const result = await client().beginImport({ ...target.account, userId: 'user-42', echo: 'state=xyz' })
      expect(result.status).toBe('success')
      expect(Number.isInteger(result.import_id)).toBe(true)
      expect(result.user_id).toBe('user-42')
      expect(result.echo).toBe('state=xyz')
      expect(result.url).toBeUndefined()
    })

    it('imports the whole address book, reporting progress as the events grow in place', async () => {
      const seen: ImportProgress[] = []
      const announced: string[] = []
      const book = await client().importContacts(
        { ...target.account, userId: 'user-42' },
        {
          onProgress: (progress) => seen.push(progress),
          onEvent: (event) => announced.push(`${event.event_type}/${event.status}/${event.value}`),
        },
      )
      expect(announced[0]).toMatch(/^INITIALIZING\//)
      expect(announced.slice(-2)).toEqual([`GATHERING/COMPLETED/${book.total}`, 'COMPLETE/COMPLETED/0'])
      expect(new Set(announced).size).toBe(announced.length)
      expect(book.contacts).toHaveLength(book.total)
      expect(book.events.map((event) => [event.event_type, event.status])).toEqual([
        ['INITIALIZING', 'COMPLETED'],
        ['GATHERING', 'COMPLETED'],
        ['COMPLETE', 'COMPLETED'],
      ])
      expect(book.events[1]?.value).toBe(book.total)
      for (const progress of seen) {
        const types = progress.events.map((event) => event.event_type)
        expect(['INITIALIZING', 'GATHERING', 'COMPLETE'].slice(0, types.length)).toEqual(types)
      }
      expect(seen.at(-1)?.phase).toBe('complete')
      for (const contact of book.contacts) {
        expect(Array.isArray(contact.email)).toBe(true)
        expect(contact).not.toHaveProperty('address')
      }
    })

    it('pages with start and count, ignoring count without start', async () => {
      const cloudsponge = client()
      const { import_id: importId } = await cloudsponge.beginImport(target.account)
      await cloudsponge.waitForImport(importId)
      const whole = await cloudsponge.getContacts(importId)
      const first = await cloudsponge.getContacts(importId, { start: 0, count: 1, echo: 'page-1' })
      expect(first).toMatchObject({
        start: 0,
        count: Math.min(1, whole.total ?? 0),
        total: whole.total,
        echo: 'page-1',
      })
      expect(first.contacts).toEqual(whole.contacts.slice(0, 1))
      const rest = await cloudsponge.getContacts(importId, { start: 1, count: 0 })
      expect(rest.contacts).toEqual(whole.contacts.slice(1))
      const countAlone = await cloudsponge.raw.GET('/contacts/{import_id}', {
        params: { path: { import_id: importId }, query: { count: 1 } },
      })
      expect(countAlone.data?.contacts).toEqual(whole.contacts)
      const streamed = []
      for await (const contact of cloudsponge.contacts(importId, { pageSize: 1 })) {
        streamed.push(contact)
      }
      expect(streamed).toEqual(whole.contacts)
    })

    it('serves the same import in XML as in JSON', async () => {
      const json = client()
      const xml = client({ format: 'xml' })
      const begun = await xml.beginImport({ ...target.account, include: 'mailing_address' })
      expect(begun.status).toBe('success')
      await xml.waitForImport(begun.import_id)
      const fromXml = await xml.getContacts(begun.import_id)
      const fromJson = await json.getContacts(begun.import_id)
      expect(fromXml).toEqual(fromJson)
      // XML writes times without fractions (xmlschema), JSON with; compare them as instants.
      const instants = (response: EventsResponse) =>
        response.events.map((event) => ({ ...event, created_at: Date.parse(event.created_at ?? '') }))
      expect(instants(await xml.getEvents(begun.import_id))).toEqual(instants(await json.getEvents(begun.import_id)))
    })

    it('adds mailing addresses only when asked to', async () => {
      const cloudsponge = client()
      const book = await cloudsponge.importContacts({ ...target.account, include: 'mailing_address' })
      expect(book.contacts.some((contact) => Array.isArray(contact.address))).toBe(true)
    })

    it('accepts the domain credentials as request parameters', async () => {
      const result = await client({ credentials: 'params' }).beginImport(target.account)
      expect(result.status).toBe('success')
    })

    it('refuses a wrong domain password with 401 and a Basic challenge', async () => {
      const error = await client({ domainPassword: 'not-the-password' })
        .beginImport(target.account)
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AuthenticationError)
      expect((error as AuthenticationError).status).toBe(401)
      expect((error as AuthenticationError).headers.get('www-authenticate')).toMatch(/^Basic/)
      expect((error as AuthenticationError).message).toMatch(/Access was denied/)
    })

    it('answers 400 in the vendor format for a missing username', async () => {
      const error = await client()
        .beginImport({ method: 'import', service: target.account.service, password: 'x' })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(BadRequestError)
      expect((error as BadRequestError).message).toMatch(/^Invalid parameters were supplied/)
      expect((error as BadRequestError).body).toMatchObject({ error: { message: expect.any(String) } })
    })

    it('answers 400 for a negative start, in XML too', async () => {
      const cloudsponge = client({ format: 'xml' })
      const { import_id: importId } = await cloudsponge.beginImport(target.account)
      const error = await cloudsponge.getContacts(importId, { start: -1 }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(BadRequestError)
      expect((error as BadRequestError).body).toMatchObject({ status: 'error', error: { message: expect.any(String) } })
    })

    it('answers 404 for an import that does not exist', async () => {
      const error = await client()
        .getEvents(999_999_999)
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(NotFoundError)
      expect((error as NotFoundError).requestId).toBeTruthy()
    })
  })
}
