import {
  AuthenticationError,
  BadRequestError,
  createOmnigageClient,
  type ImportedFile,
  ImportFailedError,
  type ImportFileOptions,
  type ImportPhase,
  NotFoundError,
  type OmnigageClientOptions,
  PermissionDeniedError,
} from '@contactkit/clients/omnigage'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type OmnigageConformance, omnigageConformance } from '../src/omnigage/conformance.js'
import { csvFile, type Person, peopleOfRun, personHeader, personRows, xlsxFile } from '../src/omnigage/files.js'
import { type OmnigageTarget, omnigageTargets } from '../src/omnigage/targets.js'
import { type SuiteRecording, suiteRecording } from '../src/recording.js'

/** Every `for await` of a lazy iterable, collected. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) {
    all.push(item)
  }
  return all
}

/** An id of the vendor's shape that no account has. */
const unknownId = 'ZZZZZZZZZZZZZZZZZZZZZZ'

for (const choice of omnigageTargets()) {
  if (choice.skipReason) {
    console.log(`Omnigage contract suite, ${choice.name} target skipped: ${choice.skipReason}`)
  }

  describe.skipIf(Boolean(choice.skipReason))(`Omnigage contract (${choice.name})`, () => {
    let target: OmnigageTarget
    let conformance: OmnigageConformance
    // CONTACTKIT_RECORD=<dir> records the suite's exchanges there, one HAR per suite and target.
    let recording: SuiteRecording | undefined
    const people = peopleOfRun()
    // Contacts the suite's imports made, deleted at the end so a real account is left as it was.
    const made = new Set<string>()

    const client = (overrides: Partial<OmnigageClientOptions> = {}) =>
      createOmnigageClient({
        tokenKey: target.tokenKey,
        tokenSecret: target.tokenSecret,
        accountKey: target.accountKey,
        baseUrl: target.baseUrl,
        sleep: target.sleep,
        fetch: conformance.fetch,
        ...overrides,
      })

    /** `importFile` through the suite's client; the contacts it made are remembered for the cleanup. */
    const importFile = async (file: File, options: ImportFileOptions = {}): Promise<ImportedFile> => {
      const imported = await client().importFile(file, { pollIntervalMs: target.pollIntervalMs, ...options })
      for (const contact of await collect(imported.contacts)) {
        made.add(contact.id)
      }
      return imported
    }

    // Registered before the suite's own afterAll, so it runs after it: the cleanup is recorded too.
    afterAll(() => recording?.close())
    beforeAll(async () => {
      target = await choice.start()
      recording = suiteRecording(`omnigage-${choice.name}`)
      conformance = omnigageConformance(target.baseUrl, { recording })
    })
    afterAll(async () => {
      if (target) {
        const ids = [...made]
        for (let start = 0; start < ids.length; start += 1000) {
          const batch = ids.slice(start, start + 1000)
          // All or nothing: should one be gone already, delete the rest one by one.
          await client()
            .deleteContacts(batch)
            .catch(async (error: unknown) => {
              if (!(error instanceof NotFoundError)) {
                throw error
              }
              for (const id of batch) {
                await client()
                  .deleteContacts([id])
                  .catch((single: unknown) => {
                    if (!(single instanceof NotFoundError)) {
                      throw single
                    }
                  })
              }
            })
        }
        console.log(`Omnigage ${choice.name}: ${conformance.checked} responses checked against the specs.`)
        await target.close()
      }
    })
    afterEach(() => {
      expect(conformance.violations).toEqual([])
    })

    it('imports a CSV: counts, and contacts reachable by id and in the filtered, paged list', async () => {
      const three = people.next(3)
      const {
        counts,
        contacts,
        import: done,
      } = await importFile(csvFile('people.csv', personHeader, personRows(three)))
      expect(done.attributes.status).toBe('completed')
      expect(counts).toEqual({ created: 3, updated: 0, erred: 0, skipped: 0, resolved: 0, total: 3 })
      expect(done.attributes.header).toEqual(personHeader)
      expect(done.attributes.mapping).toEqual([
        'first-name',
        'last-name',
        'company',
        'phone1-phone-number',
        'email1-email-address',
      ])
      const rows = await collect(contacts)
      expect(rows.map(({ row, status }) => ({ row, status }))).toEqual([
        { row: 1, status: 'created' },
        { row: 2, status: 'created' },
        { row: 3, status: 'created' },
      ])

      const omnigage = client()
      for (const [index, { id }] of rows.entries()) {
        const person = three[index] as Person
        const contact = await omnigage.getContact(id)
        expect(contact.attributes).toMatchObject({
          'first-name': person.firstName,
          'last-name': person.lastName,
          company: person.company,
          'phone-number': person.e164,
          'email-address': person.email,
          'phone-numbers': [person.e164],
          'email-addresses': [person.email],
        })
      }

      const first = await omnigage.listContacts({ lastName: people.lastName, limit: 2, sort: 'created-at' })
      expect(first.meta.count).toBe(3)
      expect(first.data).toHaveLength(2)
      expect(first.links.next).toEqual(expect.any(String))
      const second = await omnigage.listContacts({ lastName: people.lastName, limit: 2, offset: 2, sort: 'created-at' })
      expect(second.data).toHaveLength(1)
      expect(second.links.next).toBeUndefined()
      const paged = await collect(omnigage.contacts({ lastName: people.lastName, limit: 2 }))
      expect(new Set(paged.map((contact) => contact.id))).toEqual(new Set(rows.map((row) => row.id)))
      // Filters match whole values, case-insensitively, and take the vendor's `eq:` prefix.
      const byPhone = await omnigage.listContacts({ phoneNumber: three[1]?.e164 })
      expect(byPhone.data.map((contact) => contact.id)).toEqual([rows[1]?.id])
      const byEmail = await omnigage.listContacts({ emailAddress: three[2]?.email.toUpperCase() })
      expect(byEmail.data.map((contact) => contact.id)).toEqual([rows[2]?.id])
      const byFirstName = await omnigage.listContacts({
        lastName: `eq:${people.lastName}`,
        firstName: three[0]?.firstName,
      })
      expect(byFirstName.data.map((contact) => contact.id)).toEqual([rows[0]?.id])
    })

    it('imports an XLSX built by exceljs, numbers in number cells included', async () => {
      const [person] = people.next(1) as [Person]
      const header = ['First Name', 'Last Name', 'Title', 'Phone']
      const digits = Number(person.e164.slice(1))
      const file = await xlsxFile('people.xlsx', header, [[person.firstName, person.lastName, 'Buyer', digits]])
      const { counts, contacts, import: done } = await importFile(file)
      expect(counts).toMatchObject({ created: 1, erred: 0, total: 1 })
      expect(done.attributes.header).toEqual(header)
      const [row] = await collect(contacts)
      const contact = await client().getContact(row?.id ?? '')
      expect(contact.attributes).toMatchObject({
        'first-name': person.firstName,
        'last-name': person.lastName,
        title: 'Buyer',
        'phone-number': person.e164,
      })
    })

    it('errs rows with an invalid phone or email in the vendor words; the errors file holds them to fix', async () => {
      const [good, badPhone, badEmail] = people.next(3) as [Person, Person, Person]
      const rows = personRows([good, badPhone, badEmail])
      rows[1] = [badPhone.firstName, badPhone.lastName, badPhone.company, '555-01', badPhone.email]
      rows[2] = [badEmail.firstName, badEmail.lastName, badEmail.company, badEmail.phone, 'not an email']
      const { counts, errors, import: done } = await importFile(csvFile('with-errors.csv', personHeader, rows))
      expect(counts).toMatchObject({ created: 1, erred: 2, total: 3 })
      const refused = await collect(errors)
      expect(refused).toEqual([
        { row: 2, values: rows[1], error: expect.stringContaining('Invalid phone number specified') },
        {
          row: 3,
          values: rows[2],
          error: expect.stringContaining('Email Fields must only contain a single, valid email address'),
        },
      ])

      const fileId = done.relationships['errors-file'].data?.id
      expect(fileId).toEqual(expect.any(String))
      const omnigage = client()
      const file = await omnigage.getFile(fileId ?? '')
      expect(file.attributes.type).toMatch(/^text\/csv/)
      const text = await (await omnigage.downloadFile(file.attributes.url)).text()
      const lines = text.trim().split(/\r?\n/)
      expect(lines).toHaveLength(3)
      expect(lines[0]).toContain('First Name')
      expect(lines[0]).toMatch(/Error/)
      expect(lines[1]).toContain('555-01')
      expect(lines[1]).toContain('Invalid phone number specified')
      expect(lines[2]).toContain('not an email')
    })

    it('with uniquePrimaryPhone, a second import updates the contact of the same phone instead of adding one', async () => {
      const [person] = people.next(1) as [Person]
      const first = await importFile(csvFile('first.csv', personHeader, personRows([person])))
      const [original] = await collect(first.contacts)
      const moved = { ...person, company: 'Moved On Ltd' }
      const second = await importFile(csvFile('second.csv', personHeader, personRows([moved])), {
        uniquePrimaryPhone: true,
      })
      expect(second.counts).toMatchObject({ created: 0, updated: 1, resolved: 1, total: 1 })
      expect(await collect(second.contacts)).toEqual([{ id: original?.id, row: 1, status: 'updated' }])
      const contact = await client().getContact(original?.id ?? '')
      expect(contact.attributes).toMatchObject({ company: 'Moved On Ltd', 'phone-number': person.e164 })
      const samePhone = await client().listContacts({ phoneNumber: person.e164 })
      expect(samePhone.meta.count).toBe(1)
    })

    it("imports with the user's mapping, a null column skipped", async () => {
      const [person] = people.next(1) as [Person]
      const header = ['Given', 'Family', 'Notes', 'Reach me at']
      const file = csvFile('mapped.csv', header, [[person.firstName, person.lastName, 'likes tea', person.phone]])
      const mapping = ['first-name', 'last-name', null, 'phone1-phone-number'] as const
      const { counts, contacts, import: done } = await importFile(file, { mapping: [...mapping] })
      expect(done.attributes.mapping).toEqual(mapping)
      expect(counts).toMatchObject({ created: 1, total: 1 })
      const [row] = await collect(contacts)
      const contact = await client().getContact(row?.id ?? '')
      expect(contact.attributes).toMatchObject({
        'first-name': person.firstName,
        'last-name': person.lastName,
        company: null,
        title: null,
        'phone-number': person.e164,
      })
      expect(JSON.stringify(contact.attributes)).not.toContain('likes tea')
    })

    it('refuses a mapping that does not fit the header: 400, code 100, a sentence naming the columns', async () => {
      const [person] = people.next(1) as [Person]
      const error = await importFile(csvFile('short-mapping.csv', personHeader, personRows([person])), {
        mapping: ['first-name', 'phone1-phone-number'],
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(BadRequestError)
      expect(error).toMatchObject({ status: 400, code: '100' })
      expect((error as BadRequestError).message).toMatch(/column/i)
    })

    it('fails an unreadable file with ImportFailedError and the reason', async () => {
      const broken = new File(['First Name,Phone\r\n"Ada,+14155550100\r\n'], 'broken.csv', { type: 'text/csv' })
      const error = await importFile(broken).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ImportFailedError)
      const failed = error as ImportFailedError
      expect(failed.failureReason).toEqual(expect.any(String))
      expect(failed.failureReason?.length).toBeGreaterThan(10)
      expect(failed.message).toContain(failed.importId)
      const read = await client().getImport(failed.importId)
      expect(read.attributes).toMatchObject({ status: 'failed', 'failure-reason': failed.failureReason })
    })

    it('refuses to import an upload whose file was never posted: 400, code 100', async () => {
      const omnigage = client()
      const upload = await omnigage.createUpload({ name: 'never-posted.csv', type: 'text/csv', size: 64 })
      const error = await omnigage.createImport(upload).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(BadRequestError)
      expect(error).toMatchObject({ status: 400, code: '100' })
      expect((error as BadRequestError).message).not.toBe('')
    })

    it('deletes contacts in bulk, all or nothing: an unknown id is a 404 and deletes none', async () => {
      const { contacts } = await importFile(csvFile('to-delete.csv', personHeader, personRows(people.next(2))))
      const ids = (await collect(contacts)).map((contact) => contact.id)
      const omnigage = client()
      const refused = await omnigage.deleteContacts([...ids, unknownId]).catch((caught: unknown) => caught)
      expect(refused).toBeInstanceOf(NotFoundError)
      for (const id of ids) {
        expect((await omnigage.getContact(id)).id).toBe(id)
      }
      await omnigage.deleteContacts(ids)
      for (const id of ids) {
        made.delete(id)
        await expect(omnigage.getContact(id)).rejects.toBeInstanceOf(NotFoundError)
      }
    })

    it('refuses wrong credentials with 401 AuthenticationError in the vendor format', async () => {
      const error = await client({ tokenSecret: `${target.tokenSecret}-wrong` })
        .listContacts({ limit: 1 })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AuthenticationError)
      expect(error).toMatchObject({ status: 401 })
      expect((error as AuthenticationError).message).not.toBe('')
    })

    it("refuses another account's X-Account-Key with 403 PermissionDeniedError", async () => {
      const error = await client({ accountKey: target.otherAccountKey })
        .listContacts({ limit: 1 })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(PermissionDeniedError)
      expect(error).toMatchObject({ status: 403 })
    })

    it('reports progress in order: uploading, queued, processing, completed', async () => {
      const phases: ImportPhase[] = []
      await importFile(csvFile('progress.csv', personHeader, personRows(people.next(1))), {
        onProgress: ({ phase }) => {
          if (phases.at(-1) !== phase) {
            phases.push(phase)
          }
        },
      })
      expect(phases).toEqual(['uploading', 'queued', 'processing', 'completed'])
    })
  })
}
