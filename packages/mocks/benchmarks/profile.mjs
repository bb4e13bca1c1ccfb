// `node benchmarks/profile.mjs [simulator|raw|hono] [json|xml] [seconds] [contacts] [start] [count]`:
// serves a page of 1,000 contacts under load with `node --cpu-prof`, then prints self time by
// function and by file. With count 0 it fetches the whole book, `seconds` times, instead.
// `node benchmarks/profile.mjs --route <name> [seconds] [simulator|raw|hono]` does the same for a
// route of routes.mjs (Aurinko's GET of a contact, an S3 form POST…).
// `node benchmarks/profile.mjs --summarise <file.cpuprofile>` prints the same for any profile (for
// one taken with `node --cpu-prof benchmarks/in-process.mjs`).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { autocannonRequests, startRouteServer } from './route-rows.mjs'

if (process.argv[2] === '--summarise') {
  summarise(JSON.parse(readFileSync(process.argv[3], 'utf8')))
  process.exit(0)
}
if (process.argv[2] === '--route') {
  const [name, seconds = '10', mode = 'simulator'] = process.argv.slice(3)
  const dir = mkdtempSync(join(tmpdir(), 'contactkit-profile-'))
  const server = await startRouteServer(name, mode, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
  const result = await autocannon({
    url: server.url,
    connections: 10,
    duration: Number(seconds),
    requests: autocannonRequests(server.requests),
  })
  console.log(`${mode} ${name}: ${result.requests.average.toFixed(0)} req/s, ${result.non2xx} non-2xx`)
  server.child.kill('SIGTERM')
  await once(server.child, 'exit')
  const file = join(
    dir,
    readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile')),
  )
  console.log(file)
  summarise(JSON.parse(readFileSync(file, 'utf8')))
  process.exit(0)
}
const [mode = 'simulator', format = 'json', seconds = '10', size = '100000', start = '0', count = '1000'] =
  process.argv.slice(2)
const dir = mkdtempSync(join(tmpdir(), 'contactkit-profile-'))
const child = spawn(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    fileURLToPath(new URL('./server.mjs', import.meta.url)),
    mode,
    size,
    format,
    start,
    count,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
)
const [line] = await once(child.stdout, 'data')
const server = JSON.parse(String(line))
if (count === '0') {
  // The whole book, `seconds` times over, read by node:http and thrown away.
  for (let round = 0; round < Number(seconds); round++) {
    const started = performance.now()
    const bytes = await new Promise((resolve, reject) => {
      get(server.url, { headers: { Authorization: server.auth } }, (response) => {
        let total = 0
        response.on('data', (chunk) => {
          total += chunk.length
        })
        response.on('end', () => resolve(total))
      }).on('error', reject)
    })
    console.log(`${mode} ${format} whole: ${bytes} bytes in ${(performance.now() - started).toFixed(0)} ms`)
  }
} else {
  const result = await autocannon({
    url: server.url,
    connections: 10,
    duration: Number(seconds),
    headers: { Authorization: server.auth },
  })
  console.log(`${mode} ${format}: ${result.requests.average.toFixed(0)} req/s, ${result.non2xx} non-2xx`)
}
child.kill('SIGTERM')
await once(child, 'exit')
const file = join(
  dir,
  readdirSync(dir).find((name) => name.endsWith('.cpuprofile')),
)
console.log(file)
summarise(JSON.parse(readFileSync(file, 'utf8')))

function summarise(profile) {
  const self = new Map(profile.nodes.map((node) => [node.id, 0]))
  const deltas = profile.timeDeltas
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index]
    self.set(id, self.get(id) + (deltas[index] ?? 0))
  }
  const total = [...self.values()].reduce((sum, value) => sum + value, 0)
  const byFunction = new Map()
  const byFile = new Map()
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame
    const short = url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*\/packages\//, '')
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + self.get(node.id))
    const fileKey = short || functionName
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + self.get(node.id))
  }
  const show = (title, map, rows) => {
    console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`)
    for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
      console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`)
    }
  }
  show('self time by function', byFunction, Number(process.env.ROWS ?? 45))
  show('self time by file', byFile, 25)
  // Time in a function and everything it called, for the simulator's and Hono's own functions:
  // where a request's JavaScript goes, whatever the leaves are. Recursion is counted once.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const inclusive = new Map()
  const walk = (node, open) => {
    const { functionName, url, lineNumber } = node.callFrame
    const short = url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*\/packages\//, '')
    const key = /mocks\/dist|hono\/dist|node-server\/dist|specs\/dist/.test(short)
      ? `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`
      : undefined
    const fresh = key !== undefined && !open.has(key)
    if (fresh) {
      open.add(key)
    }
    let total = self.get(node.id)
    for (const child of node.children ?? []) {
      total += walk(byId.get(child), open)
    }
    if (fresh) {
      inclusive.set(key, (inclusive.get(key) ?? 0) + total)
      open.delete(key)
    }
    return total
  }
  walk(profile.nodes[0], new Set())
  show(
    'total time by function (simulator, specs, Hono and node-server code, callees included)',
    inclusive,
    Number(process.env.ROWS ?? 45),
  )
}
