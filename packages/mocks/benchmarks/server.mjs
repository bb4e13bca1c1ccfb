// One benchmark server in its own process, so load generation and serving do not share a thread.
// Usage: node server.mjs <simulator|raw> <contacts> <json|xml> [start] [count]
// `raw` fetches the simulator's bytes once, then serves them from node:http: the baseline.
import { createServer } from 'node:http'
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

let url
if (mode === 'raw') {
  const bytes = Buffer.from(
    await (await simulator.app.request(path, { headers: { Authorization: auth } })).arrayBuffer(),
  )
  const type = format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8'
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length })
    response.end(bytes)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${server.address().port}`
} else {
  url = (await serve(simulator)).url
}
process.stdout.write(`${JSON.stringify({ url: `${url}${path}`, auth })}\n`)
