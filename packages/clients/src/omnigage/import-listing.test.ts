import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../core/errors.js'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { createOmnigageClient } from './client.js'

// The import settings sent as they were given, the imports listed a page at a time with the
// caller's filter, and a download whose error answer breaks off.

const omnigage = (fetch: (request: Request) => Promise<Response>) =>
  createOmnigageClient({ tokenKey: 'key', tokenSecret: 'secret', fetch, sleep: instantSleep().sleep })

const imported = (id: string) => ({ type: 'import-contacts', id, attributes: { status: 'completed' } })

describe('createImport settings', () => {
  it('sends update pruning and preflights when given, false included', async () => {
    const fake = fakeFetch(() => json(201, { data: imported('imp-1') }))
    await omnigage(fake.fetch).createImport({ id: 'up-1' }, { updatePruning: true, enablePreflights: false })
    expect(JSON.parse(fake.requests[0]?.body ?? '').data.attributes).toEqual({
      status: 'queued',
      'update-pruning': true,
      'enable-preflights': false,
    })
  })
})

describe('createImport without settings', () => {
  it('sends the status alone, and the upload it imports', async () => {
    const fake = fakeFetch(() => json(201, { data: imported('imp-2') }))
    await omnigage(fake.fetch).createImport('up-9')
    expect(JSON.parse(fake.requests[0]?.body ?? '').data).toStrictEqual({
      type: 'import-contacts',
      attributes: { status: 'queued' },
      relationships: { upload: { data: { type: 'uploads', id: 'up-9' } } },
    })
  })
})

describe('listImports', () => {
  it('asks for the import-contacts collection', async () => {
    const fake = fakeFetch(() => json(200, { data: [], meta: { count: 0 }, links: {} }))
    await omnigage(fake.fetch).listImports()
    expect(`${fake.requests[0]?.method} ${fake.requests[0]?.url.pathname}`).toBe('GET /api/v1/import-contacts')
  })
})

describe('imports()', () => {
  it('lists every import a page at a time, with the status filter on each page', async () => {
    const fake = fakeFetch(
      () => json(200, { data: [imported('a'), imported('b')], meta: { count: 3 }, links: {} }),
      () => json(200, { data: [imported('c')], meta: { count: 3 }, links: {} }),
    )
    const ids: string[] = []
    for await (const found of omnigage(fake.fetch).imports({ status: 'completed', limit: 2 })) {
      ids.push(found.id)
    }
    expect(ids).toEqual(['a', 'b', 'c'])
    expect(fake.requests.map((sent) => Object.fromEntries(sent.url.searchParams))).toEqual([
      { 'page[offset]': '0', 'page[limit]': '2', 'filter[status]': 'completed' },
      { 'page[offset]': '2', 'page[limit]': '2', 'filter[status]': 'completed' },
    ])
  })
})

describe('downloadFile', () => {
  it('asks for any type, and stops at once for an aborted signal', async () => {
    const fake = fakeFetch(() => new Response('a,b\n'))
    await omnigage(fake.fetch).downloadFile('https://bucket.s3.test/x.csv')
    expect(fake.requests[0]?.headers.get('accept')).toBe('*/*')
    const stop = new Error('user went away')
    await expect(
      omnigage(fake.fetch).downloadFile('https://bucket.s3.test/x.csv', { signal: AbortSignal.abort(stop) }),
    ).rejects.toBe(stop)
    expect(fake.requests).toHaveLength(1)
  })

  it("reads S3's XML after leading whitespace, Omnigage's JSON and a text body each in its own way", async () => {
    const fake = fakeFetch(
      () =>
        new Response('\n <Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', {
          status: 403,
        }),
      () => json(404, { errors: [{ detail: 'File "f2" was not found.', code: 404 }] }),
      () => new Response('Service unavailable', { status: 400 }),
    )
    const client = omnigage(fake.fetch)
    const fail = (url: string) => client.downloadFile(url).catch((caught: unknown) => caught)
    expect(await fail('https://bucket.s3.test/x.csv')).toMatchObject({
      code: 'AccessDenied',
      message: 'Request has expired',
    })
    expect(await fail('/api/v1/files/f2/content')).toMatchObject({ code: '404', message: 'File "f2" was not found.' })
    expect(await fail('/api/v1/files/f3/content')).toMatchObject({ status: 400, message: 'Service unavailable' })
  })

  it('throws an error by status, with an empty body, when the error answer breaks off', async () => {
    const broken = new Response(
      new ReadableStream({
        pull(controller) {
          controller.error(new Error('connection reset'))
        },
      }),
      { status: 403 },
    )
    const fake = fakeFetch(() => broken)
    const error = await omnigage(fake.fetch)
      .downloadFile('https://bucket.s3.test/x.csv')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 403, body: '' })
  })
})

describe('downloadFile without a fetch of its own', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('uses the global fetch at the time of the call', async () => {
    const client = createOmnigageClient({ tokenKey: 'key', tokenSecret: 'secret', sleep: instantSleep().sleep })
    const seen: string[] = []
    vi.stubGlobal('fetch', async (request: Request) => {
      seen.push(request.url)
      return new Response('a,b\n')
    })
    const response = await client.downloadFile('https://bucket.s3.test/x.csv')
    expect(await response.text()).toBe('a,b\n')
    expect(seen).toEqual(['https://bucket.s3.test/x.csv'])
  })
})

describe('client settings', () => {
  it('drops every trailing slash of baseUrl, for API calls and for relative download URLs', async () => {
    const fake = fakeFetch((request) =>
      new URL(request.url).pathname.endsWith('.csv') ? new Response('a,b\n') : json(200, { data: imported('imp-1') }),
    )
    const client = createOmnigageClient({
      tokenKey: 'key',
      tokenSecret: 'secret',
      baseUrl: 'http://sim.test/omnigage///',
      fetch: fake.fetch,
    })
    await client.getImport('imp-1')
    await client.downloadFile('files/x.csv')
    expect(fake.requests.map((sent) => sent.url.href)).toEqual([
      'http://sim.test/omnigage/api/v1/import-contacts/imp-1',
      'http://sim.test/omnigage/files/x.csv',
    ])
    expect(fake.requests[1]?.headers.get('authorization')).toMatch(/^Basic /)
  })

  it('calls https://api.omnigage.io when no baseUrl is given', async () => {
    const fake = fakeFetch(() => json(200, { data: imported('imp-1') }))
    await omnigage(fake.fetch).getImport('imp-1')
    expect(fake.requests[0]?.url.href).toBe('https://api.omnigage.io/api/v1/import-contacts/imp-1')
  })

  it('retries API calls and downloads no more than maxRetries, with its delays', async () => {
    const { sleep, waits } = instantSleep()
    const fake = fakeFetch(() => json(503, {}))
    const client = createOmnigageClient({
      tokenKey: 'key',
      tokenSecret: 'secret',
      fetch: fake.fetch,
      sleep,
      maxRetries: 1,
      initialDelayMs: 4000,
      maxDelayMs: 4000,
    })
    await expect(client.getImport('imp-1')).rejects.toMatchObject({ status: 503 })
    await expect(client.downloadFile('https://bucket.s3.test/x.csv')).rejects.toMatchObject({ status: 503 })
    expect(fake.requests).toHaveLength(4)
    // A quarter off at most, for jitter.
    expect(waits.every((ms) => ms >= 3000 && ms <= 4000)).toBe(true)
    expect(waits).toHaveLength(2)
  })
})
