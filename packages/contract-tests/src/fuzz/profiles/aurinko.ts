import { manualClock } from '@contactkit/mocks'
import {
  type AurinkoSimulator,
  type AurinkoSimulatorOptions,
  createAurinkoSimulator,
  sandboxAccount,
  sandboxApp,
  secondAccount,
} from '@contactkit/mocks/aurinko'
import type { OpenApiDocument } from '@contactkit/specs'
import { aurinkoDocument } from '@contactkit/specs/aurinko'
import fc from 'fast-check'
import { excludeAdmin, jsonErrorProblem, servedSpecRoute } from '../core-routes.js'
import { isObject } from '../flat-schema.js'
import type { FuzzExchange, FuzzProfile, FuzzTarget } from '../fuzz-profile.js'

/**
 * Every case starts from a new simulator built the same way, not from `reset()`: the simulator
 * never reuses an account's key after a reset, and contact ids and sync tokens carry that key. A
 * new one has the same ids (`c1_0`…) and, with a fixed token secret and clock, signs the same
 * tokens, so valid requests can name them.
 */
const simulatorOptions = (): AurinkoSimulatorOptions => ({
  clock: manualClock('2026-03-01T12:00:00Z'),
  tokenSecret: 'contactkit-fuzz',
  sync: { pageSize: 2 },
  accounts: [
    { ...sandboxAccount, contacts: 8 },
    { ...secondAccount, contacts: 2 },
  ],
})

/** What `prepare` deletes, so sync/deleted has something to list. */
const deletedIds = ['c1_5', 'c1_6', 'c1_7']
/** Contacts of the sandbox account, one it deleted, and one of the other account (a 404 either way). */
const contactIds = ['c1_0', 'c1_1', 'c1_4', 'c1_5', 'c2_0']

/** The state every case starts from: the deletions above, made as the provider would. */
function prepareState(simulator: AurinkoSimulator): void {
  simulator.providerEdit({ accountId: sandboxAccount.accountId, delete: deletedIds })
}

/** The sync and list tokens the simulator gives in that state: the same in every new simulator. */
async function issuedTokens() {
  const simulator = createAurinkoSimulator(simulatorOptions())
  prepareState(simulator)
  const call = async (method: string, path: string) => {
    const response = await simulator.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${sandboxAccount.accessToken}` },
    })
    const body = (await response.json()) as Record<string, string | undefined>
    if (response.status !== 200) {
      throw new Error(
        `The Aurinko fuzz profile could not get its tokens: ${method} ${path} answered ${response.status}.`,
      )
    }
    return body
  }
  const start = await call('POST', '/v1/contacts/sync?awaitReady=true')
  const follow = async (scope: 'updated' | 'deleted', deltaToken: string) => {
    let page = await call('GET', `/v1/contacts/sync/${scope}?deltaToken=${encodeURIComponent(deltaToken)}`)
    while (page.nextPageToken) {
      page = await call('GET', `/v1/contacts/sync/${scope}?pageToken=${encodeURIComponent(page.nextPageToken)}`)
    }
    return { nextDeltaToken: page.nextDeltaToken as string }
  }
  const updated = await follow('updated', start.syncUpdatedToken as string)
  const deleted = await follow('deleted', start.syncDeletedToken as string)
  const list = await call('GET', '/v1/contacts?limit=2')
  return {
    contSyncUpdated: { deltaToken: [start.syncUpdatedToken as string, updated.nextDeltaToken] },
    contSyncDeleted: { deltaToken: [start.syncDeletedToken as string, deleted.nextDeltaToken] },
    listContacts: { pageToken: [list.nextPageToken as string] },
  } as Record<string, Record<string, string[]>>
}

const tokens = await issuedTokens()

/**
 * The document as the fuzz reads it, with two changes from the spec; every request valid here is
 * valid under the spec itself:
 *
 * - The two sync pages take `deltaToken` only, and require it. The server needs one of
 *   `deltaToken` and `pageToken`, which OpenAPI cannot say: as the spec has it, "valid" requests
 *   would carry neither (rightly a 400), and with `deltaToken` merely required, a request that
 *   leaves it out but sends a page token would count as invalid though it is right. Page tokens
 *   go through the same check as delta tokens, and the list's `pageToken` is still fuzzed.
 * - `nativeProperties` (an exploded array in the query of `GET /v1/contacts/{contId}`) is left out:
 *   the harness's own check reads each query parameter as one string, so it would call every
 *   request carrying it invalid.
 */
function fuzzDocument(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document) as OpenApiDocument & {
    paths: Record<string, { get?: { parameters?: unknown[] } }>
    components: { parameters: Record<string, object> }
  }
  const operation = (path: string) => {
    const get = copy.paths[path]?.get
    if (!get?.parameters) {
      throw new Error(`The Aurinko fuzz profile expected GET ${path} with parameters in the spec.`)
    }
    return get as { parameters: unknown[] }
  }
  const deltaToken = { ...copy.components.parameters.DeltaToken, required: true }
  for (const path of ['/v1/contacts/sync/updated', '/v1/contacts/sync/deleted']) {
    const get = operation(path)
    get.parameters = get.parameters
      .filter((parameter) => !(isObject(parameter) && parameter.$ref === '#/components/parameters/PageToken'))
      .map((parameter) =>
        isObject(parameter) && parameter.$ref === '#/components/parameters/DeltaToken' ? deltaToken : parameter,
      )
  }
  const contact = operation('/v1/contacts/{contId}')
  contact.parameters = contact.parameters.filter(
    (parameter) => !(isObject(parameter) && parameter.name === 'nativeProperties'),
  )
  return copy
}

/** A target whose reset builds a new simulator (see `simulatorOptions`). */
export interface AurinkoFuzzTarget extends FuzzTarget {
  simulator: AurinkoSimulator
}

function freshSimulatorTarget(): AurinkoFuzzTarget {
  const target: AurinkoFuzzTarget = {
    simulator: createAurinkoSimulator(simulatorOptions()),
    app: { request: (request) => target.simulator.app.request(request) },
    reset() {
      target.simulator = createAurinkoSimulator(simulatorOptions())
    },
  }
  return target
}

/**
 * Aurinko for the fuzz: a new simulator for every case with a few contacts deleted by the
 * provider, the sandbox account's token (or the app's Basic credentials with its account id),
 * the sync and list tokens that simulator issues, and Aurinko's error body
 * `{"code":…,"message":…,"requestId":…}` as JSON. `/__admin` has its own format and is not fuzzed.
 *
 * @example
 * const arbitraries = fuzzRequests(aurinkoFuzzProfile)
 */
export const aurinkoFuzzProfile: FuzzProfile<AurinkoFuzzTarget> = {
  vendor: 'aurinko',
  document: fuzzDocument(aurinkoDocument),
  createTarget: freshSimulatorTarget,
  credentials: {
    AccountToken: sandboxAccount.accessToken,
    AppAuth: { username: sandboxApp.clientId, password: sandboxApp.clientSecret },
    AccountIdHeader: String(sandboxAccount.accountId),
  },

  async prepare(target) {
    prepareState(target.simulator)
    return {}
  },

  validValues({ operationId, location, name }, schemaValue) {
    if (location === 'path' && name === 'contId') {
      return fc.oneof(fc.constantFrom(...contactIds), schemaValue)
    }
    const issued = location === 'query' ? tokens[operationId]?.[name] : undefined
    if (issued) {
      return fc.constantFrom(...issued)
    }
    if (location === 'header' && name === 'If-Match') {
      // Any etag is valid; a wrong one is a declared 412, `*` matches every etag. Blank values are
      // left out: a header value loses its surrounding spaces on the way, and an empty one is a 400.
      return fc.oneof(
        fc.constant('*'),
        schemaValue.filter((value) => typeof value === 'string' && value.trim() !== ''),
      )
    }
    return undefined
  },

  extraRoutes: [servedSpecRoute],

  excludePath: excludeAdmin,

  errorFormatProblem: aurinkoErrorProblem,
}

/**
 * Why an answer is not Aurinko's error format, or undefined when it is: `application/json`
 * (UTF-8 if a charset is named) holding an object with a non-empty string `code` and `message`,
 * and `requestId`, a string equal to the `X-Request-Id` header. HEAD answers carry
 * no body, so only their Content-Type is checked.
 *
 * @example
 * aurinkoErrorProblem(exchange) // 'the body has no non-empty "code"'
 */
export function aurinkoErrorProblem(exchange: FuzzExchange): string | undefined {
  return jsonErrorProblem(exchange, (body) => {
    for (const field of ['code', 'message']) {
      const value = body[field]
      if (typeof value !== 'string' || value.trim() === '') {
        return `the body has no non-empty "${field}"`
      }
    }
    if (typeof body.requestId !== 'string' || body.requestId === '') {
      return 'the body has no non-empty "requestId"'
    }
    if (body.requestId !== exchange.headers.get('x-request-id')) {
      return `"requestId" ${JSON.stringify(body.requestId)} is not the X-Request-Id header`
    }
    return undefined
  })
}
