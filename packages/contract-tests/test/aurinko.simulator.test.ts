import {
  type AurinkoClientOptions,
  AuthenticationError,
  createAurinkoClient,
  EtagMismatchError,
  InternalServerError,
  InvalidSyncTokenError,
  NotFoundError,
  type SyncChange,
  type SyncProgress,
  SyncTimeoutError,
  SyncTokenExpiredError,
} from '@contactkit/clients/aurinko'
import { manualClock } from '@contactkit/mocks'
import {
  type AurinkoSimulator,
  type AurinkoSimulatorOptions,
  createAurinkoSimulator,
  defaultSyncTiming,
  sandboxAccount,
  sandboxApp,
  secondAccount,
} from '@contactkit/mocks/aurinko'
import { type RunningServer, serve } from '@contactkit/mocks/node'
import { aurinkoDocument } from '@contactkit/specs/aurinko'
import { afterEach, describe, expect, it } from 'vitest'
import { type ConformanceRecorder, conformanceRecorder } from '../src/conformance.js'

let sim: AurinkoSimulator
let server: RunningServer | undefined
let conformance: ConformanceRecorder

/** A simulator on a manual clock served over HTTP, every answer checked against the spec. */
async function start(options: AurinkoSimulatorOptions = {}) {
  sim = createAurinkoSimulator({ clock: manualClock('2026-03-01T12:00:00Z'), ...options })
  server = await serve(sim)
  conformance = conformanceRecorder(aurinkoDocument, server.url)
  return server.url
}

afterEach(async () => {
  await server?.close()
  server = undefined
  expect(conformance.violations).toEqual([])
})

/** A client of the served simulator whose waits move the simulator clock. */
function client(options: Partial<AurinkoClientOptions> = {}) {
  return createAurinkoClient({
    accessToken: sandboxAccount.accessToken,
    baseUrl: server?.url,
    fetch: conformance.fetch,
    sleep: async (ms) => sim.clock.advance(ms),
    ...options,
  } as AurinkoClientOptions)
}

/** Changes of one pass, as `upsert:<id>`, `delete:<id>` and `restart:<reason>`. */
async function pass(changes: AsyncIterable<SyncChange>): Promise<string[]> {
  const seen: string[] = []
  for await (const change of changes) {
    seen.push(change.type === 'restart' ? `restart:${change.reason}` : `${change.type}:${change.id}`)
  }
  return seen
}

const upserts = (changes: string[]) => changes.filter((change) => change.startsWith('upsert:'))
const requestLines = (path: string) =>
  sim.journal.list({ path }).map((entry) => `${entry.status} ${entry.method} ${entry.path}`)

describe('provisioning on the simulator clock', () => {
  it('answers ready: false until provisioningMs has passed; the session polls every pollIntervalMs', async () => {
    await start({ sync: { provisioningMs: 10_000 } })
    const startedAt = sim.clock.now()
    const progress: SyncProgress[] = []
    const changes = await pass(client().sync({ pollIntervalMs: 2_000, onProgress: (step) => progress.push(step) }))
    expect(upserts(changes)).toHaveLength(25)
    const polls = sim.journal.list({ method: 'POST', path: '/v1/contacts/sync' })
    expect(polls.map((entry) => Date.parse(entry.at) - startedAt)).toEqual([0, 2000, 4000, 6000, 8000, 10_000])
    expect(progress.filter((step) => step.phase === 'provisioning').map((step) => step.ready)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ])
  })

  it('gives up with SyncTimeoutError once maxWaitMs of simulator time has passed', async () => {
    await start({ sync: { provisioningMs: 60_000 } })
    const error = await pass(client().sync({ pollIntervalMs: 1_000, maxWaitMs: 5_000 })).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(SyncTimeoutError)
    expect(error).toMatchObject({ maxWaitMs: 5_000, attempts: 6 })
  })

  it('is already ready for an account seeded with syncReady', async () => {
    await start()
    sim.seed({ accounts: [{ accountId: 2001, accessToken: 'ready-token', contacts: 3, syncReady: true }] })
    const changes = await pass(client({ accessToken: 'ready-token' }).sync())
    expect(upserts(changes)).toHaveLength(3)
    expect(requestLines('/v1/contacts/sync').filter((line) => line.includes('POST'))).toEqual([
      '200 POST /v1/contacts/sync',
    ])
  })

  it('is ready at once on a restart after 410; a fault rule makes a restart wait, and the session waits', async () => {
    await start()
    const first = client().sync()
    await pass(first)
    const startsBefore = sim.journal.list({ method: 'POST', path: '/v1/contacts/sync' }).length
    sim.clock.advance(defaultSyncTiming.tokenLifetimeMs)
    const restarted = client().sync({ state: first.state })
    expect((await pass(restarted))[0]).toBe('restart:expired')
    const restartStarts = () => sim.journal.list({ method: 'POST', path: '/v1/contacts/sync' }).slice(startsBefore)
    expect(restartStarts()).toHaveLength(1)

    // Provisioning is once per account (docs/decisions/aurinko-behaviour.md); a slow restart is a fault rule.
    sim.clock.advance(defaultSyncTiming.tokenLifetimeMs)
    sim.faults.add({ method: 'POST', path: '/v1/contacts/sync', status: 200, body: { ready: false }, times: 2 })
    const progress: SyncProgress[] = []
    const slow = client().sync({ state: restarted.state, onProgress: (step) => progress.push(step) })
    const changes = await pass(slow)
    expect(changes[0]).toBe('restart:expired')
    expect(upserts(changes)).toHaveLength(25)
    expect(progress.filter((step) => step.phase === 'provisioning').map((step) => step.ready)).toEqual([
      false,
      false,
      true,
    ])
  })
})

describe('provider-side edits', () => {
  it('reach the client through the next delta only: created and updated as upserts, deleted as deletions', async () => {
    const url = await start()
    const session = client().sync()
    const full = await pass(session)
    const [updatedId, deletedId] = upserts(full).map((change) => change.slice('upsert:'.length))
    const edit = await fetch(`${url}/__admin/state`, {
      method: 'POST',
      body: JSON.stringify({
        providerEdits: [
          {
            accountId: sandboxAccount.accountId,
            create: [{ name: { givenName: 'Made', familyName: 'InGoogle' } }],
            update: [{ id: updatedId, notes: 'edited in Outlook' }],
            delete: [deletedId],
          },
        ],
      }),
    })
    expect(edit.ok).toBe(true)
    const { providerEdits } = (await edit.json()) as { providerEdits: { created: string[] }[] }
    const createdId = providerEdits[0]?.created[0]
    const delta = await pass(session)
    expect(delta.sort()).toEqual([`delete:${deletedId}`, `upsert:${createdId}`, `upsert:${updatedId}`].sort())
    expect(await client().contacts.get(updatedId ?? '')).toMatchObject({ notes: 'edited in Outlook' })
  })

  it('make an etag read before them stale: the update answers 412 EtagMismatchError and the edit stays', async () => {
    await start()
    const aurinko = client()
    const { id, etag } = await aurinko.contacts.create({ name: { givenName: 'Ann' } })
    sim.providerEdit({ accountId: sandboxAccount.accountId, update: [{ id, notes: 'from the provider' }] })
    const error = await aurinko.contacts.update(id, { notes: 'from us' }, { etag }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(EtagMismatchError)
    expect(error).toMatchObject({ status: 412, code: 'preconditionFailed', sentEtag: etag })
    expect((error as EtagMismatchError).message).toMatch(/read it again/)
    const current = await aurinko.contacts.get(id)
    expect((error as EtagMismatchError).currentEtag).toBe(current.etag)
    expect(current.notes).toBe('from the provider')
    const saved = await aurinko.contacts.update(id, { notes: 'merged' }, { etag: current.etag })
    expect(saved.record?.notes).toBe('merged')
  })
})

describe('token expiry on the clock', () => {
  it('answers 410 syncToken.expired for an old delta token; the session starts over with a full sync', async () => {
    await start()
    const first = client().sync()
    await pass(first)
    const stored = JSON.stringify(first.state)
    sim.clock.advance(defaultSyncTiming.tokenLifetimeMs)
    const resumed = client().sync({ state: JSON.parse(stored) })
    const changes: SyncChange[] = []
    for await (const change of resumed) {
      changes.push(change)
    }
    expect(changes[0]).toMatchObject({ type: 'restart', reason: 'expired' })
    const restart = changes[0] as Extract<SyncChange, { type: 'restart' }>
    expect(restart.error).toBeInstanceOf(SyncTokenExpiredError)
    expect(restart.error).toMatchObject({ status: 410, code: 'syncToken.expired', requestId: expect.any(String) })
    expect(changes.filter((change) => change.type === 'upsert')).toHaveLength(25)
    expect(resumed).toMatchObject({ fullSync: true, restarts: 1 })
    expect(resumed.state).not.toEqual(JSON.parse(stored))
    expect(sim.journal.list({ status: 410 }).map((entry) => entry.path)).toEqual(['/v1/contacts/sync/updated'])
  })

  it('works the millisecond before the token expires', async () => {
    await start()
    const first = client().sync()
    await pass(first)
    sim.clock.advance(defaultSyncTiming.tokenLifetimeMs - 1)
    const resumed = client().sync({ state: first.state })
    expect(await pass(resumed)).toEqual([])
    expect(resumed.restarts).toBe(0)
  })

  it('starts over when a page token expires between two pages of one pass', async () => {
    await start({ sync: { pageSize: 10, tokenLifetimeMs: 60_000 } })
    const session = client().sync()
    const seen: string[] = []
    for await (const change of session) {
      seen.push(change.type === 'restart' ? `restart:${change.reason}` : change.type)
      if (seen.length === 10) {
        // The first page is consumed; its nextPageToken is now too old.
        sim.clock.advance(60_000)
      }
    }
    expect(seen.slice(0, 11)).toEqual([...Array(10).fill('upsert'), 'restart:expired'])
    expect(seen.slice(11)).toEqual(Array(25).fill('upsert'))
  })

  it('retries an invalid page token once from the delta token, as the vendor SDK does', async () => {
    await start({ sync: { pageSize: 10 } })
    const session = client().sync()
    let faulted = false
    const seen: string[] = []
    for await (const change of session) {
      seen.push(change.type)
      if (!faulted && seen.length === 10) {
        // The next request is the second page: make the server refuse its token once.
        sim.faults.add({
          method: 'GET',
          path: '/v1/contacts/sync/updated',
          status: 400,
          body: { code: 'token.notValid', message: 'Page token is invalid.', requestId: 'fault' },
          times: 1,
        })
        faulted = true
      }
    }
    expect(session.restarts).toBe(0)
    expect(seen).toHaveLength(35)
    const queries = sim.journal
      .list({ path: '/v1/contacts/sync/updated' })
      .map((entry) => `${entry.status} ${Object.keys(entry.query).join(',')}`)
    expect(queries).toEqual(['200 deltaToken', '400 pageToken', '200 deltaToken', '200 pageToken', '200 pageToken'])
  })
})

describe('empty tokens', () => {
  it('are refused as InvalidSyncTokenError (400 token.notValid), as any token the server cannot use', async () => {
    await start()
    const aurinko = client()
    for (const refusal of [
      () => aurinko.syncUpdated({ deltaToken: '' }),
      () => aurinko.syncDeleted({ deltaToken: '' }),
      () => aurinko.syncUpdated({ pageToken: '' }),
    ]) {
      const error = await refusal().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InvalidSyncTokenError)
      expect(error).toMatchObject({
        status: 400,
        code: 'token.notValid',
        message: expect.stringMatching(/it is empty/),
      })
    }
  })

  it('make the session start over with a full sync, as for any other unusable delta token', async () => {
    await start()
    const first = client().sync()
    await pass(first)
    // A token lost on the way (a proxy, a storage bug): the resumed session's first page goes out with it empty.
    let emptied = false
    const losing: typeof fetch = (input, init) => {
      const request = new Request(input, init)
      const url = new URL(request.url)
      if (!emptied && url.pathname === '/v1/contacts/sync/updated' && url.searchParams.has('deltaToken')) {
        emptied = true
        url.searchParams.set('deltaToken', '')
        return conformance.fetch(new Request(url, request))
      }
      return conformance.fetch(request)
    }
    const resumed = client({ fetch: losing }).sync({ state: first.state })
    const changes = await pass(resumed)
    expect(changes[0]).toBe('restart:invalidToken')
    expect(upserts(changes)).toHaveLength(25)
    expect(resumed).toMatchObject({ fullSync: true, restarts: 1 })
    expect(requestLines('/v1/contacts/sync/updated').slice(1, 3)).toEqual([
      '400 GET /v1/contacts/sync/updated',
      '200 GET /v1/contacts/sync/updated',
    ])
  })
})

describe('tenants', () => {
  it('shows each account only its own contacts, by token or by app credentials', async () => {
    await start()
    const second = await pass(client({ accessToken: secondAccount.accessToken }).sync())
    expect(upserts(second)).toHaveLength(5)
    const viaApp = client({
      accessToken: undefined,
      clientId: sandboxApp.clientId,
      clientSecret: sandboxApp.clientSecret,
      accountId: secondAccount.accountId,
    })
    const listed: string[] = []
    for await (const contact of viaApp.contacts.list()) {
      listed.push(`upsert:${contact.id}`)
    }
    expect(listed.sort()).toEqual(upserts(second).sort())
    const mine = upserts(await pass(client().sync()))
    expect(mine.filter((change) => second.includes(change))).toEqual([])
  })

  it("answers 404 for another account's contact and refuses its sync tokens", async () => {
    await start()
    const other = client({ accessToken: secondAccount.accessToken })
    const { id } = await client().contacts.create({ nickName: 'private' })
    for (const attempt of [
      () => other.contacts.get(id),
      () => other.contacts.update(id, { nickName: 'stolen' }, { etag: undefined }),
      () => other.contacts.delete(id),
    ]) {
      const error = await attempt().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(NotFoundError)
      expect(error).toMatchObject({ code: 'not_found' })
    }
    expect((await client().contacts.get(id)).nickName).toBe('private')
    const mine = client().sync()
    await pass(mine)
    const error = await other
      .syncUpdated({ deltaToken: mine.state?.updatedDeltaToken ?? '' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidSyncTokenError)
    expect((error as InvalidSyncTokenError).message).toMatch(/issued to another account/)
  })

  it('answers 401 token.dead for a revoked account and 401 for app credentials naming a foreign account', async () => {
    await start()
    sim.seed({
      apps: [{ clientId: 'other-app', clientSecret: 'other-secret' }],
      accounts: [{ accountId: 3001, accessToken: 'revoked', tokenDead: true }],
    })
    const dead = await client({ accessToken: 'revoked' })
      .contacts.page()
      .catch((caught: unknown) => caught)
    expect(dead).toBeInstanceOf(AuthenticationError)
    expect(dead).toMatchObject({ status: 401, code: 'token.dead', requestId: expect.any(String) })
    const foreign = await client({
      accessToken: undefined,
      clientId: 'other-app',
      clientSecret: 'other-secret',
      accountId: sandboxAccount.accountId,
    })
      .contacts.page()
      .catch((caught: unknown) => caught)
    expect(foreign).toBeInstanceOf(AuthenticationError)
    expect((foreign as AuthenticationError).message).toMatch(/has no account 1001/)
  })
})

describe('faults', () => {
  it('retries a GET after 429 with Retry-After, waiting as told', async () => {
    await start()
    sim.faults.add({ method: 'GET', path: '/v1/contacts', status: 429, headers: { 'Retry-After': '3' }, times: 1 })
    const waits: number[] = []
    const page = await client({ sleep: async (ms) => void waits.push(ms) }).contacts.page()
    expect(page.records).toHaveLength(25)
    expect(waits).toEqual([3000])
    expect(requestLines('/v1/contacts')).toEqual(['429 GET /v1/contacts', '200 GET /v1/contacts'])
  })

  it('never sends a create twice: a 503 on POST /v1/contacts is thrown, one contact at most', async () => {
    await start()
    sim.faults.add({ method: 'POST', path: '/v1/contacts', status: 503, times: 1 })
    const error = await client()
      .contacts.create({ nickName: 'once' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error).toMatchObject({ status: 503, requestId: expect.any(String) })
    expect(requestLines('/v1/contacts').filter((line) => line.includes('POST'))).toEqual(['503 POST /v1/contacts'])
  })

  it('never sends an update twice after a 502', async () => {
    await start()
    const { id, etag } = await client().contacts.create({ nickName: 'before' })
    sim.faults.add({ method: 'PATCH', path: '/v1/contacts/*', status: 502, times: 1 })
    await expect(client().contacts.update(id, { nickName: 'after' }, { etag })).rejects.toBeInstanceOf(
      InternalServerError,
    )
    expect(sim.journal.list({ method: 'PATCH' })).toHaveLength(1)
  })

  it('retries the sync start after a 503, since the vendor has callers repeat it', async () => {
    await start()
    sim.faults.add({ method: 'POST', path: '/v1/contacts/sync', status: 503, times: 2 })
    const changes = await pass(client().sync())
    expect(upserts(changes)).toHaveLength(25)
    const starts = sim.journal.list({ method: 'POST', path: '/v1/contacts/sync' }).map((entry) => entry.status)
    expect(starts.slice(0, 2)).toEqual([503, 503])
    expect(starts.at(-1)).toBe(200)
  })
})

describe('bad input gets the vendor error body and status, and changes nothing', () => {
  const auth = { Authorization: `Bearer ${sandboxAccount.accessToken}` }
  const json = { ...auth, 'Content-Type': 'application/json' }

  it.each<[string, string, string, RequestInit, number, string, RegExp]>([
    ['malformed JSON', 'POST', '/v1/contacts', { body: '{"name":', headers: json }, 400, 'badRequest', /JSON/],
    [
      'a wrong type',
      'POST',
      '/v1/contacts',
      { body: '{"name":{"familyName":5}}', headers: json },
      400,
      'badRequest',
      /body\.name\.familyName must be string/,
    ],
    [
      'an unknown enum value',
      'POST',
      '/v1/contacts',
      { body: '{"phoneNumbers":[{"number":"1","type":"fax"}]}', headers: json },
      400,
      'badRequest',
      /phoneNumbers\.0\.type must be one of/,
    ],
    [
      'an oversized body',
      'POST',
      '/v1/contacts',
      { body: JSON.stringify({ notes: 'x'.repeat(1024 * 1024 + 1) }), headers: json },
      413,
      'payloadTooLarge',
      /larger than/,
    ],
    [
      'a body that is not JSON',
      'POST',
      '/v1/contacts',
      { body: 'hello', headers: { ...auth, 'Content-Type': 'text/plain' } },
      415,
      'unsupportedMediaType',
      /JSON/,
    ],
    ['a limit out of range', 'GET', '/v1/contacts?limit=0', { headers: auth }, 400, 'badRequest', /limit/],
    [
      'a forged delta token',
      'GET',
      '/v1/contacts/sync/updated?deltaToken=forged',
      { headers: auth },
      400,
      'token.notValid',
      /not a token this server issued/,
    ],
    [
      'an empty delta token',
      'GET',
      '/v1/contacts/sync/updated?deltaToken=',
      { headers: auth },
      400,
      'token.notValid',
      /^Delta token is invalid: it is empty/,
    ],
    [
      'sync/updated with neither token',
      'GET',
      '/v1/contacts/sync/updated',
      { headers: auth },
      400,
      'badRequest',
      /deltaToken/,
    ],
    ['no credentials', 'GET', '/v1/contacts', {}, 401, 'unauthorized', /Not authorized/],
  ])('%s: %s %s', async (_name, method, path, init, status, code, message) => {
    const url = await start()
    const before = (await (await fetch(`${url}/__admin/state`)).json()) as unknown
    const response = await conformance.fetch(new Request(`${url}${path}`, { method, ...init }))
    const body = (await response.json()) as { code: string; message: string; requestId: string }
    expect(response.status).toBe(status)
    expect(body).toMatchObject({ code, message: expect.stringMatching(message) })
    expect(body.requestId).toBe(response.headers.get('x-request-id'))
    expect(await (await fetch(`${url}/__admin/state`)).json()).toEqual(before)
  })

  it("refuses a foreign id, a token of the other scope or endpoint, and another account's token", async () => {
    await start()
    const aurinko = client()
    const foreign = await client({ accessToken: secondAccount.accessToken }).contacts.page({ limit: 1 })
    const foreignId = foreign.records[0]?.id ?? ''
    await expect(aurinko.contacts.get(foreignId)).rejects.toBeInstanceOf(NotFoundError)
    const listPage = await aurinko.contacts.page({ limit: 1 })
    const status = await aurinko.startSync({ awaitReady: true })
    const refusals = [
      () => aurinko.syncDeleted({ deltaToken: status.syncUpdatedToken ?? '' }),
      () => aurinko.syncUpdated({ pageToken: listPage.nextPageToken ?? '' }),
      () =>
        client({ accessToken: secondAccount.accessToken }).syncUpdated({ deltaToken: status.syncUpdatedToken ?? '' }),
    ]
    const messages: string[] = []
    for (const refusal of refusals) {
      const error = await refusal().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InvalidSyncTokenError)
      expect(error).toMatchObject({ status: 400, code: 'token.notValid' })
      messages.push((error as Error).message)
    }
    expect(messages[0]).toMatch(/not a delta token of sync\/deleted/)
    expect(messages[1]).toMatch(/page token of the contact list/)
    expect(messages[2]).toMatch(/issued to another account/)
  })
})
