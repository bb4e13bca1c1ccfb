// Aurinko's sync benchmarks, as rows for `pnpm bench` (BENCH_ONLY=aurinko) or as a table on their
// own (`node benchmarks/aurinko.mjs`): a delta sync of 100 changes on a 100,000-contact book against
// the same on a 1,000-contact book (flat in book size is the aim), and against a full sync of the
// large book; in-process, beside the CPU time this process used for each. Its requests over HTTP
// (a contact, the CRUD cycle, a page) are rows of route-rows.mjs. BENCH_ROUNDS (default 7) tunes it.
import { fileURLToPath } from 'node:url'
import { contactGenerator, createAurinkoSimulator } from '../dist/aurinko/index.js'
import { manualClock } from '../dist/index.js'
import { fixed, median, range } from './stats.mjs'

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
  const full = await syncAll('updated', start.syncUpdatedToken)
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
  // A full sync from the start tokens: every contact the book holds now, and every deletion.
  const fullSync = async () => {
    const updated = await syncAll('updated', start.syncUpdatedToken)
    const removed = await syncAll('deleted', start.syncDeletedToken)
    return updated.records + removed.records
  }
  return { delta, fullSync }
}

/** Wall-clock and CPU time (this process, user + system) of one call, in ms. */
async function timed(work) {
  const cpuBefore = process.cpuUsage()
  const startedAt = performance.now()
  await work()
  const ms = performance.now() - startedAt
  const cpu = process.cpuUsage(cpuBefore)
  return { ms, cpu: (cpu.user + cpu.system) / 1000 }
}

async function deltaRows(rounds) {
  const small = await syncedBook(1_000)
  const large = await syncedBook(100_000)
  // The machine is shared: time the two books in pairs, one right after the other (in alternating
  // order), so a change in load hits both; each round gives the median of its pairs.
  const round = async (pairs) => {
    const times = { small: [], large: [], ratios: [], smallCpu: [], largeCpu: [] }
    for (let pair = 0; pair < pairs; pair++) {
      const first = pair % 2 ? 'large' : 'small'
      const one = await timed(first === 'small' ? small.delta : large.delta)
      const other = await timed(first === 'small' ? large.delta : small.delta)
      const [smallTime, largeTime] = first === 'small' ? [one, other] : [other, one]
      times.small.push(smallTime.ms)
      times.large.push(largeTime.ms)
      times.smallCpu.push(smallTime.cpu)
      times.largeCpu.push(largeTime.cpu)
      times.ratios.push(largeTime.ms / smallTime.ms)
    }
    return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]))
  }
  await round(200) // warm-up: JIT
  const results = []
  for (let index = 0; index < rounds; index++) {
    results.push(await round(200))
  }
  const of = (name) => median(results.map((result) => result[name]))
  const ratios = results.map((result) => result.ratios)
  const ratio = median(ratios)

  // A full sync of the large book against its delta, alternating; a full sync takes seconds, so fewer rounds.
  await large.fullSync() // warm-up
  const whole = { full: [], delta: [] }
  for (let index = 0; index < Math.max(3, Math.ceil(rounds / 2)); index++) {
    for (const name of index % 2 ? ['delta', 'full'] : ['full', 'delta']) {
      whole[name].push(await timed(name === 'full' ? large.fullSync : large.delta))
    }
  }
  const wholeOf = (name, field) => median(whole[name].map((result) => result[field]))
  return [
    {
      measure: 'Aurinko delta sync, 100 changes (ms)',
      baseline: `1,000 contacts ${fixed(of('small'), 2)}`,
      subject: `100,000 contacts ${fixed(of('large'), 2)}`,
      ratio: fixed(ratio, 2),
      spread: range(ratios),
      cpu: `${fixed(of('largeCpu'), 2)} ms vs ${fixed(of('smallCpu'), 2)} ms`,
      aim: '<= 1.05',
      met: ratio <= 1.05 ? 'yes' : 'NO',
    },
    {
      measure: 'Aurinko sync of 100,000 contacts (ms)',
      baseline: `full sync ${fixed(wholeOf('full', 'ms'))}`,
      subject: `delta of 100 ${fixed(wholeOf('delta', 'ms'), 2)}`,
      ratio: fixed(wholeOf('delta', 'ms') / wholeOf('full', 'ms'), 4),
      spread: range(
        whole.full.map((result) => result.ms),
        0,
      ),
      cpu: `${fixed(wholeOf('delta', 'cpu'), 2)} ms vs ${fixed(wholeOf('full', 'cpu'))} ms`,
      aim: '(reference)',
      met: '',
    },
  ]
}

/**
 * The Aurinko rows of the benchmark table.
 *
 * @example
 * rows.push(...(await aurinkoBenchmarks({ rounds: 7 })))
 */
export async function aurinkoBenchmarks({ rounds = 7 } = {}) {
  return deltaRows(rounds)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now()
  const rows = await aurinkoBenchmarks({ rounds: Number(process.env.BENCH_ROUNDS ?? 7) })
  console.log(
    `Aurinko benchmarks: medians of alternating rounds; ${fixed((performance.now() - started) / 1000)} s in all`,
  )
  console.table(rows)
}
