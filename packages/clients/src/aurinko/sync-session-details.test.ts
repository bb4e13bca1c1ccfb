import { describe, expect, it } from 'vitest'
import { apiError, ContactKitError } from '../core/errors.js'
import { instantSleep } from '../testing/fake-sleep.js'
import type { ContactsPage, DeletedPage, SyncStatus } from './client.js'
import { readAurinkoError, SyncTokenExpiredError } from './errors.js'
import {
  createSyncSession,
  type SyncApi,
  type SyncChange,
  type SyncSessionOptions,
  SyncTimeoutError,
} from './sync-session.js'

// What a sync session tells its caller besides the changes: whether it is a full sync, what it
// refuses to resume from, the signal it passes on, and why it stops.

const ready: SyncStatus = { ready: true, syncUpdatedToken: 'u1', syncDeletedToken: 'd1' } as SyncStatus
const lastPage = (records: unknown[] = []) =>
  ({ records, length: records.length, nextDeltaToken: 'next' }) as unknown as ContactsPage & DeletedPage

/** A sync API that answers from the given functions, recording the options of each call. */
function api(answers: Partial<SyncApi> = {}) {
  const calls: Array<{ name: string; options: unknown }> = []
  const fake: SyncApi = {
    startSync: async (options) => {
      calls.push({ name: 'startSync', options })
      return answers.startSync ? answers.startSync(options) : ready
    },
    syncUpdated: async (tokens, options) => {
      calls.push({ name: 'syncUpdated', options })
      return answers.syncUpdated ? answers.syncUpdated(tokens, options) : lastPage()
    },
    syncDeleted: async (tokens, options) => {
      calls.push({ name: 'syncDeleted', options })
      return answers.syncDeleted ? answers.syncDeleted(tokens, options) : lastPage()
    },
  }
  return { fake, calls }
}

async function changesOf(sync: SyncApi, options: SyncSessionOptions = {}): Promise<SyncChange[]> {
  const changes: SyncChange[] = []
  for await (const change of createSyncSession(sync, { sleep: instantSleep().sleep, ...options })) {
    changes.push(change)
  }
  return changes
}

describe('a sync session', () => {
  it('is a full sync before its first pass only when it has no state', () => {
    expect(createSyncSession(api().fake).fullSync).toBe(true)
    expect(createSyncSession(api().fake, { state: { updatedDeltaToken: 'u', deletedDeltaToken: 'd' } }).fullSync).toBe(
      false,
    )
  })

  it('refuses to resume from a state with an empty or missing token', () => {
    const sentence =
      'Failed to resume the Aurinko sync: state must be { updatedDeltaToken, deletedDeltaToken } with two non-empty strings, as session.state gave it; leave it out to start a full sync.'
    for (const state of [
      { updatedDeltaToken: '', deletedDeltaToken: 'd' },
      { updatedDeltaToken: 'u', deletedDeltaToken: '' },
      { updatedDeltaToken: 'u' },
      { deletedDeltaToken: 'd' },
    ]) {
      expect(() => createSyncSession(api().fake, { state: state as never })).toThrow(new TypeError(sentence))
    }
  })

  it('passes its signal to every call it makes', async () => {
    const { fake, calls } = api()
    const signal = new AbortController().signal
    await changesOf(fake, { signal })
    expect(calls.map((call) => call.name)).toEqual(['startSync', 'syncUpdated', 'syncDeleted'])
    for (const call of calls) {
      expect((call.options as { signal?: AbortSignal }).signal).toBe(signal)
    }
  })

  it('gives an updated contact without an id the empty id', async () => {
    const { fake } = api({ syncUpdated: async () => lastPage([{ name: { givenName: 'Ada' } }]) })
    const changes = await changesOf(fake)
    expect(changes).toEqual([{ type: 'upsert', id: '', contact: { name: { givenName: 'Ada' } } }])
  })

  it('is a full sync again after it restarts', async () => {
    let expired = true
    const { fake } = api({
      syncUpdated: async () => {
        if (expired) {
          expired = false
          throw new SyncTokenExpiredError(
            apiError(
              new Response(null, { status: 410 }),
              { code: 'syncToken.expired', message: 'Expired.' },
              readAurinkoError,
            ),
          )
        }
        return lastPage()
      },
    })
    const session = createSyncSession(fake, {
      state: { updatedDeltaToken: 'u', deletedDeltaToken: 'd' },
      sleep: instantSleep().sleep,
    })
    const changes = []
    for await (const change of session) {
      changes.push(change.type)
    }
    expect(changes).toEqual(['restart'])
    expect(session.fullSync).toBe(true)
  })
})

describe('a sync session stops', () => {
  it('when provisioning outlasts maxWaitMs, saying so', async () => {
    const { fake } = api({ startSync: async () => ({ ready: false }) as SyncStatus })
    const error = await changesOf(fake, { pollIntervalMs: 1000, maxWaitMs: 2000 }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SyncTimeoutError)
    expect((error as Error).message).toBe(
      'The contacts sync was not ready within 2000 ms (3 checks); raise maxWaitMs, the provider may still be indexing a large address book.',
    )
  })

  it('when ready comes without both sync tokens', async () => {
    const { fake } = api({ startSync: async () => ({ ready: true, syncUpdatedToken: 'u1' }) as SyncStatus })
    await expect(changesOf(fake)).rejects.toThrow(
      new ContactKitError(
        'POST /v1/contacts/sync answered ready: true without syncUpdatedToken and syncDeletedToken; the sync cannot be read.',
      ),
    )
  })

  it('when a page names itself as the next one', async () => {
    const { fake } = api({
      syncUpdated: async (tokens) =>
        ({ records: [], length: 0, nextPageToken: tokens.pageToken ?? 'p1' }) as unknown as ContactsPage,
    })
    await expect(changesOf(fake)).rejects.toThrow(
      'GET /v1/contacts/sync/updated answered the page token it was given as the next one; the sync would never end.',
    )
  })
})
