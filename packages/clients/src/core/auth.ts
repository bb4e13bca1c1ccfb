/**
 * Adds a vendor's credentials to a request. It runs when the request is sent, after any
 * openapi-fetch middleware, so a logging middleware never sees a password; it returns the same
 * Request or a new one.
 */
export type Authenticator = (request: Request) => Request | Promise<Request>

/** A token, or a function that returns the current one (called for every request, so it may refresh). */
export type TokenSource = string | (() => string | Promise<string>)

/**
 * HTTP Basic authentication; the pair is UTF-8 encoded, so non-ASCII passwords survive.
 *
 * @example
 * createApiClient<paths>({ defaultBaseUrl, auth: basicAuth(domainKey, domainPassword), readError })
 */
export function basicAuth(username: string, password: string): Authenticator {
  const credentials = `Basic ${base64(`${username}:${password}`)}`
  return headerAuth({ Authorization: credentials })
}

/**
 * `Authorization: Bearer <token>`, the token read anew for every request.
 *
 * @example
 * createApiClient<paths>({ defaultBaseUrl, auth: bearerAuth(() => session.accessToken), readError })
 */
export function bearerAuth(token: TokenSource): Authenticator {
  return async (request) => {
    const value = typeof token === 'function' ? await token() : token
    return setHeaders(request, { Authorization: `Bearer ${value}` })
  }
}

/**
 * Fixed headers, e.g. an API key header.
 *
 * @example
 * createApiClient<paths>({ defaultBaseUrl, auth: headerAuth({ 'X-Account-Key': accountKey }), readError })
 */
export function headerAuth(headers: Record<string, string>): Authenticator {
  return (request) => setHeaders(request, headers)
}

/**
 * Credentials as query parameters, for vendors that accept them there (CloudSponge's
 * `domain_key` and `domain_password`). They replace any parameter of the same name.
 *
 * @example
 * createApiClient<paths>({ defaultBaseUrl, auth: queryAuth({ domain_key: key, domain_password: password }), readError })
 */
export function queryAuth(params: Record<string, string>): Authenticator {
  return (request) => {
    const url = new URL(request.url)
    for (const [name, value] of Object.entries(params)) {
      url.searchParams.set(name, value)
    }
    return new Request(url, request)
  }
}

/**
 * Applies several authenticators in order, e.g. Basic credentials plus an account header.
 *
 * @example
 * const auth = combineAuth(basicAuth(key, secret), headerAuth({ 'X-Account-Key': account }))
 */
export function combineAuth(...authenticators: Authenticator[]): Authenticator {
  return async (request) => {
    let authenticated = request
    for (const authenticate of authenticators) {
      authenticated = await authenticate(authenticated)
    }
    return authenticated
  }
}

function setHeaders(request: Request, headers: Record<string, string>): Request {
  const merged = new Headers(request.headers)
  for (const [name, value] of Object.entries(headers)) {
    merged.set(name, value)
  }
  return new Request(request, { headers: merged })
}

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte)
  }
  return btoa(binary)
}
