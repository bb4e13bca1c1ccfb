import { rolodexDocument } from '@contactkit/specs/testing'
import { type Context, Hono } from 'hono'
import { asMiddleware, createGuard } from '../../kit/guard.js'
import { json } from '../../kit/json.js'
import { refuseJsonRequest, type SpecValidationEnv, specCheck } from '../../spec-validation.js'
import { rolodexError } from './errors.js'
import { authenticate, type RolodexAccount } from './tenants.js'

type Env = SpecValidationEnv & { Variables: { account: RolodexAccount } }

/**
 * The Rolodex API: list, create and read cards, each route behind the kit's guard (Bearer or
 * Basic credentials, then the spec).
 *
 * @example
 * app.route('/', rolodexRoutes({ accounts: () => state.accounts, nextId: state.nextId }))
 */
export function rolodexRoutes(options: { accounts: () => readonly RolodexAccount[]; nextId(): string }): Hono {
  const routes = new Hono<Env>({ strict: false })
  const guard = createGuard<Env, RolodexAccount>({
    authenticate: (c) => authenticate(c.req.header('authorization'), options.accounts()),
    caller: 'account',
    refuse: (c, denied) => rolodexError(c, denied.status, denied.why, { code: denied.code }),
  })
  const admitted = asMiddleware(
    guard(specCheck<Env>(rolodexDocument, { onInvalid: (c, invalid) => refuseJsonRequest(c, invalid, rolodexError) })),
  )

  routes.get('/v1/cards', admitted, (c) => {
    const { limit } = c.get('request').query as { limit?: number }
    return json(c, { cards: c.get('account').cards.slice(0, limit) })
  })
  routes.post('/v1/cards', admitted, (c) => {
    const card = { id: options.nextId(), ...(c.get('request').body as { name: string; email?: string }) }
    c.get('account').cards.push(card)
    return json(c, card, 201)
  })
  routes.get('/v1/cards/:id', admitted, (c: Context<Env>) => {
    const id = c.get('request').path.id as string
    const card = c.get('account').cards.find((candidate) => candidate.id === id)
    return card
      ? json(c, card)
      : rolodexError(c, 404, `There is no card ${id} in this account.`, { code: 'card.missing' })
  })
  return routes as unknown as Hono
}
