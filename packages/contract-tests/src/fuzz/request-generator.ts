import fc from 'fast-check'
import { encodeBody, supportedMediaTypes } from './body-encoding.js'
import { badCredentials, type CredentialPlacement, isOpen, validCredentials } from './credentials.js'
import { isObject, type JsonSchema } from './flat-schema.js'
import type { ExtraRoute, FuzzProfile, FuzzTarget } from './fuzz-profile.js'
import {
  encodeComponent,
  type FuzzCategory,
  type FuzzExpectation,
  type FuzzRequest,
  headerSafe,
  lenientDecode,
  wireText,
} from './fuzz-request.js'
import { bodyOddity, headerOddity, queryOddity } from './odd-encodings.js'
import { applyPathOddities, oddPath } from './odd-paths.js'
import { type ApiOperation, listOperations, type ParameterLocation } from './openapi-operations.js'
import { brokenValue, validObject, validValue } from './schema-arbitraries.js'

/** A request before it is written: values by location, unencoded. */
interface RequestParts {
  path: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  /** Absent when the operation takes no body or the body was left out. */
  body?: { mediaType: string; fields: unknown }
}

/** One field a broken-field request can spoil. */
interface FieldSlot {
  location: ParameterLocation | 'body'
  name: string
  schema: JsonSchema
  required: boolean
}

/** Methods tried on real paths; TRACE and CONNECT are left out because `Request` refuses them. */
const candidateMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO']

/**
 * Builds one arbitrary per fuzz category from a vendor's profile, by walking its OpenAPI
 * document: every operation's path, query and header parameters and its request body.
 *
 * - `valid`: values from the schemas (enums, ranges, formats, required fields), valid credentials.
 * - `broken-field`: one parameter or body field broken (wrong type, out of range, unknown enum
 *   value, left out, empty, huge, odd characters); certainly invalid ones must get a 4xx.
 * - `wrong-method`: real paths with methods they do not have.
 * - `odd-path`: real paths (and extra routes) with one to three path oddities.
 * - `odd-encoding`: bodies not matching their Content-Type, invalid JSON, odd charsets, odd
 *   query strings and headers.
 * - `bad-credentials`: valid calls with missing, altered or garbage credentials; must get 401/403.
 *
 * @example
 * const arbitraries = fuzzRequests(cloudspongeFuzzProfile)
 * fc.sample(arbitraries.valid, 1)[0] // { method: 'GET', target: '/events/1126.json?echo=a', … }
 */
export function fuzzRequests<T extends FuzzTarget>(
  profile: FuzzProfile<T>,
): Record<FuzzCategory, fc.Arbitrary<FuzzRequest>> {
  const operations = listOperations(profile.document)
  if (operations.length === 0) {
    throw new Error(`The ${profile.vendor} document has no operations to fuzz.`)
  }
  // Credentials travel where their scheme says; generated fields never collide with them.
  const credentialNames = new Set(
    operations.flatMap((operation) =>
      operation.security
        .flat()
        .flatMap((scheme) => (scheme.type === 'apiKey' && scheme.parameterName ? [scheme.parameterName] : [])),
    ),
  )
  const generators = operations.map((operation) => operationArbitraries(profile, operation, credentialNames))
  const extras = (profile.extraRoutes ?? []).map((route) => extraRouteArbitraries(route))
  const notExcluded = (request: FuzzRequest) => !isExcluded(profile, request.target)

  return {
    valid: fc.oneof(...generators.map((generator) => generator.valid)),
    'broken-field': fc.oneof(...generators.map((generator) => generator.brokenField)),
    'wrong-method': fc
      .oneof(...wrongMethods(operations, generators), ...extras.map((extra) => extra.wrongMethod))
      .filter(notExcluded),
    'odd-path': fc
      .tuple(fc.oneof(...[...generators, ...extras].map((generator) => generator.base)), oddPath)
      .map(([request, oddities]) => {
        const [path = '', query] = splitTarget(request.target)
        return {
          ...request,
          category: 'odd-path' as const,
          expect: 'any' as const,
          note: `${request.note}; ${oddities.map((oddity) => oddity.note).join('; ')}`,
          target: joinTarget(applyPathOddities(path, oddities), query),
        }
      })
      .filter(notExcluded),
    'odd-encoding': fc.oneof(
      ...generators.map((generator) => generator.oddEncoding),
      ...extras.map((extra) => extra.oddEncoding),
    ),
    'bad-credentials': fc.oneof(...badCredentialRequests(generators)),
  }
}

/** Bad credentials on every secured operation; a document with none secured still gets valid calls. */
function badCredentialRequests(generators: OperationArbitraries[]): fc.Arbitrary<FuzzRequest>[] {
  const secured = generators.flatMap((generator) => (generator.badCredentials ? [generator.badCredentials] : []))
  if (secured.length > 0) {
    return secured
  }
  return generators.map((generator) =>
    generator.valid.map((request) => ({ ...request, category: 'bad-credentials' as const, expect: 'any' as const })),
  )
}

interface OperationArbitraries {
  operation: ApiOperation
  /** Valid parts and credentials, before they are written. */
  parts: fc.Arbitrary<{ parts: RequestParts; credentials: CredentialPlacement }>
  /** A valid request, relabelled by the categories that start from one. */
  base: fc.Arbitrary<FuzzRequest>
  valid: fc.Arbitrary<FuzzRequest>
  brokenField: fc.Arbitrary<FuzzRequest>
  oddEncoding: fc.Arbitrary<FuzzRequest>
  badCredentials?: fc.Arbitrary<FuzzRequest>
}

function operationArbitraries(
  profile: FuzzProfile,
  operation: ApiOperation,
  credentialNames: Set<string>,
): OperationArbitraries {
  const field = (location: FieldSlot['location'], name: string, schemaValue: fc.Arbitrary<unknown>) =>
    profile.validValues?.({ operationId: operation.operationId, location, name }, schemaValue) ?? schemaValue
  const media = bodyMedia(operation)

  const byLocation = (location: ParameterLocation) => {
    const parameters = operation.parameters.filter(
      (parameter) => parameter.in === location && !(location !== 'path' && credentialNames.has(parameter.name)),
    )
    const model = Object.fromEntries(
      parameters.map((parameter) => [parameter.name, field(location, parameter.name, validValue(parameter.schema))]),
    )
    return fc.record(model, {
      requiredKeys: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    }) as fc.Arbitrary<Record<string, unknown>>
  }
  const bodyFields: fc.Arbitrary<unknown> = media
    ? isObject(media.schema.properties) || media.schema.type === 'object'
      ? validObject(media.schema, {
          override: (name, schemaValue) => field('body', name, schemaValue),
          skip: (name) => credentialNames.has(name),
        })
      : validValue(media.schema)
    : fc.constant(undefined)

  const parts = fc
    .record({
      path: byLocation('path'),
      query: byLocation('query'),
      headers: byLocation('header'),
      fields: bodyFields,
      credentials: validCredentials(operation, profile.credentials),
    })
    .map(({ path, query, headers, fields, credentials }) => ({
      parts: {
        path,
        query,
        headers,
        body:
          media && (operation.body?.required || fields !== undefined) ? { mediaType: media.type, fields } : undefined,
      } as RequestParts,
      credentials,
    }))

  const build = (
    category: FuzzCategory,
    expect: FuzzExpectation,
    note: string,
    { parts, credentials }: { parts: RequestParts; credentials: CredentialPlacement },
  ) => writeRequest(operation, parts, credentials, { category, expect, note })

  const valid = parts.map((value) => build('valid', 'accepted', `valid, ${value.credentials.note}`, value))
  const base = parts.map((value) => build('valid', 'any', `valid, ${value.credentials.note}`, value))

  const slots = fieldSlots(operation, media?.schema, credentialNames)
  let brokenField =
    slots.length === 0
      ? valid.map((request) => ({ ...request, category: 'broken-field' as const, expect: 'any' as const }))
      : fc.oneof(
          ...slots.map((slot) =>
            fc.tuple(parts, brokenValue(slot.schema, slot.required)).map(([value, broken]) => {
              const spoiled = spoil(value.parts, slot, broken.value, media?.type)
              // An empty path segment changes the route: the path may name another operation.
              const reroutes = slot.location === 'path' && (broken.value === undefined || broken.value === '')
              return build(
                'broken-field',
                broken.invalid && !reroutes ? 'rejected' : 'any',
                `${slot.location}.${slot.name}: ${broken.why}`,
                { parts: spoiled, credentials: value.credentials },
              )
            }),
          ),
        )

  if (operation.body?.required) {
    // The whole body left out: a required body is a certain 4xx.
    brokenField = fc.oneof(
      brokenField,
      parts.map((value) =>
        build('broken-field', 'rejected', 'body left out', {
          parts: { ...value.parts, body: undefined },
          credentials: value.credentials,
        }),
      ),
    )
  }

  const encodings: fc.Arbitrary<FuzzRequest>[] = [
    fc.tuple(parts, queryOddity).map(([value, oddity]) => {
      const request = build('odd-encoding', 'any', `query: ${oddity.note}`, value)
      const pairs = queryPairs(value.parts.query, value.credentials)
      const [path = ''] = splitTarget(request.target)
      return { ...request, target: joinTarget(path, oddity.apply(pairs)) }
    }),
    fc.tuple(parts, headerOddity).map(([value, oddity]) => {
      const request = build('odd-encoding', 'any', `headers: ${oddity.note}`, value)
      const replaced = new Set(oddity.headers.map(([name]) => name.toLowerCase()))
      const headers = request.headers.filter(([name]) => !replaced.has(name.toLowerCase()))
      return { ...request, headers: [...headers, ...oddity.headers] }
    }),
  ]
  if (media && operation.method !== 'GET' && operation.method !== 'HEAD') {
    encodings.push(
      fc.tuple(parts, bodyOddity).map(([value, oddity]) => {
        const request = build('odd-encoding', 'any', `body: ${oddity.note}`, value)
        const encoded = oddity.apply(value.parts.body?.fields ?? {}, media.type)
        const headers = request.headers.filter(([name]) => name.toLowerCase() !== 'content-type')
        if (encoded.contentType !== undefined) {
          headers.push(['Content-Type', headerSafe(encoded.contentType)])
        }
        return { ...request, headers: [...headers, ...(encoded.headers ?? [])], body: encoded.body }
      }),
    )
  }

  let bad: fc.Arbitrary<FuzzRequest> | undefined
  if (!isOpen(operation)) {
    bad = fc
      .tuple(parts, badCredentials(operation, profile.credentials))
      .map(([value, credentials]) =>
        build('bad-credentials', 'denied', credentials.note, { parts: value.parts, credentials }),
      )
  }

  return { operation, parts, base, valid, brokenField, oddEncoding: fc.oneof(...encodings), badCredentials: bad }
}

/** Wrong methods on each real path: every candidate the path item does not define. */
function wrongMethods(operations: ApiOperation[], generators: OperationArbitraries[]): fc.Arbitrary<FuzzRequest>[] {
  const defined = new Map<string, Set<string>>()
  for (const operation of operations) {
    const methods = defined.get(operation.pathTemplate) ?? new Set<string>()
    methods.add(operation.method)
    defined.set(operation.pathTemplate, methods)
  }
  return generators.flatMap((generator) => {
    const methods = candidateMethods.filter((method) => !defined.get(generator.operation.pathTemplate)?.has(method))
    if (methods.length === 0) {
      return []
    }
    return [
      fc.tuple(generator.base, fc.constantFrom(...methods)).map(([request, method]) => withMethod(request, method)),
    ]
  })
}

function withMethod(request: FuzzRequest, method: string): FuzzRequest {
  // GET and HEAD requests cannot carry a body.
  const bodyless = method === 'GET' || method === 'HEAD'
  return {
    ...request,
    category: 'wrong-method',
    expect: 'any',
    method,
    note: `${method} instead of ${request.method}`,
    body: bodyless ? undefined : request.body,
    headers: bodyless ? request.headers.filter(([name]) => name.toLowerCase() !== 'content-type') : request.headers,
  }
}

/** Arbitraries for a route the spec does not describe: no values to validate, only shapes. */
function extraRouteArbitraries(route: ExtraRoute) {
  const bodyless = route.method === 'GET' || route.method === 'HEAD'
  const base: FuzzRequest = {
    category: 'valid',
    note: `extra route ${route.method} ${route.path}`,
    method: route.method,
    target: route.path,
    headers: route.form && !bodyless ? [['Content-Type', 'application/x-www-form-urlencoded']] : [],
    body: route.form && !bodyless ? new URLSearchParams(route.form).toString() : undefined,
    expect: 'any',
  }
  const encodings: fc.Arbitrary<FuzzRequest>[] = [
    queryOddity.map((oddity) => ({
      ...base,
      category: 'odd-encoding' as const,
      note: `${base.note}; query: ${oddity.note}`,
      target: joinTarget(route.path, oddity.apply([['a', 'b']])),
    })),
    headerOddity.map((oddity) => ({
      ...base,
      category: 'odd-encoding' as const,
      note: `${base.note}; headers: ${oddity.note}`,
      headers: [...base.headers, ...oddity.headers],
    })),
  ]
  if (!bodyless) {
    encodings.push(
      bodyOddity.map((oddity) => {
        const encoded = oddity.apply(route.form ?? {}, 'application/x-www-form-urlencoded')
        return {
          ...base,
          category: 'odd-encoding' as const,
          note: `${base.note}; body: ${oddity.note}`,
          headers: [
            ...(encoded.contentType === undefined
              ? []
              : [['Content-Type', headerSafe(encoded.contentType)] as [string, string]]),
            ...(encoded.headers ?? []),
          ],
          body: encoded.body,
        }
      }),
    )
  }
  return {
    base: fc.constant(base),
    wrongMethod: fc
      .constantFrom(...candidateMethods.filter((method) => method !== route.method))
      .map((method) => withMethod(base, method)),
    oddEncoding: fc.oneof(...encodings),
  }
}

/** The first body media type the generator can write, else the first declared. */
function bodyMedia(operation: ApiOperation): { type: string; schema: JsonSchema } | undefined {
  const media = operation.body?.media ?? []
  return media.find((entry) => supportedMediaTypes.includes(entry.type.toLowerCase())) ?? media[0]
}

function fieldSlots(
  operation: ApiOperation,
  bodySchema: JsonSchema | undefined,
  credentialNames: Set<string>,
): FieldSlot[] {
  const slots: FieldSlot[] = operation.parameters
    .filter(
      (parameter) => parameter.in !== 'cookie' && !(parameter.in !== 'path' && credentialNames.has(parameter.name)),
    )
    .map((parameter) => ({
      location: parameter.in,
      name: parameter.name,
      schema: parameter.schema,
      required: parameter.required,
    }))
  if (bodySchema) {
    const required = new Set(Array.isArray(bodySchema.required) ? bodySchema.required.map(String) : [])
    for (const [name, schema] of Object.entries(
      (bodySchema.properties as Record<string, JsonSchema> | undefined) ?? {},
    )) {
      if (!credentialNames.has(name)) {
        slots.push({ location: 'body', name, schema, required: required.has(name) })
      }
    }
  }
  return slots
}

/** The parts with one field replaced by a broken value (or removed, for `undefined`). */
function spoil(parts: RequestParts, slot: FieldSlot, value: unknown, mediaType: string | undefined): RequestParts {
  const set = (record: Record<string, unknown>) => {
    const copy = { ...record }
    if (value === undefined) {
      delete copy[slot.name]
    } else {
      copy[slot.name] = value
    }
    return copy
  }
  switch (slot.location) {
    case 'path':
      return { ...parts, path: set(parts.path) }
    case 'query':
      return { ...parts, query: set(parts.query) }
    case 'header':
      return { ...parts, headers: set(parts.headers) }
    case 'body': {
      const fields = isObject(parts.body?.fields) ? parts.body.fields : {}
      return {
        ...parts,
        body: { mediaType: parts.body?.mediaType ?? mediaType ?? 'application/json', fields: set(fields) },
      }
    }
    default:
      return parts
  }
}

function queryPairs(query: Record<string, unknown>, credentials: CredentialPlacement): [string, string][] {
  const pairs: [string, string][] = []
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) {
      continue
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      pairs.push([name, wireText(item)])
    }
  }
  return [...pairs, ...credentials.query]
}

/** Writes parts as a request: path template filled, query encoded, headers and body set. */
function writeRequest(
  operation: ApiOperation,
  parts: RequestParts,
  credentials: CredentialPlacement,
  label: { category: FuzzCategory; expect: FuzzExpectation; note: string },
): FuzzRequest {
  const path = operation.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = parts.path[name]
    if (value === undefined) {
      return ''
    }
    return Array.isArray(value) ? value.map(encodeComponent).join(',') : encodeComponent(value)
  })
  const query = queryPairs(parts.query, credentials)
    .map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`)
    .join('&')
  const headers: [string, string][] = [...credentials.headers]
  for (const [name, value] of Object.entries(parts.headers)) {
    if (value !== undefined) {
      headers.push([name, headerSafe(wireText(value))])
    }
  }
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (parts.body) {
    const encoded = encodeBody(parts.body.mediaType, parts.body.fields)
    body = encoded.body
    if (encoded.contentType !== undefined) {
      headers.push(['Content-Type', encoded.contentType])
    }
  }
  // A segment that is "." or ".." (a parameter's value, or its percent-encoded dots) is removed by
  // every URL parser before the request leaves, so the request names another route, or none.
  const reroutes = path.split('/').some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))
  return {
    ...label,
    ...(reroutes ? { expect: 'any' as const } : {}),
    operationId: operation.operationId,
    method: operation.method,
    target: joinTarget(path, query),
    headers,
    body,
    declared: operation.responses,
  }
}

function splitTarget(target: string): [string, string | undefined] {
  const index = target.indexOf('?')
  return index < 0 ? [target, undefined] : [target.slice(0, index), target.slice(index + 1)]
}

function joinTarget(path: string, query: string | undefined): string {
  return query ? `${path}?${query}` : path
}

/** Whether a target would reach an excluded path, as sent or as a router decodes and normalizes it. */
function isExcluded<T extends FuzzTarget>(profile: FuzzProfile<T>, target: string): boolean {
  if (!profile.excludePath) {
    return false
  }
  let pathname: string
  try {
    pathname = new URL(`http://fuzz.invalid${target}`).pathname
  } catch {
    return false
  }
  return [pathname, lenientDecode(pathname)].some((path) => profile.excludePath?.(path))
}
