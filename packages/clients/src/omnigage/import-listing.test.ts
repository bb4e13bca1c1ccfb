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
