import { type Context, Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { type Authentication, admit, deny } from './credentials.js'
import { asMiddleware, createGuard } from './guard.js'

type Env = { Variables: { user: string } }

function app(prepare?: (c: Context<Env>, user: string) => Promise<Response | undefined>) {
  const order: string[] = []
  const guard = createGuard<Env, string>({
    authenticate: (c): Authentication<string> => {
      order.push('authenticate')
      const user = c.req.header('x-user')
      return user === 'ann' ? admit(user) : user ? deny(`${user} may not`, { status: 403 }) : deny('who are you?')
    },
    caller: 'user',
    refuse: (c, denied) => c.json({ refused: denied.why }, denied.status),
  })
  const check = async (c: Context<Env>) => {
    order.push('check')
    return c.req.query('bad') === undefined ? undefined : new Response('invalid', { status: 400 })
  }
  const routes = new Hono<Env>()
  routes.get('/', asMiddleware(guard(check, prepare)), (c) => {
    order.push('handler')
    return c.text(`hello ${c.get('user')}`)
  })
  return { routes, order }
}

describe('createGuard', () => {
  it('authenticates, then validates, then lets the handler read the caller', async () => {
    const { routes, order } = app()
    const answer = await routes.request('/', { headers: { 'X-User': 'ann' } })
    expect(await answer.text()).toBe('hello ann')
    expect(order).toEqual(['authenticate', 'check', 'handler'])
  })

  it('refuses bad credentials in the vendor’s words before validating anything', async () => {
    const { routes, order } = app()
    const missing = await routes.request('/?bad=1')
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ refused: 'who are you?' })
    const forbidden = await routes.request('/', { headers: { 'X-User': 'bo' } })
    expect(forbidden.status).toBe(403)
    expect(order).toEqual(['authenticate', 'authenticate'])
  })

  it('answers an invalid request with the check’s answer, the handler never running', async () => {
    const { routes, order } = app()
    const answer = await routes.request('/?bad=1', { headers: { 'X-User': 'ann' } })
    expect(answer.status).toBe(400)
    expect(order).toEqual(['authenticate', 'check'])
  })

  it('runs the preparation between the two with the caller, and stops at its answer', async () => {
    const seen: string[] = []
    const { routes, order } = app(async (_c, user) => {
      seen.push(user)
      return user === 'ann' ? new Response('not today', { status: 409 }) : undefined
    })
    const answer = await routes.request('/', { headers: { 'X-User': 'ann' } })
    expect(answer.status).toBe(409)
    expect(seen).toEqual(['ann'])
    expect(order).toEqual(['authenticate'])
  })
})
