import { describe, expect, expectTypeOf, it } from 'vitest'
import { fakeFetch, hang, json, networkError } from '../testing/fake-fetch.js'
import { instantSleep, sleepUntilAborted } from '../testing/fake-sleep.js'
import { createApiClient } from './api-client.js'
import { basicAuth, bearerAuth, queryAuth } from './auth.js'
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  type ErrorBodyReader,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
} from './errors.js'

interface Item {
  id: string
  name: string
}

type NoParameters = { query?: never; header?: never; path?: never; cookie?: never }

/** A small API in openapi-typescript's shape: read, create and rename an item. */
interface paths {
  '/items/{id}': {
    parameters: NoParameters
    get: {
      parameters: { query?: { expand?: string }; header?: never; path: { id: string }; cookie?: never }
      requestBody?: never
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Item } }
        404: { headers: { [name: string]: unknown }; content: { 'application/json': VendorError } }
      }
    }
    patch: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never }
      requestBody: { content: { 'application/json': { name: string } } }
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Item } }
      }
    }
  }
  '/items': {
    parameters: NoParameters
    post: {
      parameters: NoParameters
      requestBody: { content: { 'application/json': { name: string } } }
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': Item } }
        409: { headers: { [name: string]: unknown }; content: { 'application/json': VendorError } }
      }
    }
  }
}

interface VendorError {
  error: { code: string; message: string }
}

const readVendorError: ErrorBodyReader = (body) => {
  const error = (body as Partial<VendorError>)?.error
  return { code: error?.code, message: error?.message }
}

const item = { id: 'i-1', name: 'Ada' }

function client(
  fetch: (request: Request) => Promise<Response>,
  overrides: Partial<Parameters<typeof createApiClient>[0]> = {},
) {
  return createApiClient<paths>({
    defaultBaseUrl: 'https://api.vendor.test/v1',
    auth: basicAuth('key', 'secret'),
    readError: readVendorError,
    fetch,
    sleep: instantSleep().sleep,
    ...overrides,
  })
}

describe('createApiClient: requests', () => {
  it('sends typed calls to the default base URL with the credentials, and unwraps the data', async () => {
    const fake = fakeFetch(() => json(200, item))
    const api = client(fake.fetch)
    const data = await api.unwrap(
      api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' }, query: { expand: 'all' } } }),
    )
    expectTypeOf(data).toEqualTypeOf<Item>()
    expect(data).toEqual(item)
    const [sent] = fake.requests
    expect(sent?.url.href).toBe('https://api.vendor.test/v1/items/i-1?expand=all')
    expect(sent?.headers.get('authorization')).toBe(`Basic ${btoa('key:secret')}`)
  })

  it('uses the given base URL, ignoring trailing slashes', async () => {
    const fake = fakeFetch(() => json(200, item))
    const api = client(fake.fetch, { baseUrl: 'http://127.0.0.1:4010/proxy///' })
    await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))
    expect(fake.requests[0]?.url.href).toBe('http://127.0.0.1:4010/proxy/items/i-1')
  })

  it('sends the fixed headers with every request', async () => {
    const fake = fakeFetch(() => json(200, item))
    const api = client(fake.fetch, { headers: { Accept: 'application/vnd.api+json' } })
    await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))
    expect(fake.requests[0]?.headers.get('accept')).toBe('application/vnd.api+json')
  })

  it('adds query credentials, and reads a bearer token once per call, not per attempt', async () => {
    const queried = fakeFetch(() => json(200, item))
    const withParams = client(queried.fetch, { auth: queryAuth({ api_key: 'k' }) })
    await withParams.unwrap(withParams.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))
    expect(queried.requests[0]?.url.searchParams.get('api_key')).toBe('k')

    let tokens = 0
    const retried = fakeFetch(
      () => json(503, {}),
      () => json(200, item),
    )
    const withBearer = client(retried.fetch, { auth: bearerAuth(() => `t-${++tokens}`) })
    await withBearer.unwrap(withBearer.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))
    expect(retried.requests.map((sent) => sent.headers.get('authorization'))).toEqual(['Bearer t-1', 'Bearer t-1'])
  })

  it('lets a failing token source fail the call with its own error, sending nothing', async () => {
    const fake = fakeFetch(() => json(200, item))
    const api = client(fake.fetch, {
      auth: bearerAuth(() => {
        throw new Error('The refresh token has expired; ask the user to reconnect the account.')
      }),
    })
    await expect(api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))).rejects.toThrow(
      'The refresh token has expired',
    )
    expect(fake.requests).toHaveLength(0)
  })

  it('looks fetch up on globalThis at each call when none is given', async () => {
    const fake = fakeFetch(() => json(200, item))
    const api = createApiClient<paths>({ defaultBaseUrl: 'https://api.vendor.test', readError: readVendorError })
    const original = globalThis.fetch
    globalThis.fetch = (input) => fake.fetch(input as Request)
    try {
      expect(await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))).toEqual(item)
    } finally {
      globalThis.fetch = original
    }
    expect(fake.requests).toHaveLength(1)
  })
})

describe('createApiClient: retries', () => {
  it('retries a GET on 5xx and network errors', async () => {
    const fake = fakeFetch(
      networkError('ECONNRESET'),
      () => json(502, {}),
      () => json(200, item),
    )
    const api = client(fake.fetch)
    expect(await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))).toEqual(item)
    expect(fake.requests).toHaveLength(3)
  })

  it('sends a POST once on a 5xx and throws the typed error', async () => {
    const fake = fakeFetch(
      () => json(503, { error: { code: 'busy', message: 'Try later.' } }),
      () => json(201, item),
    )
    const api = client(fake.fetch)
    await expect(api.unwrap(api.raw.POST('/items', { body: { name: 'Ada' } }))).rejects.toBeInstanceOf(
      InternalServerError,
    )
    expect(fake.requests).toHaveLength(1)
  })

  it('retries a POST the call marks idempotent, with its body each time', async () => {
    const fake = fakeFetch(
      () => json(503, {}),
      networkError('ECONNRESET'),
      () => json(201, item),
    )
    const api = client(fake.fetch)
    const created = await api.unwrap(api.raw.POST('/items', { body: { name: 'Ada' }, idempotent: true }))
    expect(created).toEqual(item)
    expect(fake.requests.map((sent) => sent.body)).toEqual(Array(3).fill('{"name":"Ada"}'))
  })

  it('keeps the mark when the authenticator builds a new Request', async () => {
    const fake = fakeFetch(
      () => json(503, {}),
      () => json(200, item),
    )
    const api = client(fake.fetch, { auth: queryAuth({ api_key: 'k' }) })
    await api.unwrap(
      api.raw.PATCH('/items/{id}', { params: { path: { id: 'i-1' } }, body: { name: 'B' }, idempotent: true }),
    )
    expect(fake.requests).toHaveLength(2)
    expect(fake.requests.every((sent) => sent.url.searchParams.get('api_key') === 'k')).toBe(true)
  })

  it('sends a PATCH once by default', async () => {
    const fake = fakeFetch(networkError('ECONNRESET'), () => json(200, item))
    const api = client(fake.fetch)
    await expect(
      api.unwrap(api.raw.PATCH('/items/{id}', { params: { path: { id: 'i-1' } }, body: { name: 'B' } })),
    ).rejects.toBeInstanceOf(ConnectionError)
    expect(fake.requests).toHaveLength(1)
  })

  it('never retries a 409', async () => {
    const fake = fakeFetch(() => json(409, { error: { code: 'exists', message: 'An item named Ada exists.' } }))
    const api = client(fake.fetch)
    const error = await api.unwrap(api.raw.POST('/items', { body: { name: 'Ada' }, idempotent: true })).catch((e) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect(fake.requests).toHaveLength(1)
  })

  it('honours Retry-After on a 429, then gives up with RateLimitError', async () => {
    const { sleep, waits } = instantSleep()
    const fake = fakeFetch(() =>
      json(429, { error: { code: 'slow_down', message: 'Too many requests.' } }, { 'Retry-After': '2' }),
    )
    const api = client(fake.fetch, { maxRetries: 2, sleep })
    const error = await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } })).catch((e) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error).toMatchObject({ status: 429, code: 'slow_down' })
    expect(waits).toEqual([2000, 2000])
  })

  it('stops when the call is aborted', async () => {
    const controller = new AbortController()
    const fake = fakeFetch(() => json(503, {}))
    const { sleep, waiting } = sleepUntilAborted()
    const api = client(fake.fetch, { sleep })
    const pending = api.unwrap(
      api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } }, signal: controller.signal }),
    )
    await waiting
    controller.abort(new Error('cancelled by the user'))
    await expect(pending).rejects.toThrow('cancelled by the user')
    expect(fake.requests).toHaveLength(1)
  })
})

describe('createApiClient: timeouts', () => {
  it('applies the client timeout to each attempt', async () => {
    const fake = fakeFetch(hang)
    const api = client(fake.fetch, { timeoutMs: 20, maxRetries: 1 })
    await expect(api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))).rejects.toBeInstanceOf(
      TimeoutError,
    )
    expect(fake.requests).toHaveLength(2)
  })

  it('lets one call set its own timeout', async () => {
    const fake = fakeFetch(hang)
    const api = client(fake.fetch, { timeoutMs: 60_000, maxRetries: 0 })
    await expect(
      api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } }, timeoutMs: 15 })),
    ).rejects.toThrow('within 15 ms')
  })
})

describe('createApiClient: typed errors', () => {
  it('throws the error class of the status with the vendor code, message and request id', async () => {
    const cases = [
      [401, AuthenticationError],
      [404, NotFoundError],
      [500, InternalServerError],
    ] as const
    for (const [status, ErrorClass] of cases) {
      const body = { error: { code: `code_${status}`, message: `The vendor says ${status}.` } }
      const fake = fakeFetch(() => json(status, body, { 'X-Request-Id': `req-${status}` }))
      const api = client(fake.fetch, { maxRetries: 0 })
      const error = await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } })).catch((e) => e)
      expect(error).toBeInstanceOf(ErrorClass)
      expect(error).toMatchObject({
        status,
        code: `code_${status}`,
        message: `The vendor says ${status}.`,
        requestId: `req-${status}`,
        body,
      })
    }
  })

  it('reads a text error body as text', async () => {
    const fake = fakeFetch(() => new Response('HTTP Basic: Access denied.\n', { status: 401 }))
    const api = client(fake.fetch, {
      readError: (body) => ({ message: typeof body === 'string' ? body.trim() : undefined }),
    })
    const error = await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } })).catch((e) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.message).toBe('HTTP Basic: Access denied.')
  })
})

describe('createApiClient: body decoding and responses', () => {
  const decodeBody = (body: unknown) =>
    typeof body === 'string' && body.startsWith('name=') ? { id: 'i-1', name: body.slice(5) } : body

  it('decodes bodies and error bodies with the vendor decoder', async () => {
    const ok = fakeFetch(() => new Response('name=Ada', { status: 200 }))
    const api = client(ok.fetch, { decodeBody })
    expect(await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } }, parseAs: 'text' }))).toEqual(
      item,
    )

    const failing = fakeFetch(() => new Response('name=Ada', { status: 404 }))
    const reader = client(failing.fetch, {
      decodeBody,
      readError: (body) => ({ message: `No ${(body as Item).name}.` }),
    })
    const error = await reader
      .unwrap(reader.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } }, parseAs: 'text' }))
      .catch((e) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.message).toBe('No Ada.')
  })

  it('keeps the raw error body when the decoder throws on it', async () => {
    const fake = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }))
    const api = client(fake.fetch, {
      maxRetries: 0,
      decodeBody: () => {
        throw new SyntaxError('not the vendor format')
      },
    })
    const error = await api.unwrap(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } })).catch((e) => e)
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error.body).toBe('<html>Bad gateway</html>')
  })

  it('unwrapWithResponse keeps the response and its request id', async () => {
    const fake = fakeFetch(() => json(200, item, { ETag: '"v2"', 'X-Request-Id': 'req-9' }))
    const api = client(fake.fetch)
    const result = await api.unwrapWithResponse(api.raw.GET('/items/{id}', { params: { path: { id: 'i-1' } } }))
    expect(result.data).toEqual(item)
    expect(result.requestId).toBe('req-9')
    expect(result.response.headers.get('etag')).toBe('"v2"')
  })
})
