// `node benchmarks/in-process.mjs [json|xml] [simulator|hono] [rounds]`: what one request costs in
// JavaScript alone, without sockets: the app is called as @hono/node-server calls it, with its
// lightweight Response, so no body is copied. Run it under `node --cpu-prof` to see where it goes.
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import { createCloudSpongeSimulator, documentedTenant } from '../dist/cloudsponge/index.js'
import { manualClock } from '../dist/index.js'

getRequestListener(() => new Response('')) // installs node-server's lightweight Response globally
const [format = 'json', which = 'simulator', rounds = '5'] = process.argv.slice(2)
const auth = `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`
const simulator = createCloudSpongeSimulator({ clock: manualClock() })
await simulator.app.request('/begin_import/import', {
  method: 'POST',
  headers: { Authorization: auth },
  body: new URLSearchParams({ service: 'icloud', username: 'contacts-100000', password: 'x' }),
})
simulator.clock.advance(60_000)
const url = `http://127.0.0.1:4010/contacts/1126.${format}?start=0&count=1000`
const sent = { host: '127.0.0.1:4010', authorization: auth, 'user-agent': 'autocannon' }

// The part of node-server's request the app reads: url, method, and headers looked up lazily.
class SentHeaders {
  get(name) {
    return sent[name.toLowerCase()] ?? null
  }
  has(name) {
    return name.toLowerCase() in sent
  }
  forEach(callback) {
    for (const name in sent) {
      callback(sent[name], name)
    }
  }
  entries() {
    return Object.entries(sent)[Symbol.iterator]()
  }
  [Symbol.iterator]() {
    return this.entries()
  }
}
const rawHeaders = Object.entries(sent).flat()
const request = () => ({ url, method: 'GET', headers: new SentHeaders(), body: null })
const env = () => ({ incoming: { rawHeaders } })

const bare = new Hono()
const bytes = new Uint8Array(1000)
bare.get('*', (c) => c.body(bytes, 200, { 'Content-Type': 'application/json' }))
const app = which === 'hono' ? bare : simulator.app
for (let round = 0; round < Number(rounds); round++) {
  const started = performance.now()
  let count = 0
  while (performance.now() - started < 1000) {
    const response = await app.fetch(request(), env())
    if (response.status !== 200) {
      throw new Error(`${which} answered ${response.status}`)
    }
    count++
  }
  console.log(`${which} ${format}: ${(1e6 / count).toFixed(1)} µs per request`)
}
