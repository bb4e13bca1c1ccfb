// Aurinko benchmarks, as rows for `pnpm bench` or as a table on their own (`node benchmarks/aurinko.mjs`):
// - a delta sync of 100 changes on a 100,000-contact book against the same on a 1,000-contact book
//   (flat in book size is the aim), and against a full sync of the large book;
// - CRUD requests per second over HTTP against raw node:http answering with a contact's bytes.
// BENCH_SECONDS (per throughput run, default 3) and BENCH_ROUNDS (default 5) tune it, as for run.mjs;
// BENCH_ONLY=delta or crud runs one part.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { contactGenerator, createAurinkoSimulator } from '../dist/aurinko/index.js'
import { manualClock } from '../dist/index.js'
import { fixed, median, range } from './stats.mjs'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const auth = { Authorization: 'Bearer bench' }

/** A book of `size` contacts, every one created on the provider's side (so each is stored and logged), synced once. */
async function syncedBook(size) {
  const sim = createAurinkoSimulator({ clock: manualClock(), accounts: [] })
  sim.seed({ accounts: [{ accountId: 1, accessToken: 'bench', syncReady: true }] })
  const generate = contactGenerator(size)
  for (let from = 0; from < size; from += 10_000) {
    const create = Array.from({ length: Math.min(10_000, size - from) }, (_, index) => generate(from + index))
    sim.providerEdit({ accountId: 1, create })
  }
  const get = async (path) => (await sim.app.request(path, { headers: auth })).json()
  const syncAll = async (scope, deltaToken) => {
    let page = await get(`/v1/contacts/sync/${scope}?deltaToken=${deltaToken}`)
    let records = page.records.length
    while (page.nextPageToken) {
      page = await get(`/v1/contacts/sync/${scope}?pageToken=${page.nextPageToken}`)
      records += page.records.length
    }
    return { records, nextDeltaToken: page.nextDeltaToken }
  }
  const start = await (await sim.app.request('/v1/contacts/sync', { method: 'POST', headers: auth })).json()
  const startedAt = performance.now()
  const full = await syncAll('updated', start.syncUpdatedToken)
  const fullMs = performance.now() - startedAt
  const deleted = await syncAll('deleted', start.syncDeletedToken)
  // 100 changes through the API: 50 updates, 30 creates, 20 deletions.
  const ids = (await get('/v1/contacts?limit=70')).records.map((record) => record.id)
  const json = { ...auth, 'Content-Type': 'application/json' }
  for (const id of ids.slice(0, 50)) {
    await sim.app.request(`/v1/contacts/${id}`, { method: 'PATCH', headers: json, body: '{"notes":"changed"}' })
  }
  for (let index = 0; index < 30; index++) {
    await sim.app.request('/v1/contacts', { method: 'POST', headers: json, body: `{"nickName":"new ${index}"}` })
  }
  for (const id of ids.slice(50, 70)) {
    await sim.app.request(`/v1/contacts/${id}`, { method: 'DELETE', headers: auth })
  }
  // One delta: both scopes from the tokens of the full sync; the same work every time it is asked.
  const delta = async () => {
    const updated = await syncAll('updated', full.nextDeltaToken)
    const removed = await syncAll('deleted', deleted.nextDeltaToken)
    return updated.records + removed.records
  }
  if ((await delta()) !== 100 || full.records !== size) {
    throw new Error(`The ${size}-contact book synced ${full.records} contacts and a delta of ${await delta()} changes.`)
  }
  return { fullMs, delta }
}

async function deltaRows(rounds) {
  const small = await syncedBook(1_000)
  const large = await syncedBook(100_000)
  const timed = async (book) => {
    const startedAt = performance.now()
    await book.delta()
    return performance.now() - startedAt
  }
  // The machine is shared: time the two books in pairs, one right after the other (in alternating
  // order), so a change in load hits both; each round gives the median of its pairs.
  const round = async (pairs) => {
    const times = { small: [], large: [], ratios: [] }
    for (let pair = 0; pair < pairs; pair++) {
      const first = pair % 2 ? 'large' : 'small'
      const one = await timed(first === 'small' ? small : large)
      const other = await timed(first === 'small' ? large : small)
      const [smallMs, largeMs] = first === 'small' ? [one, other] : [other, one]
      times.small.push(smallMs)
      times.large.push(largeMs)
      times.ratios.push(largeMs / smallMs)
    }
    return { small: median(times.small), large: median(times.large), ratio: median(times.ratios) }
  }
  await round(200) // warm-up: JIT
  const results = []
  for (let index = 0; index < Math.max(rounds, 7); index++) {
    results.push(await round(200))
  }
  const ratios = results.map((result) => result.ratio)
  const ratio = median(ratios)
  const deltaMs = median(results.map((result) => result.large))
  return [
    {
      measure: 'Aurinko delta sync, 100 changes (ms)',
      baseline: `1,000 contacts ${fixed(median(results.map((result) => result.small)), 2)}`,
      subject: `100,000 contacts ${fixed(deltaMs, 2)}`,
      ratio: fixed(ratio, 2),
      spread: range(ratios),
      aim: '<= 1.05',
      met: ratio <= 1.05 ? 'yes' : 'NO',
    },
    {
      measure: 'Aurinko sync of 100,000 contacts (ms)',
      baseline: `full sync ${fixed(large.fullMs)}`,
      subject: `delta of 100 ${fixed(deltaMs, 2)}`,
      ratio: fixed(deltaMs / large.fullMs, 4),
      spread: '',
      aim: '(reference)',
      met: '',
    },
  ]
}

async function startServer(mode) {
  const child = spawn(process.execPath, [here('./aurinko-server.mjs'), mode], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = await once(child.stdout, 'data')
  return { child, ...JSON.parse(String(line)) }
}

/** Requests per second: one GET of a contact, or a cycle of create, read, update and delete per connection. */
async function throughput(server, kind, duration) {
  const headers = { Authorization: server.auth, 'Content-Type': 'application/json' }
  const requests =
    kind === 'read'
      ? [{ method: 'GET', path: server.contactPath }]
      : [
          {
            method: 'POST',
            path: '/v1/contacts',
            body: '{"name":{"givenName":"Bench","familyName":"Mark"}}',
            onResponse: (_status, body, context) => {
              context.id = JSON.parse(body).id
            },
          },
          { method: 'GET', setupRequest: (request, context) => ({ ...request, path: `/v1/contacts/${context.id}` }) },
          {
            method: 'PATCH',
            body: '{"notes":"updated"}',
            setupRequest: (request, context) => ({ ...request, path: `/v1/contacts/${context.id}` }),
          },
          {
            method: 'DELETE',
            setupRequest: (request, context) => ({ ...request, path: `/v1/contacts/${context.id}` }),
          },
        ]
  const result = await autocannon({ url: server.url, connections: 10, duration, headers, requests })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${server.url} (${kind}): ${result.non2xx} non-2xx answers and ${result.errors} errors`)
  }
  return result.requests.average
}

async function crudRows(seconds, rounds) {
  const servers = { raw: await startServer('raw'), simulator: await startServer('simulator') }
  try {
    const rows = []
    for (const kind of ['read', 'crud']) {
      for (const name of ['raw', 'simulator']) {
        await throughput(servers[name], kind, 2) // warm-up
      }
      const results = { raw: [], simulator: [] }
      for (let round = 0; round < rounds; round++) {
        for (const name of round % 2 ? ['simulator', 'raw'] : ['raw', 'simulator']) {
          results[name].push(await throughput(servers[name], kind, seconds))
        }
      }
      const ratios = results.simulator.map((value, round) => value / results.raw[round])
      rows.push({
        measure: kind === 'read' ? 'Aurinko GET a contact (req/s)' : 'Aurinko create, get, patch, delete (req/s)',
        baseline: `raw node:http ${fixed(median(results.raw))}`,
        subject: `simulator ${fixed(median(results.simulator))}`,
        ratio: fixed(median(ratios), 2),
        spread: range(ratios),
        // A contact is about 500 bytes: Hono, the core's bookkeeping and making a Response weigh far
        // more here than on CloudSponge's 100 KB pages, so these are references, not aims.
        aim: '(reference)',
        met: '',
      })
    }
    return rows
  } finally {
    for (const server of Object.values(servers)) {
      server.child.kill('SIGKILL')
      await once(server.child, 'exit')
    }
  }
}

/**
 * The Aurinko rows of the benchmark table.
 *
 * @example
 * rows.push(...(await aurinkoBenchmarks({ seconds: 3, rounds: 5 })))
 */
export async function aurinkoBenchmarks({ seconds = 3, rounds = 5, parts = ['delta', 'crud'] } = {}) {
  return [
    ...(parts.includes('delta') ? await deltaRows(rounds) : []),
    ...(parts.includes('crud') ? await crudRows(seconds, rounds) : []),
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now()
  const rows = await aurinkoBenchmarks({
    seconds: Number(process.env.BENCH_SECONDS ?? 3),
    rounds: Number(process.env.BENCH_ROUNDS ?? 5),
    parts: process.env.BENCH_ONLY?.split(','),
  })
  console.log(
    `Aurinko benchmarks: medians of alternating rounds; ${fixed((performance.now() - started) / 1000)} s in all`,
  )
  console.table(rows)
}
