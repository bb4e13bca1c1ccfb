import {
  type AurinkoClientOptions,
  AuthenticationError,
  type Contact,
  createAurinkoClient,
  EtagMismatchError,
  NotFoundError,
  type SyncProgress,
  type SyncSession,
} from '@contactkit/clients/aurinko'
import { aurinkoDocument } from '@contactkit/specs/aurinko'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type AurinkoTarget, aurinkoTargets, simulatorPageSize } from '../src/aurinko/targets.js'
import { type ConformanceRecorder, conformanceRecorder } from '../src/conformance.js'
import { type SuiteRecording, suiteRecording } from '../src/recording.js'

/** What one pass of a sync session brought. */
interface Pass {
  upserts: Map<string, Contact>
  deletes: Set<string>
  restarts: number
  last: SyncProgress | undefined
}

async function runPass(session: SyncSession, progress: SyncProgress[] = []): Promise<Pass> {
  const pass: Pass = { upserts: new Map(), deletes: new Set(), restarts: 0, last: undefined }
  for await (const change of session) {
    if (change.type === 'upsert') {
      pass.upserts.set(change.id, change.contact)
    } else if (change.type === 'delete') {
      pass.deletes.add(change.id)
    } else {
      pass.restarts++
    }
  }
  pass.last = progress.at(-1)
  return pass
}

for (const choice of aurinkoTargets()) {
  if (choice.skipReason) {
    console.log(`Aurinko contract suite, ${choice.name} target skipped: ${choice.skipReason}`)
  }

  describe.skipIf(Boolean(choice.skipReason))(`Aurinko contract (${choice.name})`, () => {
    let target: AurinkoTarget
    let conformance: ConformanceRecorder
    // CONTACTKIT_RECORD=<dir> records the suite's exchanges there, one HAR per suite and target.
    let recording: SuiteRecording | undefined
    // Contacts the suite made, deleted at the end so a real account is left as it was.
    const made = new Set<string>()

    const client = (overrides: Partial<AurinkoClientOptions> = {}) =>
      createAurinkoClient({
        accessToken: target.accessToken,
        baseUrl: target.baseUrl,
        sleep: target.sleep,
        fetch: conformance.fetch,
        ...overrides,
      } as AurinkoClientOptions)

    const create = async (contact: Parameters<ReturnType<typeof client>['contacts']['create']>[0]) => {
      const saved = await client().contacts.create(contact)
      made.add(saved.id)
      return saved
    }

    // Registered before the suite's own afterAll, so it runs after it: the cleanup is recorded too.
    afterAll(() => recording?.close())
    beforeAll(async () => {
      target = await choice.start()
      recording = suiteRecording(`aurinko-${choice.name}`)
      conformance = conformanceRecorder(aurinkoDocument, target.baseUrl, undefined, { recording })
    })
    afterAll(async () => {
      if (target) {
        for (const id of made) {
          await client()
            .contacts.delete(id)
            .catch((error: unknown) => {
              if (!(error instanceof NotFoundError)) {
                throw error
              }
            })
        }
        console.log(`Aurinko ${choice.name}: ${conformance.checked} responses checked against the spec.`)
        await target.close()
      }
    })
    afterEach(() => {
      expect(conformance.violations).toEqual([])
    })

    it('creates a contact (201) and answers its id, etag and record; reads it back with the same etag', async () => {
      const saved = await create({
        name: { givenName: 'Sam', familyName: 'Black' },
        company: { name: 'Aurinko', jobTitle: 'Support engineer' },
        emailAddresses: [{ address: 'sam@aurinko.io', type: 'work' }],
        phoneNumbers: [{ number: '415 8399949', type: 'work' }],
      })
      expect(saved.id).toEqual(expect.any(String))
      expect(saved.etag).toEqual(expect.any(String))
      const read = await client().contacts.get(saved.id)
      expect(read).toMatchObject({
        id: saved.id,
        etag: saved.etag,
        name: { givenName: 'Sam', familyName: 'Black' },
        company: { name: 'Aurinko', jobTitle: 'Support engineer' },
        emailAddresses: [expect.objectContaining({ address: 'sam@aurinko.io' })],
      })
      // The reference leaves `record` optional ("ContactOrId"); the simulator always answers it.
      if (target.simulator || saved.record !== undefined) {
        expect(saved.record).toMatchObject({ id: saved.id, etag: saved.etag, name: { givenName: 'Sam' } })
      }
    })

    it('updates with the etag; the stale etag then answers 412 EtagMismatchError and changes nothing', async () => {
      const aurinko = client()
      const saved = await create({ name: { givenName: 'Etag', familyName: 'Test' }, notes: 'first' })
      const updated = await aurinko.contacts.update(saved.id, { notes: 'second' }, { etag: saved.etag })
      expect(updated.id).toBe(saved.id)
      expect(updated.etag).not.toBe(saved.etag)
      const stale = await aurinko.contacts
        .update(saved.id, { notes: 'lost update' }, { etag: saved.etag })
        .catch((error: unknown) => error)
      expect(stale).toBeInstanceOf(EtagMismatchError)
      expect(stale).toMatchObject({ status: 412, sentEtag: saved.etag, code: expect.any(String) })
      expect((stale as EtagMismatchError).message).not.toBe('')
      const read = await aurinko.contacts.get(saved.id)
      expect(read).toMatchObject({ etag: updated.etag, notes: 'second', name: { givenName: 'Etag' } })
    })

    it('deletes a contact; get and delete then answer 404 NotFoundError in the vendor format', async () => {
      const aurinko = client()
      const saved = await create({ nickName: 'short-lived' })
      await aurinko.contacts.delete(saved.id)
      for (const attempt of [() => aurinko.contacts.get(saved.id), () => aurinko.contacts.delete(saved.id)]) {
        const error = await attempt().catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(NotFoundError)
        expect(error).toMatchObject({ status: 404, code: expect.any(String), requestId: expect.any(String) })
      }
    })

    it('lists every contact page by page, following nextPageToken', async () => {
      const aurinko = client()
      const mine = [
        (await create({ nickName: 'list-1' })).id,
        (await create({ nickName: 'list-2' })).id,
        (await create({ nickName: 'list-3' })).id,
      ]
      const first = await aurinko.contacts.page({ limit: 2 })
      expect(first.records).toHaveLength(2)
      expect(first.length).toBe(2)
      expect(first.nextPageToken).toEqual(expect.any(String))
      const all: string[] = []
      for await (const contact of aurinko.contacts.list({ limit: 2 })) {
        all.push(contact.id ?? '')
      }
      expect(all.slice(0, 2)).toEqual(first.records.map((contact) => contact.id))
      expect(new Set(all).size).toBe(all.length)
      expect(all).toEqual(expect.arrayContaining(mine))
    })

    it('syncs in full over every page, then only what changed: upserts for created and updated, deletions', async () => {
      const aurinko = client()
      const kept = await create({ nickName: 'sync-kept' })
      const edited = await create({ nickName: 'sync-edited' })
      const removed = await create({ nickName: 'sync-removed' })
      const progress: SyncProgress[] = []
      const session = aurinko.sync({ onProgress: (step) => progress.push(step) })

      const full = await runPass(session, progress)
      expect(session.fullSync).toBe(true)
      expect(full.restarts).toBe(0)
      const listed: string[] = []
      for await (const contact of aurinko.contacts.list()) {
        listed.push(contact.id ?? '')
      }
      expect([...full.upserts.keys()].sort()).toEqual(listed.sort())
      expect(full.upserts.get(kept.id)).toMatchObject({ id: kept.id, etag: kept.etag, nickName: 'sync-kept' })
      expect(progress.some((step) => step.phase === 'provisioning')).toBe(true)
      if (target.simulator) {
        // Pages of ten: every contact, then one page of deletions.
        expect(full.last?.pages).toBe(Math.ceil(listed.length / simulatorPageSize) + 1)
      }
      const saved = session.state
      expect(saved).toEqual({ updatedDeltaToken: expect.any(String), deletedDeltaToken: expect.any(String) })

      const newEtag = (await aurinko.contacts.update(edited.id, { nickName: 'sync-edited-2' }, { etag: edited.etag }))
        .etag
      await aurinko.contacts.delete(removed.id)
      const added = await create({ nickName: 'sync-added' })

      const delta = await runPass(session)
      expect(session.fullSync).toBe(false)
      expect(delta.restarts).toBe(0)
      expect(delta.upserts.get(edited.id)).toMatchObject({ etag: newEtag, nickName: 'sync-edited-2' })
      expect(delta.upserts.get(added.id)).toMatchObject({ etag: added.etag, nickName: 'sync-added' })
      expect(delta.upserts.has(kept.id)).toBe(false)
      expect(delta.upserts.has(removed.id)).toBe(false)
      expect(delta.deletes.has(removed.id)).toBe(true)
      expect(delta.deletes.has(kept.id)).toBe(false)
      expect(session.state).not.toEqual(saved)
    })

    it('resumes from state stored as JSON, in a new client, with only the changes since', async () => {
      const first = client().sync()
      await runPass(first)
      const stored = JSON.stringify(first.state)
      const added = await create({ nickName: 'resumed' })

      const resumed = client().sync({ state: JSON.parse(stored) })
      const pass = await runPass(resumed)
      expect(resumed.fullSync).toBe(false)
      expect(pass.restarts).toBe(0)
      expect([...pass.upserts.keys()]).toContain(added.id)
      expect(pass.upserts.size).toBeLessThan(5)
    })

    it('refuses a token it does not know with 401 AuthenticationError, code, message and request id', async () => {
      const error = await client({ accessToken: 'not-a-token' })
        .contacts.page()
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AuthenticationError)
      expect(error).toMatchObject({ status: 401, code: expect.any(String), requestId: expect.any(String) })
      expect((error as AuthenticationError).message).not.toBe('')
    })
  })
}
