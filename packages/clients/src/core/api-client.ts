import createClient, { type Client } from 'openapi-fetch'
import type { Authenticator } from './auth.js'
import { apiError, type ErrorBodyReader } from './errors.js'
import { requestPolicy, withRequestPolicy } from './request-policy.js'
import { type RetryOptions, resilientFetch } from './retry.js'

export interface ApiClientOptions extends RetryOptions {
  /** Where the vendor's API lives when the user does not say. */
  defaultBaseUrl: string
  /** The user's choice, e.g. a simulator or a proxy; a trailing slash is ignored. */
  baseUrl?: string | undefined
  /** Adds the credentials to every request: `basicAuth`, `bearerAuth`, `queryAuth`, `headerAuth`… */
  auth?: Authenticator | undefined
  /** Headers sent with every request, e.g. `Accept`. */
  headers?: Record<string, string> | undefined
  /** The fetch to use; looked up on `globalThis` at each call by default, so MSW can intercept it. */
  fetch?: ((request: Request) => Promise<Response>) | undefined
  /** Reads the vendor's error body into the code and message of the typed error. */
  readError: ErrorBodyReader
  /**
   * Turns a body as openapi-fetch parsed it (JSON, or text with `parseAs: 'text'`) into the
   * vendor's data, for bodies and error bodies alike: CloudSponge's Rails XML, for instance.
   */
  decodeBody?: ((body: unknown, response: Response) => unknown) | undefined
}

/** What an openapi-fetch call resolves to. */
export interface FetchResult<Data> {
  data?: Data
  error?: unknown
  response: Response
}

/** Data with the response it came in, for the headers a flow needs (ETag, request id). */
export interface UnwrappedResult<Data> {
  data: Data
  response: Response
  /** The vendor's request id (`X-Request-Id`), to quote to its support. */
  requestId: string | null
}

export interface ApiClient<Paths extends {}> {
  /** The openapi-fetch client, every path, parameter and body typed; auth, retries and timeouts included. */
  raw: Client<Paths>
  /** The data of a call, decoded; throws the typed ApiError for an error status. */
  unwrap<Data>(pending: Promise<FetchResult<Data>>): Promise<Data>
  /** Like `unwrap`, keeping the response and its request id. */
  unwrapWithResponse<Data>(pending: Promise<FetchResult<Data>>): Promise<UnwrappedResult<Data>>
}

/**
 * The typed client a vendor client is built on: openapi-fetch over the vendor's generated
 * `paths`, with its authentication, retries (only calls safe to repeat), a per-attempt timeout
 * and typed errors read from its error body. A vendor adds its options, its body decoding and its
 * flows; a call passes `idempotent: true` to allow retrying a POST, or `timeoutMs` for itself.
 *
 * @example
 * const api = createApiClient<paths>({
 *   defaultBaseUrl: 'https://api.aurinko.io/v1',
 *   auth: bearerAuth(accessToken),
 *   readError: (body) => ({ code: (body as { code?: string })?.code, message: (body as { message?: string })?.message }),
 * })
 * const account = await api.unwrap(api.raw.GET('/account'))
 */
export function createApiClient<Paths extends {}>(options: ApiClientOptions): ApiClient<Paths> {
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const authenticate = options.auth
  const retrying = resilientFetch(send, options)
  const raw = createClient<Paths>({
    baseUrl: (options.baseUrl ?? options.defaultBaseUrl).replace(/\/+$/, ''),
    // Credentials are added once per call, before the retries: a failing token source is its own
    // error, not a "could not reach". An authenticator may build a new Request, so the call's
    // policy (idempotent, timeoutMs) is carried over to it.
    fetch: authenticate
      ? async (request) => retrying(withRequestPolicy(await authenticate(request), requestPolicy(request)))
      : retrying,
    ...(options.headers ? { headers: options.headers } : {}),
  })

  const decode = (body: unknown, response: Response) => (options.decodeBody ? options.decodeBody(body, response) : body)

  async function unwrapWithResponse<Data>(pending: Promise<FetchResult<Data>>): Promise<UnwrappedResult<Data>> {
    const { data, error, response } = await pending
    if (!response.ok) {
      let body = error
      try {
        body = decode(error, response)
      } catch {
        // An undecodable error body still yields the typed error; the raw body stays on it.
      }
      throw apiError(response, body, options.readError)
    }
    return { data: decode(data, response) as Data, response, requestId: response.headers.get('x-request-id') }
  }

  return {
    raw,
    unwrapWithResponse,
    async unwrap(pending) {
      return (await unwrapWithResponse(pending)).data
    },
  }
}
