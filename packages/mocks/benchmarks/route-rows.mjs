// Small answers and writes, as rows for `pnpm bench` (BENCH_ONLY=routes,sustained) or as a table on
// their own (`node benchmarks/route-rows.mjs [route…]`):
// - each route of routes.mjs: requests per second against raw node:http serving the same bytes
//   (the aim), and the server's CPU time per request against bare Hono serving the same answer
//   (at most 3x); 10 connections, warmed up, alternating rounds, medians;
// - per vendor, sustained load (200 connections, BENCH_SUSTAINED_SECONDS, default 20): p99 latency
//   and errors against raw node:http, and the simulator's peak RSS growth over the run (< 100 MB,
//   no request failing: journal and state stay bounded).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { cpuMs } from './process-usage.mjs'
import { routes, sustainedRoutes } from './routes.mjs'
import { fixed, median, range } from './stats.mjs'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const cpuAim = 3

/**
 * A route server in its own process: `{ child, url, requests }`.
 *
 * @example
 * const server = await startRouteServer('aurinko-get', 'raw')
 */
export async function startRouteServer(name, mode, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, here('./route-server.mjs'), name, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [line] = await once(child.stdout, 'data')
  return { child, ...JSON.parse(String(line)) }
}

async function stop(child) {
  if (child.exitCode === null) {
    child.kill('SIGKILL')
    await once(child, 'exit')
  }
}

/**
 * Autocannon's request list for a route: a path with `{id}` takes the id of the first answer.
 *
 * @example
 * await autocannon({ url, requests: autocannonRequests(server.requests) })
 */
export function autocannonRequests(requests) {
  return requests.map((request, index) => ({
    method: request.method,
    path: request.path,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(index === 0 && requests.some((other) => other.path.includes('{id}'))
      ? {
          onResponse: (_status, body, context) => {
            context.id = JSON.parse(body).id
          },
        }
      : {}),
    ...(request.path.includes('{id}')
      ? { setupRequest: (sent, context) => ({ ...sent, path: request.path.replace('{id}', context.id) }) }
      : {}),
  }))
}

async function load(server, { duration, connections }) {
  const cpuBefore = cpuMs(server.child.pid)
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    requests: autocannonRequests(server.requests),
  })
  return {
    perSecond: result.requests.average,
    total: result.requests.total,
    cpuUs: ((cpuMs(server.child.pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total),
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  }
}

async function loaded(server, options) {
  const result = await load(server, options)
  if (result.failed > 0) {
    throw new Error(`${server.url}: ${result.failed} requests failed (non-2xx, errors or timeouts)`)
  }
  return result
}

/** One route's row: the simulator's req/s against raw node:http, its CPU per request against bare Hono. */
async function routeRow(name, seconds, rounds) {
  const route = routes[name]
  const names = ['raw', 'hono', 'simulator']
  const servers = Object.fromEntries(
    await Promise.all(names.map(async (mode) => [mode, await startRouteServer(name, mode)])),
  )
  try {
    for (const mode of names) {
      await loaded(servers[mode], { duration: 2, connections: 10 }) // warm-up: JIT, caches, connections
    }
    const results = Object.fromEntries(names.map((mode) => [mode, []]))
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 ? [...names].reverse() : names) {
        results[mode].push(await loaded(servers[mode], { duration: seconds, connections: 10 }))
      }
    }
    const of = (mode, field) => median(results[mode].map((result) => result[field]))
    const ratios = results.simulator.map((result, round) => result.perSecond / results.raw[round].perSecond)
    const cpuRatios = results.simulator.map((result, round) => result.cpuUs / results.hono[round].cpuUs)
    const ratio = median(ratios)
    const cpuRatio = median(cpuRatios)
    return {
      measure: `${route.title} (req/s)`,
      baseline: `raw node:http ${fixed(of('raw', 'perSecond'))} (Hono ${fixed(of('hono', 'perSecond'))})`,
      subject: `simulator ${fixed(of('simulator', 'perSecond'))}`,
      ratio: fixed(ratio, 2),
      spread: range(ratios),
      cpu: `${fixed(of('simulator', 'cpuUs'))} µs vs Hono ${fixed(of('hono', 'cpuUs'))}, raw ${fixed(of('raw', 'cpuUs'))} (${fixed(cpuRatio, 2)}x)`,
      aim: `>= ${fixed(route.aim, 2)}; CPU <= ${cpuAim}x`,
      met: `${ratio >= route.aim ? 'yes' : 'NO'}; ${cpuRatio <= cpuAim ? 'yes' : 'NO'}`,
    }
  } finally {
    await Promise.all(names.map((mode) => stop(servers[mode].child)))
  }
}

function memory(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024
  return { rss: field('VmRSS'), peak: field('VmHWM') }
}

/** Sustained load on one route: p99 and failures against raw node:http, and peak RSS growth over the run. */
async function sustainedRow(name, seconds) {
  const route = routes[name]
  const servers = { raw: await startRouteServer(name, 'raw'), simulator: await startRouteServer(name, 'simulator') }
  try {
    const results = {}
    for (const mode of ['raw', 'simulator']) {
      await loaded(servers[mode], { duration: 2, connections: 10 }) // warm-up
      const pid = servers[mode].child.pid
      writeFileSync(`/proc/${pid}/clear_refs`, '5') // resets the peak (VmHWM) to the current RSS
      const before = memory(pid).rss
      const result = await load(servers[mode], { duration: seconds, connections: 200 })
      results[mode] = { ...result, growth: memory(pid).peak - before }
    }
    const { raw, simulator } = results
    return {
      measure: `sustained: ${route.title}, 200 connections, ${seconds} s (p99 ms)`,
      baseline: `raw node:http p99 ${raw.p99}, ${raw.failed} failed, +${fixed(raw.growth)} MB`,
      subject: `simulator p99 ${simulator.p99}, ${simulator.failed} failed of ${simulator.total}, +${fixed(simulator.growth)} MB`,
      ratio: fixed(simulator.p99 / Math.max(1, raw.p99), 2),
      spread: '',
      cpu: `${fixed(simulator.cpuUs)} µs vs ${fixed(raw.cpuUs)} µs`,
      aim: '0 failed; peak RSS +< 100 MB',
      met: simulator.failed === 0 && simulator.growth < 100 ? 'yes' : 'NO',
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => stop(server.child)))
  }
}

/**
 * The route rows and the sustained-load rows of the benchmark table.
 *
 * @example
 * rows.push(...(await routeBenchmarks({ seconds: 2, rounds: 7 })))
 */
export async function routeBenchmarks({
  seconds = 2,
  rounds = 7,
  sustainedSeconds = 20,
  names = Object.keys(routes),
  sustained = sustainedRoutes,
} = {}) {
  const rows = []
  for (const name of names) {
    rows.push(await routeRow(name, seconds, rounds))
  }
  for (const name of sustained) {
    rows.push(await sustainedRow(name, sustainedSeconds))
  }
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now()
  const chosen = process.argv.slice(2)
  const rows = await routeBenchmarks({
    seconds: Number(process.env.BENCH_SECONDS ?? 2),
    rounds: Number(process.env.BENCH_ROUNDS ?? 7),
    sustainedSeconds: Number(process.env.BENCH_SUSTAINED_SECONDS ?? 20),
    ...(chosen.length > 0
      ? {
          names: chosen.filter((name) => routes[name]),
          sustained: chosen.filter((name) => name.startsWith('sustained:')).map((name) => name.slice(10)),
        }
      : {}),
  })
  console.log(
    `Route benchmarks: medians of alternating rounds; ${fixed((performance.now() - started) / 1000)} s in all`,
  )
  console.table(rows)
}
