/** A request as the fake fetch received it, body read as text. */
export interface RecordedRequest {
  method: string
  url: URL
  headers: Headers
  body: string
  /** The Request object itself, for what the fields above leave out (signal, policy). */
  request: Request
}

/** One scripted answer: a response factory, or an error to throw as fetch does for a network failure. */
export type FakeAnswer = ((request: Request) => Response | Promise<Response>) | Error

/**
 * A fetch for tests that records every request and plays answers in order, repeating the last
 * one when the script runs out. No network, no timers.
 *
 * @example
 * const fake = fakeFetch(() => json(503, {}), () => json(200, { ok: true }))
 * await resilientFetch(fake.fetch, { sleep: async () => {} })(new Request('http://api.test/x'))
 * expect(fake.requests).toHaveLength(2)
 */
export function fakeFetch(...answers: FakeAnswer[]) {
  const requests: RecordedRequest[] = []
  const fetch = async (request: Request): Promise<Response> => {
    const body = await request.clone().text()
    requests.push({ method: request.method, url: new URL(request.url), headers: request.headers, body, request })
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]
    if (answer === undefined) {
      throw new Error('The fake fetch has no answers; give it at least one.')
    }
    if (answer instanceof Error) {
      throw answer
    }
    return answer(request)
  }
  return { fetch, requests }
}

/**
 * A JSON response.
 *
 * @example
 * json(404, { error: { message: 'Not found.' } }, { 'X-Request-Id': 'req-1' })
 */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

/**
 * A network failure as Node's fetch reports it.
 *
 * @example
 * fakeFetch(networkError('ECONNRESET'), () => json(200, {}))
 */
export function networkError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: { code } })
}

/**
 * An answer that never comes and ignores the request's signal, as some custom fetches and polyfills
 * do: only the caller's own timeout or abort can end the wait.
 */
export const deaf = (): Promise<Response> => new Promise(() => {})

/**
 * An answer that never comes: it waits for the request's signal (the timeout or the caller) to abort.
 *
 * @example
 * fakeFetch(hang)
 */
export const hang: FakeAnswer = (request) =>
  new Promise((_resolve, reject) => {
    // On a loaded machine the timeout may fire before this runs; the event would then never come.
    if (request.signal.aborted) {
      reject(request.signal.reason)
      return
    }
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
  })
