import { describe, expect, it } from 'vitest'
import { AuthenticationError, ConnectionError, InternalServerError, NotFoundError } from '../core/errors.js'
import { fakeFetch, json, networkError } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { type CloudSpongeClientOptions, createCloudSpongeClient } from './client.js'

const begun = { status: 'success', import_id: 1126 }
const events = { import_id: 1126, events: [{ event_type: 'INITIALIZING', status: 'INPROGRESS', value: 0 }] }

function cloudsponge(fetch: (request: Request) => Promise<Response>, options: Partial<CloudSpongeClientOptions> = {}) {
  return createCloudSpongeClient({
    domainKey: 'KEY',
    domainPassword: 'PASS',
    fetch,
    sleep: instantSleep().sleep,
    ...options,
  })
}

describe('createCloudSpongeClient: requests', () => {
  it('posts begin_import as a form with Basic credentials to the default host', async () => {
    const fake = fakeFetch(() => json(200, begun))
    const result = await cloudsponge(fake.fetch).beginImport({ service: 'icloud', username: 'foo', password: 'bar' })
    expect(result.import_id).toBe(1126)
    const [sent] = fake.requests
    expect(sent?.method).toBe('POST')
    expect(sent?.url.href).toBe('https://api.cloudsponge.com/begin_import/import.json')
    expect(sent?.headers.get('authorization')).toBe(`Basic ${btoa('KEY:PASS')}`)
    expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(sent?.body).toBe('service=icloud&username=foo&password=bar')
  })

  it('sends the credentials as parameters when asked, and no Authorization header', async () => {
    const fake = fakeFetch(() => json(200, events))
    await cloudsponge(fake.fetch, { credentials: 'params', baseUrl: 'http://127.0.0.1:4010/' }).getEvents(1126)
    const [sent] = fake.requests
    expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe('http://127.0.0.1:4010/events/1126.json')
    expect(sent?.url.searchParams.get('domain_key')).toBe('KEY')
    expect(sent?.url.searchParams.get('domain_password')).toBe('PASS')
    expect(sent?.headers.has('authorization')).toBe(false)
  })

  it('sends count only with start, as the API ignores it otherwise', async () => {
    const fake = fakeFetch(() => json(200, { import_id: 1126, contacts: [] }))
    const client = cloudsponge(fake.fetch)
    await client.getContacts(1126, { count: 10 })
    await client.getContacts(1126, { start: 0, count: 10 })
    expect(fake.requests.map((sent) => sent.url.search)).toEqual(['', '?start=0&count=10'])
  })
})

describe('createCloudSpongeClient: retries', () => {
  it('does not send begin_import again after a 5xx: a second import could start', async () => {
    const fake = fakeFetch(
      () => json(503, { error: { message: 'Try again later.' } }),
      () => json(200, begun),
    )
    const error = await cloudsponge(fake.fetch)
      .beginImport({ service: 'icloud', username: 'foo', password: 'bar' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect(fake.requests).toHaveLength(1)
  })

  it('does not send begin_import again after a network error', async () => {
    const fake = fakeFetch(networkError('ECONNRESET'), () => json(200, begun))
    await expect(cloudsponge(fake.fetch).beginImport({ service: 'gmail' })).rejects.toBeInstanceOf(ConnectionError)
    expect(fake.requests).toHaveLength(1)
  })

  it('retries begin_import when the call says a duplicate is acceptable', async () => {
    const fake = fakeFetch(
      () => json(503, {}),
      () => json(200, begun),
    )
    const result = await cloudsponge(fake.fetch).beginImport({ service: 'gmail' }, { idempotent: true })
    expect(result.import_id).toBe(1126)
    expect(fake.requests.map((sent) => sent.body)).toEqual(['service=gmail', 'service=gmail'])
  })

  it('retries events and contacts GETs', async () => {
    const fake = fakeFetch(
      () => json(502, {}),
      () => json(200, events),
      networkError('ECONNRESET'),
      () => json(200, { import_id: 1126, contacts: [] }),
    )
    const client = cloudsponge(fake.fetch)
    expect((await client.getEvents(1126)).events).toHaveLength(1)
    expect((await client.getContacts(1126)).contacts).toEqual([])
    expect(fake.requests.map((sent) => sent.url.pathname)).toEqual([
      '/events/1126.json',
      '/events/1126.json',
      '/contacts/1126.json',
      '/contacts/1126.json',
    ])
  })
})

describe('createCloudSpongeClient: errors and XML', () => {
  it('reads the vendor message and request id from a JSON error', async () => {
    const fake = fakeFetch(() =>
      json(404, { error: { message: 'The contacts are not ready yet.' } }, { 'X-Request-Id': 'req-1' }),
    )
    const error = await cloudsponge(fake.fetch)
      .getContacts(1126)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({ status: 404, message: 'The contacts are not ready yet.', requestId: 'req-1' })
  })

  it('takes a plain-text error body as the message', async () => {
    const fake = fakeFetch(() => new Response('HTTP Basic: Access denied.', { status: 401 }))
    const error = await cloudsponge(fake.fetch)
      .getEvents(1126)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as Error).message).toBe('HTTP Basic: Access denied.')
  })

  it('decodes XML bodies and XML errors into the JSON shapes', async () => {
    const fake = fakeFetch(
      () =>
        new Response(
          '<?xml version="1.0"?><result><status>success</status><import-id type="integer">1126</import-id></result>',
          { status: 200, headers: { 'Content-Type': 'application/xml' } },
        ),
      () =>
        new Response('<?xml version="1.0"?><hash><error><message>Invalid parameters.</message></error></hash>', {
          status: 400,
          headers: { 'Content-Type': 'application/xml', 'X-Request-Id': 'req-2' },
        }),
    )
    const client = cloudsponge(fake.fetch, { format: 'xml' })
    expect(await client.beginImport({ service: 'gmail' })).toEqual({ status: 'success', import_id: 1126 })
    const error = await client.getEvents(1126).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400, message: 'Invalid parameters.', requestId: 'req-2' })
    expect((error as { body: unknown }).body).toEqual({ error: { message: 'Invalid parameters.' } })
    expect(fake.requests.map((sent) => sent.url.pathname)).toEqual([
      '/begin_import/user_consent.xml',
      '/events/1126.xml',
    ])
  })
})

describe('createCloudSpongeClient: pages', () => {
  it('pages through every contact with start and count', async () => {
    const contact = (name: string) => ({ first_name: name })
    const fake = fakeFetch(
      () => json(200, { import_id: 1, contacts: [contact('a'), contact('b')], total: 3 }),
      () => json(200, { import_id: 1, contacts: [contact('c')], total: 3 }),
    )
    const names: unknown[] = []
    for await (const found of cloudsponge(fake.fetch).contacts(1, { pageSize: 2 })) {
      names.push(found.first_name)
    }
    expect(names).toEqual(['a', 'b', 'c'])
    expect(fake.requests.map((sent) => sent.url.search)).toEqual(['?start=0&count=2', '?start=2&count=2'])
  })
})
