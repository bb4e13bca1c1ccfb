import { type Context, Hono } from 'hono'
import type { FaultRuleInput } from './faults.js'
import type { Simulator } from './simulator.js'

/**
 * The control plane every simulator mounts at `/__admin`. It answers in contactkit's own format,
 * `{"error":{"message":"..."}}` with 400 on bad input, never in a vendor's.
 *
 * @example
 * await simulator.app.request('/__admin/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) })
 */
export function createAdminApp(simulator: Simulator): Hono {
  const admin = new Hono()

  admin.onError((error, c) => {
    const status = error instanceof RangeError || error instanceof SyntaxError ? 400 : 500
    return c.json({ error: { message: error.message } }, status)
  })

  admin.post('/reset', (c) => {
    simulator.reset()
    return c.json({ reset: true, clock: clockView(simulator) })
  })

  admin.get('/clock', (c) => c.json(clockView(simulator)))
  admin.post('/clock', async (c) => {
    const body = await jsonBody<{ advanceMs?: unknown; now?: unknown }>(c)
    if (body.advanceMs !== undefined) {
      simulator.clock.advance(Number(body.advanceMs))
    } else if (typeof body.now === 'string' || typeof body.now === 'number') {
      simulator.clock.set(body.now)
    } else {
      throw new RangeError('Failed to move the clock: send {"advanceMs": 60000} or {"now": "2026-01-01T00:00:00Z"}.')
    }
    return c.json(clockView(simulator))
  })

  admin.get('/requests', (c) =>
    c.json({ requests: simulator.journal.list({ method: c.req.query('method'), path: c.req.query('path') }) }),
  )
  admin.delete('/requests', (c) => {
    simulator.journal.clear()
    return c.json({ requests: [] })
  })

  admin.get('/faults', (c) => c.json({ faults: simulator.faults.list() }))
  admin.post('/faults', async (c) => {
    const body = await jsonBody<FaultRuleInput | FaultRuleInput[]>(c)
    const added = (Array.isArray(body) ? body : [body]).map((rule) => simulator.faults.add(rule))
    return c.json({ faults: added }, 201)
  })
  admin.delete('/faults', (c) => {
    simulator.faults.clear()
    return c.json({ faults: [] })
  })

  admin.get('/state', (c) => c.json(simulator.inspect() as object))
  admin.post('/state', async (c) => c.json(simulator.seed(await jsonBody(c)) as object, 201))

  admin.notFound((c) =>
    c.json(
      {
        error: {
          message: `There is no admin endpoint ${c.req.method} /__admin${c.req.path.replace(/^\/__admin/, '')}; see the @contactkit/mocks README for the list.`,
        },
      },
      404,
    ),
  )
  return admin
}

function clockView(simulator: Simulator) {
  const nowMs = simulator.clock.now()
  return { mode: simulator.clock.mode, now: new Date(nowMs).toISOString(), nowMs }
}

async function jsonBody<T>(c: Context): Promise<T> {
  const text = await c.req.text()
  try {
    return JSON.parse(text || '{}') as T
  } catch {
    throw new SyntaxError('The admin API takes JSON bodies; this body is not valid JSON.')
  }
}
