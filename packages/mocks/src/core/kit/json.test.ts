import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { manualClock } from '../clock.js'
import { createSimulator } from '../simulator.js'
import { toyDocument, toyError } from '../testing/toy-vendor.js'
import { json, jsonHeaders, jsonText } from './json.js'

function simulator() {
  const routes = new Hono()
  routes.get('/value', (c) => json(c, { name: 'Ann', tags: ['a'] }, 201))
  routes.get('/text', (c) => jsonText(c, '{"ready":false}'))
  routes.get('/bytes', (c) => jsonText(c, new TextEncoder().encode('[1,2]')))
  const state = { inspect: () => ({}), seed: () => ({}), reset() {} }
  return createSimulator({
    name: 'toy',
    document: toyDocument,
    clock: manualClock(),
    routes,
    state,
    errorResponse: toyError,
  })
}

describe('JSON answers', () => {
  it('write a value as JSON with its status, the request id among the headers', async () => {
    const answer = await simulator().app.request('/value')
    expect(answer.status).toBe(201)
    expect(answer.headers.get('content-type')).toBe('application/json')
    expect(answer.headers.get('x-request-id')).toMatch(/\S/)
    expect(await answer.json()).toEqual({ name: 'Ann', tags: ['a'] })
  })

  it('send JSON already written, as text or bytes, as it is', async () => {
    const sim = simulator()
    expect(await (await sim.app.request('/text')).text()).toBe('{"ready":false}')
    expect(await (await sim.app.request('/bytes')).json()).toEqual([1, 2])
  })

  it('share one frozen header object that nothing can change', () => {
    expect(Object.isFrozen(jsonHeaders)).toBe(true)
    expect(() => {
      ;(jsonHeaders as Record<string, string>)['Content-Type'] = 'text/plain'
    }).toThrow(TypeError)
  })
})
