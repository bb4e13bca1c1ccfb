// One benchmark server in its own process, so load generation and serving do not share a thread.
// Usage: node server.mjs <simulator|raw|hono> <contacts> <json|xml> [start] [count]
// `raw` fetches the simulator's bytes once, then serves them from node:http: the baseline.
// `hono` serves the same bytes from a bare Hono app on @hono/node-server: what Hono alone costs.
import { createServer } from 'node:http'
import { serve as serveNode } from '@hono/node-server'
import { Hono } from 'hono'
import { createCloudSpongeSimulator, documentedTenant } from '../dist/cloudsponge/index.js'
import { manualClock } from '../dist/index.js'
import { serve } from '../dist/node.js'

const [mode, size, format, start = '0', count = '0'] = process.argv.slice(2)
const auth = `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`
const simulator = createCloudSpongeSimulator({ clock: manualClock() })
await simulator.app.request('/begin_import/import', {
  method: 'POST',
  headers: { Authorization: auth },
  body: new URLSearchParams({ service: 'icloud', username: `contacts-${size}`, password: 'x' }),
})
simulator.clock.advance(60_000)
const path = `/contacts/1126.${format}?start=${start}&count=${count}`
const type = format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8'
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)))

let url
if (mode === 'raw') {
  const bytes = Buffer.from(
    await (await simulator.app.request(path, { headers: { Authorization: auth } })).arrayBuffer(),
  )
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length })
    response.end(bytes)
  })
  url = `http://127.0.0.1:${await listen(server)}`
} else if (mode === 'hono') {
  const bytes = new Uint8Array(
    await (await simulator.app.request(path, { headers: { Authorization: auth } })).arrayBuffer(),
  )
  const app = new Hono()
  app.get('*', (c) => c.body(bytes, 200, { 'Content-Type': type }))
  const port = await new Promise((resolve) => {
    serveNode({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port))
  })
  url = `http://127.0.0.1:${port}`
} else {
  url = (await serve(simulator)).url
}
// A clean exit on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0))
process.stdout.write(`${JSON.stringify({ url: `${url}${path}`, auth })}\n`)
