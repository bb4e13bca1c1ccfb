// `pnpm bench`: simulator throughput and memory as ratios against baselines measured in this run.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 5)
const rows = []

async function startServer(args) {
  const child = spawn(process.execPath, [here('./server.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = await once(child.stdout, 'data')
  return { child, ...JSON.parse(String(line)) }
}

async function stop(child) {
  child.kill('SIGKILL')
  await once(child, 'exit')
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

async function throughput(args) {
  const server = await startServer(args)
  const result = await autocannon({
    url: server.url,
    connections: 10,
    duration: durationSeconds,
    headers: { Authorization: server.auth },
  })
  await stop(server.child)
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${args.join(' ')}: ${result.non2xx} non-2xx answers and ${result.errors} errors`)
  }
  return result.requests.average
}

async function wholeBook(args) {
  const server = await startServer(args)
  const started = performance.now()
  const response = await fetch(server.url, { headers: { Authorization: server.auth } })
  const bytes = (await response.arrayBuffer()).byteLength
  const ms = performance.now() - started
  const rss = peakRssMb(server.child.pid)
  await stop(server.child)
  return { ms, rss, bytes }
}

async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function timeToFirst200(command, args, url) {
  const started = performance.now()
  const child = spawn(command, args, { stdio: 'ignore' })
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) {
        break
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
  const ms = performance.now() - started
  await stop(child)
  return ms
}

for (const format of ['json', 'xml']) {
  const raw = await throughput(['raw', '100000', format, '0', '1000'])
  const sim = await throughput(['simulator', '100000', format, '0', '1000'])
  rows.push({
    measure: `page of 1,000 contacts, ${format.toUpperCase()} (req/s)`,
    baseline: `raw node:http ${raw.toFixed(0)}`,
    simulator: sim.toFixed(0),
    ratio: (sim / raw).toFixed(2),
    aim: format === 'json' ? '>= 0.50' : '',
  })
}

for (const format of ['json', 'xml']) {
  const raw = await wholeBook(['raw', '100000', format])
  const sim = await wholeBook(['simulator', '100000', format])
  rows.push({
    measure: `100,000 contacts whole, ${format.toUpperCase()} (${(sim.bytes / 1e6).toFixed(1)} MB, ms)`,
    baseline: `raw node:http ${raw.ms.toFixed(0)}`,
    simulator: sim.ms.toFixed(0),
    ratio: (sim.ms / raw.ms).toFixed(2),
    aim: '< 2000 ms',
  })
  rows.push({
    measure: `100,000 contacts whole, ${format.toUpperCase()} (peak RSS, MB)`,
    baseline: `raw node:http ${raw.rss.toFixed(0)}`,
    simulator: sim.rss.toFixed(0),
    ratio: (sim.rss / raw.rss).toFixed(2),
    aim: '< 500 MB',
  })
}

{
  const bare = await freePort()
  const baseline = await timeToFirst200(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${bare}, '127.0.0.1')`],
    `http://127.0.0.1:${bare}/`,
  )
  const port = await freePort()
  const cli = await timeToFirst200(
    process.execPath,
    [here('../dist/cli.js'), '--only', 'cloudsponge', '--cloudsponge-port', String(port)],
    `http://127.0.0.1:${port}/__admin/clock`,
  )
  rows.push({
    measure: 'CLI cold start to first 200 (ms)',
    baseline: `bare node:http ${baseline.toFixed(0)}`,
    simulator: cli.toFixed(0),
    ratio: (cli / baseline).toFixed(2),
    aim: '< 1000 ms',
  })
}

console.log(`contactkit-mocks benchmarks (${durationSeconds} s per throughput run, 10 connections)`)
console.table(rows)
