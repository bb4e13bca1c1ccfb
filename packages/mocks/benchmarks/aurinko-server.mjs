// One Aurinko benchmark server in its own process, so load generation and serving do not share a thread.
// Usage: node aurinko-server.mjs <simulator|raw>
// `simulator` serves the sandbox account; `raw` answers every request from node:http with the bytes
// of one sandbox contact, as read from the simulator: the baseline.
import { createServer } from 'node:http'
import { createAurinkoSimulator } from '../dist/aurinko/index.js'
import { manualClock } from '../dist/index.js'
import { serve } from '../dist/node.js'

const [mode] = process.argv.slice(2)
const auth = 'Bearer aurinko-sandbox-token'
const simulator = createAurinkoSimulator({ clock: manualClock() })
const list = await (await simulator.app.request('/v1/contacts?limit=1', { headers: { Authorization: auth } })).json()
const contactPath = `/v1/contacts/${list.records[0].id}`

let url
if (mode === 'raw') {
  const bytes = Buffer.from(
    await (await simulator.app.request(contactPath, { headers: { Authorization: auth } })).arrayBuffer(),
  )
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(request.method === 'POST' ? 201 : 200, {
        'Content-Type': 'application/json',
        'Content-Length': bytes.length,
      })
      response.end(bytes)
    })
  })
  const port = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)))
  url = `http://127.0.0.1:${port}`
} else {
  url = (await serve(simulator)).url
}
process.on('SIGTERM', () => process.exit(0))
process.stdout.write(`${JSON.stringify({ url, contactPath, auth })}\n`)
