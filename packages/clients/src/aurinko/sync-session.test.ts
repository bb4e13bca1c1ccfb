import { describe, expect, it } from 'vitest'
import { ContactKitError, PollTimeoutError } from '../core/errors.js'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { createAurinkoClient } from './client.js'
import { InvalidSyncTokenError, SyncTokenExpiredError } from './errors.js'
import { type SyncChange, type SyncProgress, type SyncSessionOptions, SyncTimeoutError } from './sync-session.js'

type Answer = () => Response

const ready = (updated: string, deleted: string) =>
  json(200, { ready: true, syncUpdatedToken: updated, syncDeletedToken: deleted })
const notReady = () => json(200, { ready: false })
const contacts = (ids: string[], next: { nextPageToken?: string; nextDeltaToken?: string }) =>
  json(200, { ...next, length: ids.length, records: ids.map((id) => ({ id, etag: `${id}-etag` })) })
const deletions = (ids: string[], next: { nextPageToken?: string; nextDeltaToken?: string }) =>
  json(200, { ...next, length: ids.length, records: ids.map((id) => ({ id, timestamp: '2026-03-01T12:00:00Z' })) })
const expired = () => json(410, { code: 'syncToken.expired', message: 'syncToken expired.', requestId: 'r-410' })
const invalid = () => json(400, { code: 'token.notValid', message: 'Page token is invalid.', requestId: 'r-400' })

/**
 * An Aurinko that answers by request line (`POST /v1/contacts/sync`, `GET
 * /v1/contacts/sync/updated?deltaToken=u0`), each line's answers in order, the last one repeated.
 */
function scriptedAurinko(script: Record<string, Answer[]>, sessionOptions: SyncSessionOptions = {}) {
  const asked = new Map<string, number>()
  const { sleep, waits } = instantSleep()
  const fake = fakeFetch((request) => {
    const url = new URL(request.url)
    const line = `${request.method} ${url.pathname}${url.search.replace('?awaitReady=false', '')}`
    const answers = script[line]
    if (!answers) {
      return json(599, { code: 'unscripted', message: `The test has no answer for ${line}.` })
    }
    const count = asked.get(line) ?? 0
    asked.set(line, count + 1)
    return (answers[Math.min(count, answers.length - 1)] as Answer)()
  })
  const client = createAurinkoClient({ accessToken: 't', fetch: fake.fetch, maxRetries: 0 })
  const progress: SyncProgress[] = []
  const session = client.sync({
    sleep,
    onProgress: (step) => progress.push(step),
    ...sessionOptions,
  })
  const lines = () =>
    fake.requests.map(
      (sent) => `${sent.method} ${sent.url.pathname}${sent.url.search.replace('?awaitReady=false', '')}`,
    )
  return { session, fake, waits, progress, lines, client }
}

async function collect(changes: AsyncIterable<SyncChange>): Promise<string[]> {
  const seen: string[] = []
  for await (const change of changes) {
    seen.push(change.type === 'restart' ? `restart:${change.reason}` : `${change.type}:${change.id}`)
  }
  return seen
}

const start = 'POST /v1/contacts/sync'
const updated = (query: string) => `GET /v1/contacts/sync/updated?${query}`
const deleted = (query: string) => `GET /v1/contacts/sync/deleted?${query}`

describe('sync session: a full sync', () => {
  it('waits through ready: false, pages both scopes by token, and keeps the new delta tokens', async () => {
    const { session, waits, progress, lines } = scriptedAurinko(
      {
        [start]: [notReady, notReady, () => ready('u0', 'd0')],
        [updated('deltaToken=u0')]: [() => contacts(['a', 'b'], { nextPageToken: 'up1' })],
        [updated('pageToken=up1')]: [() => contacts(['c'], { nextDeltaToken: 'u1' })],
        [deleted('deltaToken=d0')]: [() => deletions(['x'], { nextDeltaToken: 'd1' })],
      },
      { pollIntervalMs: 2000 },
    )
    expect(session.state).toBeUndefined()
    expect(await collect(session)).toEqual(['upsert:a', 'upsert:b', 'upsert:c', 'delete:x'])
    expect(session.state).toEqual({ updatedDeltaToken: 'u1', deletedDeltaToken: 'd1' })
    expect(session.fullSync).toBe(true)
    expect(waits).toEqual([2000, 2000])
    expect(lines()).toEqual([
      start,
      start,
      start,
      updated('deltaToken=u0'),
      updated('pageToken=up1'),
      deleted('deltaToken=d0'),
    ])
    expect(progress.map((step) => `${step.phase}${step.ready === undefined ? '' : `:${step.ready}`}`)).toEqual([
      'provisioning:false',
      'provisioning:false',
      'provisioning:true',
      'updated',
      'updated',
      'deleted',
      'done',
    ])
    expect(progress.at(-1)).toMatchObject({ pages: 3, upserts: 3, deletes: 1, restarts: 0, fullSync: true })
  })

  it('yields each contact whole and each deletion with its timestamp', async () => {
    const { session } = scriptedAurinko({
      [start]: [() => ready('u0', 'd0')],
      [updated('deltaToken=u0')]: [() => contacts(['a'], { nextDeltaToken: 'u1' })],
      [deleted('deltaToken=d0')]: [() => deletions(['x'], { nextDeltaToken: 'd1' })],
    })
    const changes: SyncChange[] = []
    for await (const change of session) {
      changes.push(change)
    }
    expect(changes).toEqual([
      { type: 'upsert', id: 'a', contact: { id: 'a', etag: 'a-etag' } },
      { type: 'delete', id: 'x', timestamp: '2026-03-01T12:00:00Z' },
    ])
  })

  it('throws SyncTimeoutError, a PollTimeoutError, when provisioning outlasts maxWaitMs', async () => {
    const { session, lines } = scriptedAurinko({ [start]: [notReady] }, { pollIntervalMs: 1000, maxWaitMs: 3000 })
    const error = await collect(session).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SyncTimeoutError)
    expect(error).toBeInstanceOf(PollTimeoutError)
    expect(error).toMatchObject({ maxWaitMs: 3000, attempts: 4 })
    expect(lines()).toHaveLength(4)
  })

  it('refuses a ready answer without tokens, and a page with neither next token', async () => {
    const tokenless = scriptedAurinko({ [start]: [() => json(200, { ready: true })] })
    await expect(collect(tokenless.session)).rejects.toThrow(/ready: true without syncUpdatedToken/)
    const endless = scriptedAurinko({
      [start]: [() => ready('u0', 'd0')],
      [updated('deltaToken=u0')]: [() => contacts(['a'], {})],
    })
    await expect(collect(endless.session)).rejects.toThrow(/neither nextPageToken nor nextDeltaToken/)
    const looping = scriptedAurinko({
      [start]: [() => ready('u0', 'd0')],
      [updated('deltaToken=u0')]: [() => contacts(['a'], { nextPageToken: 'p' })],
      [updated('pageToken=p')]: [() => contacts(['b'], { nextPageToken: 'p' })],
    })
    await expect(collect(looping.session)).rejects.toBeInstanceOf(ContactKitError)
  })
})

describe('sync session: resuming', () => {
  it('resumes from saved state without starting a sync, and its state survives JSON', async () => {
    const saved = JSON.parse(JSON.stringify({ updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' }))
    const { session, lines } = scriptedAurinko(
      {
        [updated('deltaToken=u5')]: [() => contacts(['changed'], { nextDeltaToken: 'u6' })],
        [deleted('deltaToken=d5')]: [() => deletions([], { nextDeltaToken: 'd6' })],
      },
      { state: saved },
    )
    expect(session.state).toEqual(saved)
    expect(session.fullSync).toBe(false)
    expect(await collect(session)).toEqual(['upsert:changed'])
    expect(lines()).toEqual([updated('deltaToken=u5'), deleted('deltaToken=d5')])
    expect(JSON.parse(JSON.stringify(session.state))).toEqual({ updatedDeltaToken: 'u6', deletedDeltaToken: 'd6' })
  })

  it('runs the next pass from the tokens the last one ended with', async () => {
    const { session, lines } = scriptedAurinko({
      [start]: [() => ready('u0', 'd0')],
      [updated('deltaToken=u0')]: [() => contacts(['a'], { nextDeltaToken: 'u1' })],
      [deleted('deltaToken=d0')]: [() => deletions([], { nextDeltaToken: 'd1' })],
      [updated('deltaToken=u1')]: [() => contacts([], { nextDeltaToken: 'u2' })],
      [deleted('deltaToken=d1')]: [() => deletions(['a'], { nextDeltaToken: 'd2' })],
    })
    expect(await collect(session)).toEqual(['upsert:a'])
    expect(await collect(session)).toEqual(['delete:a'])
    expect(session.fullSync).toBe(false)
    expect(session.state).toEqual({ updatedDeltaToken: 'u2', deletedDeltaToken: 'd2' })
    expect(lines().filter((line) => line === start)).toHaveLength(1)
  })

  it('moves a token on only once the last change of its scope was consumed', async () => {
    const { session } = scriptedAurinko(
      {
        [updated('deltaToken=u5')]: [() => contacts(['a', 'b'], { nextDeltaToken: 'u6' })],
        [deleted('deltaToken=d5')]: [() => deletions(['x'], { nextDeltaToken: 'd6' })],
      },
      { state: { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' } },
    )
    const states: unknown[] = []
    for await (const change of session) {
      states.push(session.state)
      if (change.type === 'delete') {
        break
      }
    }
    expect(states).toEqual([
      { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' },
      { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' },
      { updatedDeltaToken: 'u6', deletedDeltaToken: 'd5' },
    ])
    // Stopped before the deletions were all consumed: the deleted scope resumes from d5.
    expect(session.state).toEqual({ updatedDeltaToken: 'u6', deletedDeltaToken: 'd5' })
  })

  it('refuses a state that is not the one it gave', () => {
    const client = createAurinkoClient({ accessToken: 't', fetch: fakeFetch(notReady).fetch })
    expect(() => client.sync({ state: { updatedDeltaToken: '', deletedDeltaToken: 'd' } })).toThrow(
      /state must be \{ updatedDeltaToken, deletedDeltaToken \}/,
    )
    expect(() => client.sync({ state: JSON.parse('{"syncUpdatedToken":"u"}') })).toThrow(TypeError)
  })

  it('refuses a second iteration while a pass runs', async () => {
    const { session } = scriptedAurinko(
      {
        [updated('deltaToken=u5')]: [() => contacts(['a'], { nextDeltaToken: 'u6' })],
        [deleted('deltaToken=d5')]: [() => deletions([], { nextDeltaToken: 'd6' })],
      },
      { state: { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' } },
    )
    const first = session[Symbol.asyncIterator]()
    await first.next()
    await expect(session[Symbol.asyncIterator]().next()).rejects.toThrow(/already being iterated/)
    await first.return?.(undefined)
    expect(await collect(session)).toEqual(['upsert:a'])
  })
})

describe('sync session: refused tokens', () => {
  it('starts over with a full sync on 410 syncToken.expired, saying so first', async () => {
    const { session, lines, progress } = scriptedAurinko(
      {
        [updated('deltaToken=old')]: [expired],
        [start]: [notReady, () => ready('u0', 'd0')],
        [updated('deltaToken=u0')]: [() => contacts(['a', 'b'], { nextDeltaToken: 'u1' })],
        [deleted('deltaToken=d0')]: [() => deletions([], { nextDeltaToken: 'd1' })],
      },
      { state: { updatedDeltaToken: 'old', deletedDeltaToken: 'old-d' } },
    )
    const changes: SyncChange[] = []
    for await (const change of session) {
      changes.push(change)
    }
    expect(changes[0]).toMatchObject({ type: 'restart', reason: 'expired' })
    const restart = changes[0] as Extract<SyncChange, { type: 'restart' }>
    expect(restart.error).toBeInstanceOf(SyncTokenExpiredError)
    expect(restart.error.requestId).toBe('r-410')
    expect(changes.slice(1).map((change) => `${change.type}:${'id' in change ? change.id : ''}`)).toEqual([
      'upsert:a',
      'upsert:b',
    ])
    expect(lines()).toEqual([
      updated('deltaToken=old'),
      start,
      start,
      updated('deltaToken=u0'),
      deleted('deltaToken=d0'),
    ])
    expect(session.state).toEqual({ updatedDeltaToken: 'u1', deletedDeltaToken: 'd1' })
    expect(session).toMatchObject({ fullSync: true, restarts: 1 })
    expect(progress.map((step) => step.phase)).toContain('restarting')
    // Reported as a full sync from the restart on, not before.
    const restartAt = progress.findIndex((step) => step.phase === 'restarting')
    expect(progress.slice(0, restartAt).every((step) => !step.fullSync)).toBe(true)
    expect(progress.slice(restartAt).every((step) => step.fullSync)).toBe(true)
  })

  it('starts over on 410 in the deleted scope too, reading both scopes again', async () => {
    const { session, lines } = scriptedAurinko(
      {
        [updated('deltaToken=u5')]: [() => contacts(['a'], { nextDeltaToken: 'u6' })],
        [deleted('deltaToken=d5')]: [expired],
        [start]: [() => ready('u0', 'd0')],
        [updated('deltaToken=u0')]: [() => contacts(['a', 'b'], { nextDeltaToken: 'u1' })],
        [deleted('deltaToken=d0')]: [() => deletions([], { nextDeltaToken: 'd1' })],
      },
      { state: { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' } },
    )
    expect(await collect(session)).toEqual(['upsert:a', 'restart:expired', 'upsert:a', 'upsert:b'])
    expect(lines()).toEqual([
      updated('deltaToken=u5'),
      deleted('deltaToken=d5'),
      start,
      updated('deltaToken=u0'),
      deleted('deltaToken=d0'),
    ])
  })

  it('retries an invalid page token once from the delta token', async () => {
    const { session, lines } = scriptedAurinko(
      {
        [updated('deltaToken=u5')]: [
          () => contacts(['a'], { nextPageToken: 'bad' }),
          () => contacts(['a'], { nextPageToken: 'good' }),
        ],
        [updated('pageToken=bad')]: [invalid],
        [updated('pageToken=good')]: [() => contacts(['b'], { nextDeltaToken: 'u6' })],
        [deleted('deltaToken=d5')]: [() => deletions([], { nextDeltaToken: 'd6' })],
      },
      { state: { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' } },
    )
    expect(await collect(session)).toEqual(['upsert:a', 'upsert:a', 'upsert:b'])
    expect(lines()).toEqual([
      updated('deltaToken=u5'),
      updated('pageToken=bad'),
      updated('deltaToken=u5'),
      updated('pageToken=good'),
      deleted('deltaToken=d5'),
    ])
    expect(session).toMatchObject({ restarts: 0, fullSync: false })
    expect(session.state).toEqual({ updatedDeltaToken: 'u6', deletedDeltaToken: 'd6' })
  })

  it('starts over when the page token is refused again after the retry', async () => {
    const { session, lines } = scriptedAurinko(
      {
        [updated('deltaToken=u5')]: [() => contacts(['a'], { nextPageToken: 'bad' })],
        [updated('pageToken=bad')]: [invalid],
        [start]: [() => ready('u0', 'd0')],
        [updated('deltaToken=u0')]: [() => contacts(['a'], { nextDeltaToken: 'u1' })],
        [deleted('deltaToken=d0')]: [() => deletions([], { nextDeltaToken: 'd1' })],
      },
      { state: { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' } },
    )
    expect(await collect(session)).toEqual(['upsert:a', 'upsert:a', 'restart:invalidToken', 'upsert:a'])
    expect(lines()).toEqual([
      updated('deltaToken=u5'),
      updated('pageToken=bad'),
      updated('deltaToken=u5'),
      updated('pageToken=bad'),
      start,
      updated('deltaToken=u0'),
      deleted('deltaToken=d0'),
    ])
  })

  it('starts over at once when the delta token itself is refused', async () => {
    const { session, lines } = scriptedAurinko(
      {
        [updated('deltaToken=forged')]: [invalid],
        [start]: [() => ready('u0', 'd0')],
        [updated('deltaToken=u0')]: [() => contacts([], { nextDeltaToken: 'u1' })],
        [deleted('deltaToken=d0')]: [() => deletions([], { nextDeltaToken: 'd1' })],
      },
      { state: { updatedDeltaToken: 'forged', deletedDeltaToken: 'd5' } },
    )
    expect(await collect(session)).toEqual(['restart:invalidToken'])
    expect(lines()).toEqual([updated('deltaToken=forged'), start, updated('deltaToken=u0'), deleted('deltaToken=d0')])
  })

  it('gives up after maxRestarts with the token error', async () => {
    const { session, lines } = scriptedAurinko(
      { [start]: [() => ready('u0', 'd0')], [updated('deltaToken=u0')]: [expired] },
      { maxRestarts: 1 },
    )
    const seen: string[] = []
    const error = await (async () => {
      for await (const change of session) {
        seen.push(change.type)
      }
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SyncTokenExpiredError)
    expect(seen).toEqual(['restart'])
    expect(lines()).toEqual([start, updated('deltaToken=u0'), start, updated('deltaToken=u0')])
  })

  it('passes other errors through without starting over', async () => {
    const { session, lines } = scriptedAurinko(
      { [updated('deltaToken=u5')]: [() => json(401, { code: 'token.dead', message: 'Not authorized' })] },
      { state: { updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' } },
    )
    const error = await collect(session).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 401, code: 'token.dead' })
    expect(error).not.toBeInstanceOf(InvalidSyncTokenError)
    expect(lines()).toEqual([updated('deltaToken=u5')])
    expect(session.state).toEqual({ updatedDeltaToken: 'u5', deletedDeltaToken: 'd5' })
  })
})

describe('sync session: stopping', () => {
  it('stops provisioning when the signal aborts, with its reason', async () => {
    const controller = new AbortController()
    const { session, lines } = scriptedAurinko(
      { [start]: [notReady] },
      {
        signal: controller.signal,
        onProgress: () => controller.abort(new Error('The user left.')),
      },
    )
    await expect(collect(session)).rejects.toThrow('The user left.')
    expect(lines()).toEqual([start])
  })
})
