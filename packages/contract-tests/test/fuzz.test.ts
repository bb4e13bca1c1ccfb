import { vendors } from '@contactkit/mocks'
import { createValidator } from '@contactkit/specs/validator'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forbiddenXmlChar, jsonErrorProblem, mediaTypeProblem } from '../src/fuzz/core-routes.js'
import type { FuzzExchange, FuzzProfile, FuzzTarget } from '../src/fuzz/fuzz-profile.js'
import { loadFuzzProfile } from '../src/fuzz/fuzz-profiles.js'
import { type FuzzRequest, fuzzCategories } from '../src/fuzz/fuzz-request.js'
import { runFuzzCase } from '../src/fuzz/fuzz-runner.js'
import { listOperations } from '../src/fuzz/openapi-operations.js'
import { cloudspongeFuzzProfile } from '../src/fuzz/profiles/cloudsponge.js'
import { fuzzRequests } from '../src/fuzz/request-generator.js'

// FUZZ_RUNS cases per category and vendor (`pnpm fuzz` runs 5,000). A failure prints fast-check's
// seed and path: FUZZ_SEED=<seed> FUZZ_PATH=<path> replays it exactly (add `-t <category>`).
const runs = Number(process.env.FUZZ_RUNS ?? 50)
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
const path = process.env.FUZZ_PATH
const timeoutMs = Number(process.env.FUZZ_TIMEOUT_MS ?? 2000)

// Every registered vendor, each by its profile in src/fuzz/profiles/<vendor>.ts.
const profiles = await Promise.all(vendors.map((vendor) => loadFuzzProfile(vendor.name)))

for (const profile of profiles) {
  describe(`${profile.vendor}: fuzz every route from the spec`, () => {
    const arbitraries = fuzzRequests(profile)
    const target = profile.createTarget()

    for (const category of fuzzCategories) {
      it(
        `${category}: never a 5xx, never a hang, errors in the vendor's format`,
        async () => {
          await fc.assert(
            fc.asyncProperty(arbitraries[category], async (request) => {
              await runFuzzCase(profile, target, request, { timeoutMs })
            }),
            { numRuns: runs, seed, path },
          )
        },
        // Shrinking a failure sends a few hundred more requests.
        Math.max(60_000, runs * 200),
      )
    }

    it('makes valid requests that the spec itself accepts', () => {
      // The generator's own check: a "valid" request the spec rejects would make the fuzz lie.
      const validator = createValidator(profile.document)
      const credentialNames = new Set(
        listOperations(profile.document).flatMap((operation) =>
          operation.security.flat().flatMap((scheme) => (scheme.parameterName ? [scheme.parameterName] : [])),
        ),
      )
      for (const request of fc.sample(arbitraries.valid, { numRuns: 200, seed: 1 })) {
        const url = new URL(`http://fuzz.invalid${request.target}`)
        const match = validator.matchOperation(request.method, url.pathname)
        expect(match?.operationId, request.target).toBe(request.operationId)
        const query = Object.fromEntries([...url.searchParams].filter(([name]) => !credentialNames.has(name)))
        const check = validator.validateRequest(match?.operationId ?? '', {
          path: match?.pathParams,
          query,
          body: decodedBody(request),
        })
        expect(check.problems, JSON.stringify(request)).toEqual([])
      }
    })
  })
}

describe('the fuzz harness', () => {
  const answer = (respond: (request: Request) => Response | Promise<Response>): FuzzTarget => ({
    app: { request: respond },
    reset: () => undefined,
  })
  const request: FuzzRequest = {
    category: 'valid',
    note: 'harness check',
    method: 'GET',
    target: '/events/1126.json',
    headers: [],
    expect: 'accepted',
    declared: ['200', '400', '404'],
  }
  const jsonError = (status: number) =>
    new Response('{"error":{"message":"No."}}', { status, headers: { 'Content-Type': 'application/json' } })
  const profile = { ...cloudspongeFuzzProfile, prepare: undefined } as unknown as FuzzProfile

  it('passes an answer that keeps every rule', async () => {
    await expect(
      runFuzzCase(
        profile,
        answer(() => jsonError(404)),
        request,
      ),
    ).resolves.toMatchObject({ status: 404 })
  })

  it('fails a 5xx, an error outside the vendor format, a 400 for a valid call, and a hang', async () => {
    await expect(
      runFuzzCase(
        profile,
        answer(() => jsonError(500)),
        request,
      ),
    ).rejects.toThrow(/answered 500/)
    await expect(
      runFuzzCase(
        profile,
        answer(() => new Response('nope', { status: 404 })),
        request,
      ),
    ).rejects.toThrow(/not in the cloudsponge error format/)
    await expect(
      runFuzzCase(
        profile,
        answer(() => jsonError(400)),
        request,
      ),
    ).rejects.toThrow(/valid request/)
    const xmlPath = { ...request, target: '/events/1126.xml' }
    await expect(
      runFuzzCase(
        profile,
        answer(() => jsonError(404)),
        xmlPath,
      ),
    ).rejects.toThrow(/application\/xml/)
    const never = answer(() => new Promise<Response>(() => undefined))
    await expect(runFuzzCase(profile, never, request, { timeoutMs: 50 })).rejects.toThrow(/a hang/)
  })

  it('names the file to write for a vendor without a profile', async () => {
    await expect(loadFuzzProfile('nobody')).rejects.toThrow(
      'There is no fuzz profile for nobody: write src/fuzz/profiles/nobody.ts exporting its FuzzProfile.',
    )
  })

  it('expects any answer when a path parameter is a dot segment, which the URL parser removes', () => {
    // GET /items/. leaves as GET /items/: another route, so neither "accepted" nor "denied" holds.
    const document = {
      openapi: '3.1.0',
      info: { title: 'dots', version: '1' },
      paths: {
        '/items/{id}': {
          get: {
            operationId: 'getItem',
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string', enum: ['.', '..', 'x'] } },
            ],
            responses: { '200': { description: 'the item' } },
          },
        },
      },
    }
    const dots = fuzzRequests({ ...profile, document } as unknown as FuzzProfile)
    const sampled = fc.sample(dots.valid, { numRuns: 60, seed: 7 })
    const expectations = new Map(sampled.map((request) => [request.target, request.expect]))
    expect(Object.fromEntries(expectations)).toEqual({ '/items/.': 'any', '/items/..': 'any', '/items/x': 'accepted' })
  })

  it('reads a JSON error body for the vendor: its media type, a HEAD without a body, an object', () => {
    const exchange = (body: string, contentType = 'application/json; charset=utf-8', method = 'GET'): FuzzExchange => ({
      request: { ...request, method },
      url: request.target,
      path: request.target,
      status: 404,
      headers: new Headers({ 'Content-Type': contentType }),
      body,
    })
    const needsMessage = (body: Record<string, unknown>) =>
      typeof body.message === 'string' ? undefined : 'no message'
    expect(jsonErrorProblem(exchange('{"message":"No."}'), needsMessage)).toBeUndefined()
    expect(jsonErrorProblem(exchange('{"code":1}'), needsMessage)).toBe('no message')
    expect(jsonErrorProblem(exchange('{}', 'text/plain'), needsMessage)).toBe(
      'Content-Type is "text/plain", not application/json',
    )
    expect(jsonErrorProblem(exchange('{}', 'application/json; charset=latin1'), needsMessage)).toBe(
      'Content-Type says charset=latin1, not utf-8',
    )
    expect(jsonErrorProblem(exchange('', undefined, 'HEAD'), needsMessage)).toBeUndefined()
    expect(jsonErrorProblem(exchange('{}', undefined, 'HEAD'), needsMessage)).toBe('a HEAD answer has a body')
    expect(jsonErrorProblem(exchange('{'), needsMessage)).toBe('the body is not JSON')
    expect(jsonErrorProblem(exchange('[1]'), needsMessage)).toBe('the body is not a JSON object')
  })

  it('names an XML answer of the wrong type and a character XML 1.0 forbids', () => {
    const answer = (contentType: string): FuzzExchange => ({
      request,
      url: request.target,
      path: request.target,
      status: 403,
      headers: new Headers({ 'Content-Type': contentType }),
      body: '',
    })
    expect(mediaTypeProblem(answer('Application/XML; Charset=UTF-8'), 'application/xml')).toBeUndefined()
    expect(mediaTypeProblem(answer('text/xml'), 'application/xml')).toBe(
      'Content-Type is "text/xml", not application/xml',
    )
    expect(forbiddenXmlChar('<Error>\t\r\n</Error>')).toBeUndefined()
    expect(forbiddenXmlChar('<Error>\u0001</Error>')).toBe('the XML holds U+0001, which XML 1.0 forbids')
    expect(forbiddenXmlChar('<Error>\uffff</Error>')).toBe('the XML holds U+FFFF, which XML 1.0 forbids')
  })

  it('fails a certainly invalid request that is accepted, and bad credentials that are', async () => {
    const ok = answer(() => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }))
    await expect(runFuzzCase(profile, ok, { ...request, expect: 'rejected' })).rejects.toThrow(/not a 4xx/)
    await expect(runFuzzCase(profile, ok, { ...request, expect: 'denied' })).rejects.toThrow(/not 401 or 403/)
  })
})

/** The body a request carries, read back by its Content-Type. */
function decodedBody(request: FuzzRequest): unknown {
  const type = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? ''
  if (request.body === undefined) {
    return undefined
  }
  const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body)
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text))
  }
  if (type.startsWith('multipart/form-data')) {
    // As `multipartText` writes it: one quoted name and a value per part.
    const boundary = /boundary=([^;]+)/.exec(type)?.[1] ?? ''
    return Object.fromEntries(
      text
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => [/name="([^"]*)"/.exec(part)?.[1], part.slice(part.indexOf('\r\n\r\n') + 4, -2)]),
    )
  }
  return JSON.parse(text)
}
