import { describe, expect, it } from 'vitest'
import { AuthenticationError, InternalServerError, NotFoundError } from '../core/errors.js'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { type Contact, createOmnigageClient, type OmnigageClientOptions } from './client.js'

// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent literally
const formKey = 'uploads/x/${filename}'

const failure = (detail: string, code: number) => ({ errors: [{ detail, code }] })

function omnigage(fetch: (request: Request) => Promise<Response>, options: Partial<OmnigageClientOptions> = {}) {
  return createOmnigageClient({
    tokenKey: 'key',
    tokenSecret: 'secret',
    fetch,
    sleep: instantSleep().sleep,
    ...options,
  })
}

const contact = (n: number): Contact => ({
  type: 'contacts',
  id: `contact${String(n).padStart(15, '0')}`,
  attributes: {
    'first-name': `Ada ${n}`,
    'last-name': 'Victor',
    company: null,
    title: null,
    'phone-number': null,
    'email-address': null,
    'phone-numbers': [],
    'email-addresses': [],
    'created-at': '2020-02-28T20:44:47.940610+00:00',
    'updated-at': '2020-02-28T20:44:47.940610+00:00',
  },
  relationships: { 'created-by': { data: null }, 'updated-by': { data: null } },
})

const uploadDocument = {
  data: {
    type: 'uploads',
    id: 'Q843fc2UoJf4B5CrQxQ6Cd',
    attributes: {
      'expires-at': 'Fri, 28 Feb 2020 21:27:24 GMT',
      'max-length-in-bytes': 5368724480,
      'request-url': 'https://bucket.s3.amazonaws.com/',
      'request-method': 'post',
      'request-headers': [],
      'request-form-data': [{ key: formKey }],
    },
  },
}

describe('createOmnigageClient: credentials and URLs', () => {
  it('sends the token as Basic key:secret to https://api.omnigage.io, without X-Account-Key unless given', async () => {
    const fake = fakeFetch(() => json(200, { data: contact(1) }))
    await omnigage(fake.fetch).getContact('c 1')
    const [sent] = fake.requests
    expect(sent?.url.href).toBe('https://api.omnigage.io/api/v1/contacts/c%201')
    expect(sent?.headers.get('authorization')).toBe(`Basic ${btoa('key:secret')}`)
    expect(sent?.headers.get('accept')).toBe('application/json')
    expect(sent?.headers.has('x-account-key')).toBe(false)
  })

  it('sends X-Account-Key when given, to a given base URL', async () => {
    const fake = fakeFetch(() => json(200, { data: contact(1) }))
    await omnigage(fake.fetch, { accountKey: 'firstbank', baseUrl: 'http://127.0.0.1:4030/' }).getContact('c1')
    const [sent] = fake.requests
    expect(sent?.url.href).toBe('http://127.0.0.1:4030/api/v1/contacts/c1')
    expect(sent?.headers.get('x-account-key')).toBe('firstbank')
  })

  it('refuses options without a token key and secret', () => {
    expect(() => createOmnigageClient({ tokenKey: 'key', tokenSecret: '' })).toThrow(/give tokenKey and tokenSecret/)
  })
})

describe('createOmnigageClient: calls', () => {
  it('creates an upload from a flat body, and retries it on 503 (a repeat only leaves an unused form)', async () => {
    const fake = fakeFetch(
      () => json(503, failure('Try later.', 503)),
      () => json(201, uploadDocument),
    )
    const upload = await omnigage(fake.fetch).createUpload({ name: 'a.csv', type: 'text/csv', size: 12 })
    expect(upload.id).toBe('Q843fc2UoJf4B5CrQxQ6Cd')
    expect(fake.requests).toHaveLength(2)
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({ name: 'a.csv', type: 'text/csv', size: 12 })
  })

  it('creates an import with the settings as dasherized attributes, sent once', async () => {
    const fake = fakeFetch(() => json(503, failure('Try later.', 503)))
    const error = await omnigage(fake.fetch)
      .createImport('Q843fc2UoJf4B5CrQxQ6Cd', {
        uniquePrimaryPhone: true,
        uniquePrimaryEmail: false,
        mapping: ['first-name', null],
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect(fake.requests).toHaveLength(1)
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({
      data: {
        type: 'import-contacts',
        attributes: {
          status: 'queued',
          'unique-primary-phone': true,
          'unique-primary-email': false,
          mapping: ['first-name', null],
        },
        relationships: { upload: { data: { type: 'uploads', id: 'Q843fc2UoJf4B5CrQxQ6Cd' } } },
      },
    })
  })

  it('deletes contacts in bulk as application/vnd.api+json;ext=bulk, and refuses more than 1,000', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 204 }))
    const client = omnigage(fake.fetch)
    await client.deleteContacts(['a', 'b'])
    const [sent] = fake.requests
    expect(sent?.method).toBe('DELETE')
    expect(sent?.url.pathname).toBe('/api/v1/contacts')
    expect(sent?.headers.get('content-type')).toBe('application/vnd.api+json;ext=bulk')
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      data: [
        { type: 'contacts', id: 'a' },
        { type: 'contacts', id: 'b' },
      ],
    })
    await client.deleteContacts([])
    await expect(client.deleteContacts(Array.from({ length: 1001 }, (_, i) => `c${i}`))).rejects.toThrow(
      /at most 1000; delete them in batches/,
    )
    expect(fake.requests).toHaveLength(1)
    await client.deleteContacts(Array.from({ length: 1000 }, (_, i) => `c${i}`))
    expect(JSON.parse(fake.requests[1]?.body ?? '').data).toHaveLength(1000)
  })

  it('sends filters, sort and paging as the vendor names them', async () => {
    const fake = fakeFetch(() => json(200, { data: [], meta: { count: 0 }, links: {} }))
    await omnigage(fake.fetch).listContacts({
      lastName: 'eq:Victor',
      phoneNumber: '+14076341732',
      sort: '-created-at',
      offset: 50,
      limit: 25,
    })
    const query = fake.requests[0]?.url.searchParams
    expect(query?.get('filter[last-name]')).toBe('eq:Victor')
    expect(query?.get('filter[phone-number]')).toBe('+14076341732')
    expect(query?.get('sort')).toBe('-created-at')
    expect(query?.get('page[offset]')).toBe('50')
    expect(query?.get('page[limit]')).toBe('25')
    expect(query?.has('filter[first-name]')).toBe(false)
  })

  it("throws the status's typed error with the vendor's details as the message and its code", async () => {
    const fake = fakeFetch(() => json(404, failure('Import "nope" was not found.', 404), { 'X-Request-Id': 'req-9' }))
    const error = await omnigage(fake.fetch)
      .getImport('nope')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({
      status: 404,
      code: '404',
      message: 'Import "nope" was not found.',
      requestId: 'req-9',
    })
  })

  it('reads a plain-text 401 as the message', async () => {
    const fake = fakeFetch(() => new Response('invalid_client', { status: 401 }))
    const error = await omnigage(fake.fetch)
      .getFile('f1')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as Error).message).toBe('invalid_client')
  })
})

describe('createOmnigageClient: paging', () => {
  it('follows links.next, 100 a page, and stops on the page without it', async () => {
    const fake = fakeFetch((request) => {
      const offset = Number(new URL(request.url).searchParams.get('page[offset]'))
      const data = offset === 0 ? [contact(1), contact(2)] : [contact(3)]
      // The first page's count is stale (a contact came in since): links.next still leads on.
      return json(200, {
        data,
        meta: { count: offset === 0 ? 2 : 3 },
        links: offset === 0 ? { next: 'https://api.omnigage.io/next' } : {},
      })
    })
    const seen: string[] = []
    for await (const found of omnigage(fake.fetch).contacts({ lastName: 'Victor' })) {
      seen.push(found.attributes['first-name'] ?? '')
    }
    expect(seen).toEqual(['Ada 1', 'Ada 2', 'Ada 3'])
    expect(fake.requests.map((sent) => sent.url.searchParams.get('page[offset]'))).toEqual(['0', '2'])
    expect(fake.requests.every((sent) => sent.url.searchParams.get('page[limit]') === '100')).toBe(true)
    expect(fake.requests.every((sent) => sent.url.searchParams.get('filter[last-name]') === 'Victor')).toBe(true)
  })

  it('pages to meta.count when links say nothing, and stops on an empty page', async () => {
    const fake = fakeFetch(
      () => json(200, { data: [contact(1)], meta: { count: 2 }, links: {} }),
      () => json(200, { data: [], meta: { count: 2 }, links: { next: 'https://api.omnigage.io/next' } }),
    )
    const seen: Contact[] = []
    for await (const found of omnigage(fake.fetch).contacts({ limit: 1 })) {
      seen.push(found)
    }
    expect(seen).toHaveLength(1)
    expect(fake.requests).toHaveLength(2)
  })

  it("pages an import's results with its status filter", async () => {
    const fake = fakeFetch(() => json(200, { data: [], meta: { count: 0 }, links: {} }))
    for await (const _ of omnigage(fake.fetch).importResults('imp1', { status: 'erred' })) {
      // none
    }
    expect(fake.requests[0]?.url.pathname).toBe('/api/v1/import-contacts/imp1/results')
    expect(fake.requests[0]?.url.searchParams.get('filter[status]')).toBe('erred')
    expect(fake.requests).toHaveLength(1)
  })
})

describe('createOmnigageClient: downloadFile', () => {
  it('sends credentials to the API origin only, and returns the unread response', async () => {
    const fake = fakeFetch(() => new Response('row,error\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }))
    const client = omnigage(fake.fetch, { accountKey: 'firstbank' })
    const own = await client.downloadFile('https://api.omnigage.io/api/v1/files/f1/content')
    expect(await own.text()).toBe('row,error\n')
    await client.downloadFile('https://bucket.s3.amazonaws.com/errors.csv?X-Amz-Signature=abc')
    expect(fake.requests.map((sent) => sent.headers.get('authorization'))).toEqual([
      `Basic ${btoa('key:secret')}`,
      null,
    ])
    expect(fake.requests.map((sent) => sent.headers.get('x-account-key'))).toEqual(['firstbank', null])
  })

  it("throws the typed error, reading S3's XML or Omnigage's JSON", async () => {
    const fake = fakeFetch(
      () =>
        new Response('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', { status: 403 }),
      () => json(404, failure('File "f2" was not found.', 404)),
    )
    const client = omnigage(fake.fetch)
    await expect(client.downloadFile('https://bucket.s3.amazonaws.com/x.csv')).rejects.toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    })
    await expect(client.downloadFile('/api/v1/files/f2/content')).rejects.toBeInstanceOf(NotFoundError)
  })
})
