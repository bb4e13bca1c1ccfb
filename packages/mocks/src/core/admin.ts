import { type Context, Hono } from 'hono'
import { adminTokenOf } from './admin-token.js'
import { mountDashboard, profileOf, tokenPage, wantsHtml } from './dashboard/index.js'
import type { FaultRuleInput } from './faults.js'
import { mountHealth } from './health.js'
import type { Simulator } from './simulator.js'

/** The longest single clock move the admin API takes: ten years. */
export const maxAdvanceMs = 10 * 365 * 24 * 60 * 60 * 1000
const earliest = Date.parse('1970-01-01T00:00:00Z')
const latest = Date.parse('9999-12-31T23:59:59Z')

/**
 * The control plane every simulator mounts at `/__admin`. It answers in contactkit's own format,
 * `{"error":{"message":"..."}}`, with a 400 and a sentence that says what to fix on bad input,
 * and a 401 when the simulator has an admin token and the request does not carry it (`/health`
 * excepted: it answers everyone).
 *
 * @example
 * await simulator.app.request('/__admin/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) })
 */
export function createAdminApp(simulator: Simulator): Hono {
  const admin = new Hono()

  admin.onError((error, c) => {
    const status = error instanceof AdminInputError ? 400 : 500
    return c.json({ error: { message: error.message } }, status)
  })

  // Before the token check: CI and test containers poll it without credentials.
  mountHealth(admin, simulator.name)

  admin.use('*', async (c, next) => {
    const expected = simulator.adminToken
    if (expected && adminTokenOf(c) !== expected) {
      if (c.req.method === 'GET' && wantsHtml(c)) {
        return c.body(tokenPage(`${profileOf(simulator).title} simulator`), 401, {
          'Content-Type': 'text/html; charset=utf-8',
        })
      }
      return c.json(
        {
          error: {
            message:
              'The admin API of this simulator needs its admin token: send "Authorization: Bearer <token>", "X-Contactkit-Admin-Token: <token>" or ?admin_token=<token>. The CLI prints the token at start.',
          },
        },
        401,
        { 'WWW-Authenticate': 'Bearer realm="contactkit admin"' },
      )
    }
    await next()
  })

  mountDashboard(admin, simulator)

  admin.post('/reset', (c) => {
    simulator.reset()
    return c.json({ reset: true, clock: clockView(simulator) })
  })

  admin.get('/clock', (c) => c.json(clockView(simulator)))
  admin.post('/clock', async (c) => {
    const body = onlyFields(await jsonObject(c, 'move the clock'), ['advanceMs', 'now'], 'move the clock')
    if ((body.advanceMs === undefined) === (body.now === undefined)) {
      throw new AdminInputError(
        'Failed to move the clock: send exactly one of {"advanceMs": 60000} or {"now": "2026-01-01T00:00:00Z"}.',
      )
    }
    if (body.advanceMs !== undefined) {
      const ms = body.advanceMs
      // JSON has no NaN, and Infinity fails the upper bound: no finiteness test is needed.
      if (typeof ms !== 'number' || ms < 0 || ms > maxAdvanceMs) {
        throw new AdminInputError(
          `Failed to move the clock: "advanceMs" must be a number of milliseconds from 0 to ${maxAdvanceMs} (ten years), not ${JSON.stringify(ms)}.`,
        )
      }
      simulator.clock.advance(ms)
    } else {
      simulator.clock.set(instant(body.now))
    }
    return c.json(clockView(simulator))
  })

  admin.get('/requests', (c) => {
    const status = c.req.query('status')
    const limit = c.req.query('limit')
    const number = (name: string, value: string | undefined, min: number, max: number) => {
      if (value === undefined) {
        return undefined
      }
      const parsed = Number(value)
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new AdminInputError(`Failed to list requests: "${name}" must be a whole number from ${min} to ${max}.`)
      }
      return parsed
    }
    return c.json({
      requests: simulator.journal.list({
        method: c.req.query('method'),
        path: c.req.query('path'),
        status: number('status', status, 100, 599),
        limit: number('limit', limit, 1, simulator.journal.limit),
      }),
    })
  })
  admin.delete('/requests', (c) => {
    simulator.journal.clear()
    return c.json({ requests: [] })
  })

  admin.get('/faults', (c) => c.json({ faults: simulator.faults.list() }))
  admin.post('/faults', async (c) => {
    const body = await json(c, 'add a fault rule')
    const rules = Array.isArray(body) ? body : [body]
    try {
      // Check every rule before adding any, so a bad list adds nothing.
      const added = simulator.faults.addAll(rules as FaultRuleInput[])
      return c.json({ faults: added }, 201)
    } catch (error) {
      throw new AdminInputError((error as Error).message)
    }
  })
  admin.delete('/faults/:id', (c) => {
    if (!simulator.faults.remove(c.req.param('id'))) {
      return c.json(
        { error: { message: `There is no fault rule ${c.req.param('id')}; GET /__admin/faults lists them.` } },
        404,
      )
    }
    return c.json({ faults: simulator.faults.list() })
  })
  admin.delete('/faults', (c) => {
    simulator.faults.clear()
    return c.json({ faults: [] })
  })

  admin.get('/state', (c) => {
    if (c.req.query('snapshot') !== undefined && c.req.query('snapshot') !== '0') {
      const snapshot = simulator.snapshot()
      if (snapshot === undefined) {
        return c.json(
          {
            error: {
              message: `The ${simulator.name} simulator cannot take a snapshot of its state yet; GET /__admin/state without ?snapshot shows it.`,
            },
          },
          501,
        )
      }
      return c.json(snapshot as object, 200, {
        'Content-Disposition': `attachment; filename="${simulator.name}-snapshot.json"`,
      })
    }
    return c.json(simulator.inspect() as object)
  })
  admin.post('/state', async (c) => {
    const body = await json(c, `seed the ${simulator.name} simulator`)
    try {
      return c.json(simulator.seed(body) as object, 201)
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) {
        throw new AdminInputError(error.message)
      }
      throw error
    }
  })

  // A catch-all route, not notFound: a mounted app's notFound gives way to the parent's (the vendor's 404).
  admin.all('*', (c) =>
    c.json(
      {
        error: {
          message: `There is no admin endpoint ${c.req.method} ${c.req.path}; see the @contactkit/mocks README for the list.`,
        },
      },
      404,
    ),
  )
  return admin
}

/** Bad input to the admin API: a 400 whose message says what to send instead. */
export class AdminInputError extends Error {
  override name = 'AdminInputError'
}

function clockView(simulator: Simulator) {
  const nowMs = simulator.clock.now()
  return { mode: simulator.clock.mode, now: new Date(nowMs).toISOString(), nowMs }
}

function instant(value: unknown): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (!Number.isFinite(ms) || ms < earliest || ms > latest) {
    throw new AdminInputError(
      `Failed to move the clock: "now" must be an ISO 8601 time such as "2026-01-01T00:00:00Z" (or epoch milliseconds) between 1970 and 9999, not ${JSON.stringify(value)}.`,
    )
  }
  return ms
}

async function json(c: Context, action: string): Promise<unknown> {
  const text = await c.req.text()
  try {
    return JSON.parse(text || '{}')
  } catch {
    throw new AdminInputError(`Failed to ${action}: the admin API takes JSON bodies, and this body is not valid JSON.`)
  }
}

async function jsonObject(c: Context, action: string): Promise<Record<string, unknown>> {
  const body = await json(c, action)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AdminInputError(`Failed to ${action}: send a JSON object.`)
  }
  return body as Record<string, unknown>
}

function onlyFields(body: Record<string, unknown>, allowed: string[], action: string): Record<string, unknown> {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) {
    throw new AdminInputError(
      `Failed to ${action}: unknown field ${unknown.map((key) => `"${key}"`).join(', ')}; send ${allowed.map((key) => `"${key}"`).join(' or ')}.`,
    )
  }
  return body
}
