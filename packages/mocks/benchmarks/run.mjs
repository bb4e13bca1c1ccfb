// `pnpm bench`: simulator throughput, memory and start-up as ratios against baselines measured in
// this run. The machine is shared and noisy, so every server is warmed up first, baseline and
// subject alternate over several rounds, and the table shows medians (see README, "Benchmarks").
// Beside each wall-clock figure, the CPU time the server process used (from /proc), which other
// load on the machine disturbs far less. BENCH_SECONDS (per throughput measurement, default 2),
// BENCH_ROUNDS (default 7), BENCH_SUSTAINED_SECONDS (default 20) and BENCH_ONLY
// (page,whole,cli,binary,omnigage,aurinko,routes,sustained) tune it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { aurinkoBenchmarks } from './aurinko.mjs'
import { binaryRows } from './binary.mjs'
import { freePort, stop, timeToFirst200 } from './first-200.mjs'
import { omnigageRows } from './omnigage.mjs'
import { cpuMs, peakRssMb } from './process-usage.mjs'
import { routeBenchmarks } from './route-rows.mjs'
import { fixed, median, range } from './stats.mjs'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const seconds = Number(process.env.BENCH_SECONDS ?? 2)
const rounds = Number(process.env.BENCH_ROUNDS ?? 7)
const only = process.env.BENCH_ONLY?.split(',')
const rows = []

async function startServer(args) {
  const child = spawn(process.execPath, [here('./server.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = await once(child.stdout, 'data')
  return { child, ...JSON.parse(String(line)) }
}

async function requestsPerSecond(server, duration) {
  const cpuBefore = cpuMs(server.child.pid)
  const result = await autocannon({
    url: server.url,
    connections: 10,
    duration,
    headers: { Authorization: server.auth },
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${server.url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`)
  }
  return {
    perSecond: result.requests.average,
    cpuUs: ((cpuMs(server.child.pid) - cpuBefore) * 1000) / result.requests.total,
  }
}

// Baselines and subject run side by side in their own processes; only one is under load at a time.
async function pages(format) {
  const names = ['raw', 'hono', 'simulator']
  const servers = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await startServer([name, '100000', format, '0', '1000'])])),
  )
  try {
    for (const name of names) {
      await requestsPerSecond(servers[name], 2) // warm-up: JIT, caches, connections
    }
    const results = Object.fromEntries(names.map((name) => [name, []]))
    for (let round = 0; round < rounds; round++) {
      // Alternate the order, so drift in the machine's load does not favour one side.
      for (const name of round % 2 ? [...names].reverse() : names) {
        results[name].push(await requestsPerSecond(servers[name], seconds))
      }
    }
    const raw = results.raw
    const label = format.toUpperCase()
    for (const [name, title] of [
      ['simulator', 'simulator'],
      ['hono', 'bare Hono'],
    ]) {
      const ratios = results[name].map((result, round) => result.perSecond / (raw[round]?.perSecond ?? 1))
      const cpuRatios = results[name].map((result, round) => (raw[round]?.cpuUs ?? 0) / result.cpuUs)
      const ratio = median(ratios)
      rows.push({
        measure: `page of 1,000 contacts, ${label} (req/s)`,
        baseline: `raw node:http ${fixed(median(raw.map((result) => result.perSecond)))}`,
        subject: `${title} ${fixed(median(results[name].map((result) => result.perSecond)))}`,
        ratio: fixed(ratio, 2),
        spread: range(ratios),
        cpu: `${fixed(median(results[name].map((result) => result.cpuUs)))} vs ${fixed(median(raw.map((result) => result.cpuUs)))} (${fixed(median(cpuRatios), 2)})`,
        aim: name === 'simulator' ? '>= 0.80' : '(reference)',
        met: name === 'simulator' ? (ratio >= 0.8 ? 'yes' : 'NO') : '',
      })
    }
  } finally {
    await Promise.all(names.map((name) => stop(servers[name].child)))
  }
}

// The whole book through node:http, counting bytes and keeping none, so the client stays cheap.
function fetchWhole(server) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const cpuBefore = cpuMs(server.child.pid)
    get(server.url, { headers: { Authorization: server.auth } }, (response) => {
      let bytes = 0
      response.on('data', (chunk) => {
        bytes += chunk.length
      })
      response.on('end', () =>
        response.statusCode === 200
          ? resolve({ ms: performance.now() - started, cpu: cpuMs(server.child.pid) - cpuBefore, bytes })
          : reject(new Error(`${server.url} answered ${response.statusCode}`)),
      )
      response.on('error', reject)
    }).on('error', reject)
  })
}

async function wholeBook(format, aimMs) {
  const raw = await startServer(['raw', '100000', format])
  const simulator = await startServer(['simulator', '100000', format])
  try {
    const cold = await fetchWhole(simulator)
    await fetchWhole(raw)
    const results = { raw: [], simulator: [] }
    const wholeRounds = Math.max(3, Math.ceil(rounds / 2))
    for (let round = 0; round < wholeRounds; round++) {
      for (const name of round % 2 ? ['simulator', 'raw'] : ['raw', 'simulator']) {
        results[name].push(await fetchWhole(name === 'raw' ? raw : simulator))
      }
    }
    const label = format.toUpperCase()
    const ms = median(results.simulator.map((result) => result.ms))
    const rawMs = median(results.raw.map((result) => result.ms))
    rows.push({
      measure: `100,000 contacts whole, ${label}, ${fixed(cold.bytes / 1e6, 1)} MB (ms)`,
      baseline: `raw node:http ${fixed(rawMs)}`,
      subject: `simulator ${fixed(ms)} (cold ${fixed(cold.ms)})`,
      ratio: fixed(ms / rawMs, 2),
      spread: range(
        results.simulator.map((result) => result.ms),
        0,
      ),
      cpu: `${fixed(median(results.simulator.map((result) => result.cpu)))} ms vs ${fixed(median(results.raw.map((result) => result.cpu)))} ms`,
      aim: `< ${aimMs} ms`,
      met: ms < aimMs ? 'yes' : 'NO',
    })
    const rss = peakRssMb(simulator.child.pid)
    const rawRss = peakRssMb(raw.child.pid)
    rows.push({
      measure: `100,000 contacts whole, ${label} (peak RSS, MB)`,
      baseline: `raw node:http ${fixed(rawRss)}`,
      subject: `simulator ${fixed(rss)}`,
      ratio: fixed(rss / rawRss, 2),
      spread: '',
      cpu: '',
      aim: '< 500 MB',
      met: rss < 500 ? 'yes' : 'NO',
    })
  } finally {
    await Promise.all([stop(raw.child), stop(simulator.child)])
  }
}

async function coldStart() {
  const results = { bare: [], cli: [] }
  const run = {
    bare: async () => {
      const port = await freePort()
      const listen = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`
      return timeToFirst200(process.execPath, ['-e', listen], `http://127.0.0.1:${port}/`)
    },
    cli: async () => {
      const port = await freePort()
      return timeToFirst200(
        process.execPath,
        [here('../dist/cli.js'), '--only', 'cloudsponge', '--cloudsponge-port', String(port)],
        `http://127.0.0.1:${port}/__admin/clock`,
      )
    },
  }
  await run.cli() // warm-up: the file system cache
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? ['cli', 'bare'] : ['bare', 'cli']) {
      results[name].push(await run[name]())
    }
  }
  const ms = median(results.cli.map((result) => result.ms))
  const bareMs = median(results.bare.map((result) => result.ms))
  rows.push({
    measure: 'CLI cold start to first 200 (ms)',
    baseline: `bare node:http ${fixed(bareMs)}`,
    subject: `contactkit-mocks ${fixed(ms)}`,
    ratio: fixed(ms / bareMs, 2),
    spread: range(
      results.cli.map((result) => result.ms),
      0,
    ),
    cpu: `${fixed(median(results.cli.map((result) => result.cpu)))} ms vs ${fixed(median(results.bare.map((result) => result.cpu)))} ms`,
    aim: '< 500 ms',
    met: ms < 500 ? 'yes' : 'NO',
  })
}

const started = performance.now()
if (!only || only.includes('page')) {
  await pages('json')
  await pages('xml')
}
if (!only || only.includes('whole')) {
  await wholeBook('json', 1000)
  await wholeBook('xml', 2000)
}
if (!only || only.includes('cli')) {
  await coldStart()
}
if (!only || only.includes('binary')) {
  // The standalone executable (built first when stale): its size, and its start beside the npm CLI's.
  rows.push(...(await binaryRows({ rounds })))
}
if (!only || only.includes('omnigage')) {
  // Its own rounds (BENCH_IMPORT_ROUNDS, default 3; BENCH_ROWS sizes the file): each imports a 100 MB file.
  rows.push(...(await omnigageRows()))
}
if (!only || only.includes('aurinko')) {
  // A delta sync on 100,000 contacts against one on 1,000 and against a full sync.
  rows.push(...(await aurinkoBenchmarks({ rounds })))
}
if (!only || only.includes('routes') || only.includes('sustained')) {
  // Small answers and writes of every vendor against raw node:http and bare Hono; sustained load.
  rows.push(
    ...(await routeBenchmarks({
      seconds,
      rounds,
      sustainedSeconds: Number(process.env.BENCH_SUSTAINED_SECONDS ?? 20),
      ...(only && !only.includes('routes') ? { names: [] } : {}),
      ...(only && !only.includes('sustained') ? { sustained: [] } : {}),
    })),
  )
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
console.log(
  `contactkit-mocks benchmarks: medians of ${rounds} alternating rounds (${seconds} s per throughput run, 10 connections), after a warm-up; ratio = subject / baseline (per round for throughput); CPU = the server's user + system time, subject vs baseline (per-round ratio); ${fixed((performance.now() - started) / 1000)} s in all; load average ${load}`,
)
console.table(rows)
