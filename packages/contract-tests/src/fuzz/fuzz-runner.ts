import type { FuzzExchange, FuzzProfile, FuzzTarget } from './fuzz-profile.js'
import { describeRequest, type FuzzRequest, lenientDecode } from './fuzz-request.js'

/** Options for one case. */
export interface FuzzCaseOptions {
  /** A request unanswered (body included) after this long is a hang. Default 2,000 ms. */
  timeoutMs?: number
}

const origin = 'http://fuzz.invalid'

/**
 * Runs one case: resets the target, runs the profile's `prepare`, sends the request in-process and
 * checks the answer. Throws an Error naming the request, the answer and every rule it broke, so a
 * fast-check property fails with a readable counterexample.
 *
 * @example
 * await fc.assert(fc.asyncProperty(fuzzRequests(profile).valid, (request) => runFuzzCase(profile, target, request)))
 */
export async function runFuzzCase<T extends FuzzTarget>(
  profile: FuzzProfile<T>,
  target: T,
  request: FuzzRequest,
  options: FuzzCaseOptions = {},
): Promise<FuzzExchange> {
  const timeoutMs = options.timeoutMs ?? 2000
  target.reset()
  const values = (await withTimeout(profile.prepare?.(target) ?? Promise.resolve({}), timeoutMs, 'prepare')) ?? {}
  const exchange = await sendFuzzRequest(target, request, values, timeoutMs)
  const problems = responseProblems(profile, exchange)
  if (problems.length > 0) {
    throw new Error(
      [
        `${profile.vendor}: ${problems.join('; ')}.`,
        `request: ${describeRequest(request)}`,
        `sent to: ${exchange.url.slice(0, 500)}`,
        `answer: ${exchange.status} ${exchange.headers.get('content-type') ?? '(no Content-Type)'} ${exchange.body.slice(0, 600)}`,
      ].join('\n'),
    )
  }
  return exchange
}

/**
 * Sends a fuzz request to a target in-process, `{{name}}` placeholders filled, and reads the whole
 * answer. A request unanswered within `timeoutMs` rejects: never a hang.
 *
 * @example
 * const exchange = await sendFuzzRequest(simulator, request, { consentCode: 'ABC2345' }, 2000)
 */
export async function sendFuzzRequest(
  target: FuzzTarget,
  request: FuzzRequest,
  values: Record<string, string>,
  timeoutMs: number,
): Promise<FuzzExchange> {
  const filled = request.target.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    name in values ? encodeURIComponent(values[name] ?? '') : placeholder,
  )
  const url = `${origin}${filled}`
  let sent: Request
  try {
    sent = new Request(url, { method: request.method, headers: request.headers, body: request.body })
  } catch (error) {
    // The generator's fault, not the target's: say so plainly.
    throw new Error(
      `The fuzz generator made a request that cannot be sent (${(error as Error).message}): ${describeRequest(request)}`,
    )
  }
  const answer = async () => {
    const response = await target.app.request(sent)
    const body = request.method === 'HEAD' ? '' : await response.text()
    return { response, body }
  }
  const { response, body } = await withTimeout(answer(), timeoutMs, describeRequest(request))
  return {
    request,
    url: sent.url,
    path: lenientDecode(new URL(sent.url).pathname),
    status: response.status,
    headers: response.headers,
    body,
  }
}

/**
 * Every rule an answer breaks: no 5xx; every non-2xx in the vendor's error format (or one the
 * profile allows, such as an HTML page); and what the request's expectation adds (valid calls
 * never get 400 or 401 and get a declared status; certainly invalid fields get a 4xx; bad
 * credentials get 401 or 403).
 *
 * @example
 * responseProblems(profile, exchange) // ['answered 500', 'not in the cloudsponge error format: …']
 */
export function responseProblems<T extends FuzzTarget>(profile: FuzzProfile<T>, exchange: FuzzExchange): string[] {
  const { status, request } = exchange
  const problems: string[] = []
  if (status >= 500) {
    problems.push(`answered ${status}`)
  }
  if ((status < 200 || status >= 300) && !profile.isOtherAllowedResponse?.(exchange)) {
    const problem = profile.errorFormatProblem(exchange)
    if (problem) {
      problems.push(`a ${status} not in the ${profile.vendor} error format: ${problem}`)
    }
  }
  switch (request.expect) {
    case 'accepted':
      if (status === 400 || status === 401) {
        problems.push(`a valid request with valid credentials got ${status}`)
      }
      if (request.declared && request.declared.length > 0 && !isDeclared(request.declared, status)) {
        problems.push(`${request.operationId} does not declare ${status} (it declares ${request.declared.join(', ')})`)
      }
      break
    case 'rejected':
      if (status < 400 || status >= 500) {
        problems.push(`a certainly invalid request got ${status}, not a 4xx`)
      }
      break
    case 'denied':
      if (status !== 401 && status !== 403) {
        problems.push(`bad credentials got ${status}, not 401 or 403`)
      }
      break
    default:
      break
  }
  return problems
}

function isDeclared(declared: string[], status: number): boolean {
  const code = String(status)
  return declared.some((key) => key === code || key.toUpperCase() === `${code[0]}XX` || key === 'default')
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms (a hang): ${what}`)), timeoutMs)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
