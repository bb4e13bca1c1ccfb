import type { Context, Env, MiddlewareHandler } from 'hono'
import type { Authentication, Denied } from './credentials.js'

/**
 * A request's way past the vendor's door: its answer when refused, or undefined when the handler
 * may run (with the caller and `c.get('request')` set).
 */
export type Admission<E extends Env> = (c: Context<E>) => Promise<Response | undefined>

/** Options of a vendor's guard: how it authenticates, where the caller goes, how it refuses. */
export interface GuardOptions<E extends Env, C> {
  /** Reads and checks the request's credentials; runs on every request. */
  authenticate(c: Context<E>): Authentication<C>
  /** The context variable handlers read the caller from (`c.get('account')`). */
  caller: string
  /** The vendor's answer to refused credentials, in its error format. */
  refuse(c: Context<E>, denied: Denied): Response
}

/** Validation against the spec: the vendor's answer to an invalid request, or undefined (from `specCheck`). */
export type Check<E extends Env> = (c: Context<E>) => Promise<Response | undefined>

/** Work between authentication and validation that needs the caller (reading a lenient body, settling due work). */
export type Prepare<E extends Env, C> = (c: Context<E>, caller: C) => Promise<Response | undefined>

/**
 * The guard every vendor route stands behind: authenticate, then validate against the spec,
 * written once. `createGuard` takes how the vendor authenticates and refuses; the function it
 * returns makes one admission per kind of validation a vendor needs. Each admission is a plain
 * function, not a middleware chain: it runs inside the route's one middleware or handler, since
 * every extra layer costs on the hot path (docs/decisions/hot-path.md).
 *
 * @example
 * const guard = createGuard<Env, Account>({ authenticate, caller: 'account', refuse: (c, denied) => vendorError(c, denied.status, denied.why) })
 * const admitted = guard(specCheck(document, { onInvalid }))
 * routes.get('/v1/things', asMiddleware(admitted), (c) => things(c))
 */
export function createGuard<E extends Env, C>(
  options: GuardOptions<E, C>,
): (check: Check<E>, prepare?: Prepare<E, C>) => Admission<E> {
  const { authenticate, caller, refuse } = options
  return (check, prepare) => (c) => {
    const authentication = authenticate(c)
    if (authentication.kind === 'denied') {
      return Promise.resolve(refuse(c, authentication))
    }
    c.set(caller as never, authentication.caller as never)
    if (!prepare) {
      return check(c)
    }
    return prepare(c, authentication.caller).then((refused) => refused ?? check(c))
  }
}

/**
 * An admission as a Hono middleware: a refused request gets the vendor's answer, an admitted one
 * goes on to the handler.
 *
 * @example
 * routes.get('/api/v1/contacts', asMiddleware(admitted), (c) => list(c))
 */
export function asMiddleware<E extends Env>(admission: Admission<E>): MiddlewareHandler<E> {
  return async (c, next) => {
    const refused = await admission(c)
    if (refused) {
      return refused
    }
    await next()
  }
}
