import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PreconditionFailedError,
} from '../core/errors.js'
import { fakeFetch, json, networkError } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { type AurinkoClientOptions, createAurinkoClient } from './client.js'
import { EtagMismatchError, InvalidSyncTokenError, SyncTokenExpiredError } from './errors.js'

const saved = { id: 'c-1', etag: 'etag-1', record: { id: 'c-1', etag: 'etag-1', name: { givenName: 'Sam' } } }
const failure = (code: string, message: string) => ({
  code,
  message,
  requestId: 'b7e1c7a2-0000-4000-8000-000000000001',
})

function aurinko(fetch: (request: Request) => Promise<Response>, options: Partial<AurinkoClientOptions> = {}) {
  return createAurinkoClient({
    accessToken: 'token-1',
    fetch,
    sleep: instantSleep().sleep,
    ...options,
  } as AurinkoClientOptions)
}

describe('createAurinkoClient: credentials and URLs', () => {
  it('sends the account token as Bearer to https://api.aurinko.io/v1/…', async () => {
    const fake = fakeFetch(() => json(200, saved.record))
    await aurinko(fake.fetch).contacts.get('c-1')
    const [sent] = fake.requests
    expect(sent?.url.href).toBe('https://api.aurinko.io/v1/contacts/c-1')
    expect(sent?.headers.get('authorization')).toBe('Bearer token-1')
    expect(sent?.headers.has('x-aurinko-account-id')).toBe(false)
    expect(sent?.headers.get('accept')).toBe('application/json')
  })

  it('reads a token function for every request, so it may refresh', async () => {
    const fake = fakeFetch(() => json(200, saved.record))
    let issued = 0
    const client = aurinko(fake.fetch, { accessToken: () => `token-${++issued}` })
    await client.contacts.get('c-1')
    await client.contacts.get('c-1')
    expect(fake.requests.map((sent) => sent.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2'])
  })

  it('sends app credentials as Basic with X-Aurinko-Account-Id, to a given base URL', async () => {
    const fake = fakeFetch(() => json(200, saved.record))
    const client = createAurinkoClient({
      clientId: 'app',
      clientSecret: 'sécret',
      accountId: 1001,
      baseUrl: 'http://127.0.0.1:4020/',
      fetch: fake.fetch,
    })
    await client.contacts.get('c 1')
    const [sent] = fake.requests
    expect(sent?.url.href).toBe('http://127.0.0.1:4020/v1/contacts/c%201')
    const bytes = Uint8Array.from(atob(sent?.headers.get('authorization')?.slice(6) ?? ''), (c) => c.charCodeAt(0))
    expect(new TextDecoder().decode(bytes)).toBe('app:sécret')
    expect(sent?.headers.get('x-aurinko-account-id')).toBe('1001')
  })

  it('refuses options with neither a token nor the whole app triple', () => {
    expect(() => createAurinkoClient({ clientId: 'app', clientSecret: '', accountId: 1 })).toThrow(
      /give either accessToken, or clientId, clientSecret and accountId/,
    )
  })
})

describe('createAurinkoClient: contacts', () => {
  it('creates with a JSON body and answers id, etag and record', async () => {
    const fake = fakeFetch(() => json(201, saved))
    const result = await aurinko(fake.fetch).contacts.create({ name: { givenName: 'Sam' } })
    expect(result).toEqual(saved)
    const [sent] = fake.requests
    expect(sent?.method).toBe('POST')
    expect(sent?.headers.get('content-type')).toBe('application/json')
    expect(JSON.parse(sent?.body ?? '')).toEqual({ name: { givenName: 'Sam' } })
  })

  it('sends the etag as If-Match on update, and no If-Match when told etag: undefined', async () => {
    const fake = fakeFetch(() => json(200, { ...saved, etag: 'etag-2' }))
    const client = aurinko(fake.fetch)
    expect((await client.contacts.update('c-1', { nickName: 'Sammy' }, { etag: 'etag-1' })).etag).toBe('etag-2')
    await client.contacts.update('c-1', { nickName: 'Sammy' }, { etag: undefined })
    expect(fake.requests.map((sent) => [sent.method, sent.headers.get('if-match'), sent.body])).toEqual([
      ['PATCH', 'etag-1', '{"nickName":"Sammy"}'],
      ['PATCH', null, '{"nickName":"Sammy"}'],
    ])
  })

  it('throws EtagMismatchError on 412 with the etag sent and the server etag when it gives one', async () => {
    const fake = fakeFetch(
      () => json(412, failure('preconditionFailed', 'The contact changed since it was read.'), { ETag: '"etag-9"' }),
      () => json(412, { ...failure('preconditionFailed', 'Changed.'), etag: 'etag-8' }),
      () => json(412, failure('preconditionFailed', 'Changed.')),
    )
    const client = aurinko(fake.fetch)
    const caught = [
      await client.contacts.update('c-1', {}, { etag: 'etag-1' }).catch((error: unknown) => error),
      await client.contacts.update('c-1', {}, { etag: 'etag-1' }).catch((error: unknown) => error),
      await client.contacts.update('c-1', {}, { etag: 'etag-1' }).catch((error: unknown) => error),
    ]
    for (const error of caught) {
      expect(error).toBeInstanceOf(EtagMismatchError)
      expect(error).toBeInstanceOf(PreconditionFailedError)
    }
    expect(caught[0]).toMatchObject({
      status: 412,
      code: 'preconditionFailed',
      message: 'The contact changed since it was read.',
      requestId: 'b7e1c7a2-0000-4000-8000-000000000001',
      sentEtag: 'etag-1',
      currentEtag: 'etag-9',
    })
    expect(caught[1]).toMatchObject({ currentEtag: 'etag-8' })
    expect((caught[2] as EtagMismatchError).currentEtag).toBeUndefined()
    expect(fake.requests).toHaveLength(3)
  })

  it('deletes, and throws NotFoundError with the vendor code for an unknown id', async () => {
    const fake = fakeFetch(
      () => new Response(null, { status: 200 }),
      () => json(404, failure('not_found', 'Contact not found')),
    )
    const client = aurinko(fake.fetch)
    await expect(client.contacts.delete('c-1')).resolves.toBeUndefined()
    const error = await client.contacts.delete('c-1').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({ code: 'not_found', message: 'Contact not found' })
  })

  it('sends get options as query parameters, nativeProperties repeated', async () => {
    const fake = fakeFetch(() => json(200, saved.record))
    await aurinko(fake.fetch).contacts.get('c-1', { bodyType: 'html', nativeProperties: ['a', 'b'], withPhoto: true })
    expect(fake.requests[0]?.url.search).toBe('?bodyType=html&nativeProperties=a&nativeProperties=b&withPhoto=true')
  })

  it('lists every contact by following nextPageToken', async () => {
    const fake = fakeFetch(
      () => json(200, { length: 2, records: [{ id: 'a' }, { id: 'b' }], nextPageToken: 'p2' }),
      () => json(200, { length: 1, records: [{ id: 'c' }] }),
    )
    const ids: unknown[] = []
    for await (const contact of aurinko(fake.fetch).contacts.list({ limit: 2 })) {
      ids.push(contact.id)
    }
    expect(ids).toEqual(['a', 'b', 'c'])
    expect(fake.requests.map((sent) => sent.url.search)).toEqual(['?limit=2', '?limit=2&pageToken=p2'])
  })
})

describe('createAurinkoClient: retries', () => {
  it('does not send a create again after a 503 or a network error: it may have created the contact', async () => {
    const fake = fakeFetch(
      () => json(503, failure('internalError', 'Try again later.')),
      networkError('ECONNRESET'),
      () => json(201, saved),
    )
    const client = aurinko(fake.fetch)
    await expect(client.contacts.create({ nickName: 'x' })).rejects.toBeInstanceOf(InternalServerError)
    const error = await client.contacts.create({ nickName: 'x' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toMatch(/pass idempotent: true if repeating it is safe/)
    expect(fake.requests).toHaveLength(2)
  })

  it('does not send an update again after a 502', async () => {
    const fake = fakeFetch(
      () => json(502, failure('internalError', 'Bad gateway.')),
      () => json(200, saved),
    )
    await expect(aurinko(fake.fetch).contacts.update('c-1', {}, { etag: 'e' })).rejects.toBeInstanceOf(
      InternalServerError,
    )
    expect(fake.requests).toHaveLength(1)
  })

  it('retries sync start, which the vendor has callers repeat, and GETs on 429 with Retry-After', async () => {
    const { sleep, waits } = instantSleep()
    const fake = fakeFetch(
      () => json(503, failure('internalError', 'Try again.')),
      () => json(200, { ready: false }),
      () => json(429, failure('rateLimited', 'Slow down.'), { 'Retry-After': '2' }),
      () => json(200, { length: 0, records: [], nextDeltaToken: 'd2' }),
    )
    const client = aurinko(fake.fetch, { sleep })
    expect(await client.startSync()).toEqual({ ready: false })
    expect(await client.syncUpdated({ deltaToken: 'd1' })).toMatchObject({ nextDeltaToken: 'd2' })
    expect(fake.requests.map((sent) => `${sent.method} ${sent.url.pathname}${sent.url.search}`)).toEqual([
      'POST /v1/contacts/sync?awaitReady=false',
      'POST /v1/contacts/sync?awaitReady=false',
      'GET /v1/contacts/sync/updated?deltaToken=d1',
      'GET /v1/contacts/sync/updated?deltaToken=d1',
    ])
    expect(waits[1]).toBe(2000)
  })

  it('lets a caller stop sync start from being retried', async () => {
    const fake = fakeFetch(() => json(503, failure('internalError', 'Try again.')))
    await expect(aurinko(fake.fetch).startSync({ idempotent: false })).rejects.toBeInstanceOf(InternalServerError)
    expect(fake.requests).toHaveLength(1)
  })
})

describe('createAurinkoClient: errors', () => {
  it('carries code, message and requestId from the body when no X-Request-Id header came', async () => {
    const fake = fakeFetch(() => json(401, failure('token.dead', 'Not authorized')))
    const error = await aurinko(fake.fetch)
      .startSync()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({
      status: 401,
      code: 'token.dead',
      message: 'Not authorized',
      requestId: 'b7e1c7a2-0000-4000-8000-000000000001',
    })
  })

  it('types 410 on a sync page as SyncTokenExpiredError and a bad token as InvalidSyncTokenError', async () => {
    const fake = fakeFetch(
      () => json(410, failure('syncToken.expired', 'syncToken expired.')),
      () => json(400, failure('token.notValid', 'Page token is invalid.')),
      () => json(400, failure('badRequest', 'The request is not valid.')),
    )
    const client = aurinko(fake.fetch)
    const expired = await client.syncUpdated({ deltaToken: 'd' }).catch((caught: unknown) => caught)
    const invalid = await client.syncDeleted({ pageToken: 'p' }).catch((caught: unknown) => caught)
    const other = await client.syncDeleted({ pageToken: 'p' }).catch((caught: unknown) => caught)
    expect(expired).toBeInstanceOf(SyncTokenExpiredError)
    expect(expired).toMatchObject({ status: 410, code: 'syncToken.expired', message: 'syncToken expired.' })
    expect(invalid).toBeInstanceOf(InvalidSyncTokenError)
    expect(other).not.toBeInstanceOf(InvalidSyncTokenError)
    expect(fake.requests.map((sent) => sent.url.search)).toEqual(['?deltaToken=d', '?pageToken=p', '?pageToken=p'])
  })
})
