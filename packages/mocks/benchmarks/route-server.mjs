// One server of a route benchmark in its own process. Usage: node route-server.mjs <route> <simulator|raw|hono>
// Every mode first runs the route's simulators (a set on a manual clock, journal, faults, validation,
// request ids and redaction on, as users run them) and prepares the route's state. Then:
// `simulator` prints the target simulator's URL; `raw` and `hono` send the route's requests once to
// the simulator, keep each answer's status, Content-Type and bytes, and serve them by method, from
// node:http (which reads the body first) or from a bare Hono app on @hono/node-server (which reads
// the body as an ArrayBuffer): the baselines.
// Prints one JSON line: { url, requests }.
import { createServer } from 'node:http'
import { serve as serveNode } from '@hono/node-server'
import { Hono } from 'hono'
import { createSimulatorSet, manualClock } from '../dist/index.js'
import { serve } from '../dist/node.js'
import { routes } from './routes.mjs'

const [name, mode = 'simulator'] = process.argv.slice(2)
const route = routes[name]
if (!route) {
  throw new Error(`No route ${name}; choose from ${Object.keys(routes).join(', ')}.`)
}
const set = createSimulatorSet(route.vendors, { clock: manualClock('2026-03-01T12:00:00Z') })
const urls = {}
for (const vendor of route.vendors) {
  const server = await serve(set.get(vendor.name), { port: 0 })
  set.setUrl(vendor.name, server.url)
  urls[vendor.name] = server.url
}
const requests = await route.prepare({ set, urls })
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)))

/** The simulator's answer to each of the route's requests, by method. */
async function answers() {
  const byMethod = {}
  let id
  for (const request of requests) {
    const response = await fetch(urls[route.target] + request.path.replace('{id}', id), {
      method: request.method,
      headers: request.headers,
      body: request.body,
    })
    const bytes = Buffer.from(await response.arrayBuffer())
    if (response.status >= 300) {
      throw new Error(`${request.method} ${request.path} answered ${response.status}: ${bytes}`)
    }
    id ??= bytes.length > 0 && response.headers.get('content-type')?.includes('json') ? JSON.parse(bytes).id : undefined
    byMethod[request.method] = { status: response.status, type: response.headers.get('content-type'), bytes }
  }
  return byMethod
}

let url
if (mode === 'raw') {
  const byMethod = await answers()
  const server = createServer((request, response) => {
    const answer = byMethod[request.method]
    request.resume()
    request.on('end', () => {
      response.writeHead(answer.status, {
        ...(answer.type ? { 'Content-Type': answer.type } : {}),
        'Content-Length': answer.bytes.length,
      })
      response.end(answer.bytes)
    })
  })
  url = `http://127.0.0.1:${await listen(server)}`
} else if (mode === 'hono') {
  const byMethod = await answers()
  const app = new Hono()
  app.all('*', async (c) => {
    const answer = byMethod[c.req.method]
    // The method first: asking a GET for its body makes @hono/node-server build a whole Request.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      await c.req.arrayBuffer()
    }
    return c.body(answer.bytes.length > 0 ? new Uint8Array(answer.bytes) : null, answer.status, {
      ...(answer.type ? { 'Content-Type': answer.type } : {}),
    })
  })
  const port = await new Promise((resolve) => {
    serveNode({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port))
  })
  url = `http://127.0.0.1:${port}`
} else {
  url = urls[route.target]
}
// A clean exit on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0))
process.stdout.write(`${JSON.stringify({ url, requests })}\n`)
