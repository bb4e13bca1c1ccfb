import { manualClock, type Simulator } from '@contactkit/mocks'
import { createRolodexSimulator, rolodexSandboxAccount } from '@contactkit/mocks/testing'
import { rolodexDocument } from '@contactkit/specs/testing'
import fc from 'fast-check'
import { excludeAdmin, jsonErrorProblem, servedSpecRoute } from '../../fuzz/core-routes.js'
import { isObject } from '../../fuzz/flat-schema.js'
import type { FuzzExchange, FuzzProfile, FuzzTarget } from '../../fuzz/fuzz-profile.js'

/** A target over one Rolodex simulator; a reset forgets every card and account but the sandbox's. */
export interface RolodexFuzzTarget extends FuzzTarget {
  simulator: Simulator
}

/** The cards `prepare` creates: ids start again from c1 after every reset. */
const preparedCards = ['c1', 'c2']

/**
 * Rolodex, the made-up vendor of docs/adding-a-vendor.md, for the fuzz: what a vendor's profile
 * is, and no more. The sandbox account's token and its Basic credentials, two cards made before
 * each case (a valid `GET /v1/cards/{id}` mostly names one), and Rolodex's error body
 * `{"error":{"status","message","code"}}` with the answer's status.
 *
 * @example
 * const arbitraries = fuzzRequests(await loadFuzzProfile('rolodex', toyProfilesFolder))
 */
export const rolodexFuzzProfile: FuzzProfile<RolodexFuzzTarget> = {
  vendor: 'rolodex',
  document: rolodexDocument,
  createTarget() {
    const simulator = createRolodexSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
    return { simulator, app: simulator.app, reset: () => simulator.reset() }
  },
  credentials: {
    CardToken: rolodexSandboxAccount.token,
    AccountAuth: { username: rolodexSandboxAccount.name, password: rolodexSandboxAccount.password },
  },

  async prepare(target) {
    for (const name of ['Ann Lee', 'Bo Chan']) {
      const created = await target.app.request(
        new Request('http://rolodex.test/v1/cards', {
          method: 'POST',
          headers: { Authorization: `Bearer ${rolodexSandboxAccount.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name }),
        }),
      )
      if (created.status !== 201) {
        throw new Error(`The Rolodex fuzz profile could not create its cards: ${created.status}.`)
      }
    }
    return {}
  },

  validValues({ location, name }, schemaValue) {
    return location === 'path' && name === 'id'
      ? fc.oneof({ arbitrary: fc.constantFrom(...preparedCards), weight: 3 }, { arbitrary: schemaValue, weight: 1 })
      : undefined
  },

  extraRoutes: [servedSpecRoute],
  excludePath: excludeAdmin,
  errorFormatProblem: rolodexErrorProblem,
}

/**
 * Why an answer is not Rolodex's error format, or undefined when it is: a JSON `error` object with
 * the answer's status, a non-empty message and a code.
 *
 * @example
 * rolodexErrorProblem(exchange) // 'error.status 400 is not the answer's 404'
 */
export function rolodexErrorProblem(exchange: FuzzExchange): string | undefined {
  return jsonErrorProblem(exchange, (body) => {
    const error = body.error
    if (!isObject(error)) {
      return 'the body has no "error" object'
    }
    if (error.status !== exchange.status) {
      return `error.status ${JSON.stringify(error.status)} is not the answer's ${exchange.status}`
    }
    if (typeof error.message !== 'string' || error.message.trim() === '') {
      return 'the error has no non-empty "message"'
    }
    return typeof error.code === 'string' && error.code !== '' ? undefined : 'the error has no "code"'
  })
}
