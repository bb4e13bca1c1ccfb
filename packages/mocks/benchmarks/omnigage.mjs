// Omnigage benchmarks, as rows for `pnpm bench` or as a table on their own (`node benchmarks/omnigage.mjs`):
// a CSV of BENCH_ROWS rows (default 1,000,000, about 100 MB) is
// - uploaded to the S3 simulator with the form Omnigage hands out, against writing the same bytes
//   to a file (the disk as the floor of any upload);
// - imported (create, clock past processing, the first GET, which reads and applies every row),
//   against csv-parse alone reading the same bytes (the parser as the floor of any import);
// and the server process's peak RSS growth over the whole run is reported against the file's size.
// Each round starts a fresh server process. BENCH_IMPORT_ROUNDS (default 3) and BENCH_ROWS tune it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse'
import { fixed, median, range } from './stats.mjs'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const rowsInFile = Number(process.env.BENCH_ROWS ?? 1_000_000)
// Its own round count, not run.mjs's seven: each round uploads and imports the whole file.
const rounds = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3)
const auth = { Authorization: `Basic ${btoa('omnigage-sandbox-key:omnigage-sandbox-secret')}` }
const megabytes = (bytes) => bytes / (1024 * 1024)

/** A CSV of made-up people, about 100 bytes a row: name, company, title, a US phone (one row in 50 invalid), an email. */
function peopleCsv(rows) {
  const first = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ivy', 'Jo']
  const last = ['Lee', 'Ng', 'Ray', 'Diaz', 'Khan', 'Roe', 'Park', 'Moss']
  const lines = ['First Name,Last Name,Company,Title,Phone Number,Email Address']
  for (let index = 0; index < rows; index++) {
    const phone = index % 50 === 49 ? '555-01' : `+1415${String(2000000 + (index % 8000000)).padStart(7, '0')}`
    lines.push(
      `${first[index % 10]},${last[index % 8]},Northwind Traders ${index % 997},Senior Account Manager,${phone},person${index}@mail.example.com`,
    )
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`)
}

function status(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) * 1024
  return { rss: field('VmRSS'), peak: field('VmHWM') }
}

async function call(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { ...auth, ...init.headers } })
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 300)}`)
  }
  return text ? JSON.parse(text) : undefined
}

/** One round in a fresh server: the upload's and the import's wall time, and the peak RSS growth. */
async function simulatorRound(bytes) {
  const child = spawn(process.execPath, [here('./omnigage-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const [line] = await once(child.stdout, 'data')
    const urls = JSON.parse(String(line))
    // Warm-up: a small import through every step, so the JIT and the lazy modules are loaded.
    await importFile(urls, new TextEncoder().encode('First Name,Phone Number\nAnn,+14155550100\n'))
    const before = status(child.pid).rss
    const timings = await importFile(urls, bytes)
    return { ...timings, growth: status(child.pid).peak - before }
  } finally {
    child.kill('SIGKILL')
    await once(child, 'exit')
  }
}

async function importFile(urls, bytes) {
  const upload = await call(`${urls.omnigage}/api/v1/uploads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'people.csv', type: 'text/csv', size: bytes.byteLength }),
  })
  const attributes = upload.data.attributes
  const form = new FormData()
  for (const entry of attributes['request-form-data']) {
    for (const [name, value] of Object.entries(entry)) {
      form.append(name, value)
    }
  }
  form.append('Content-Type', 'text/csv')
  form.append('file', new Blob([bytes], { type: 'text/csv' }), 'people.csv')
  let started = performance.now()
  const posted = await fetch(attributes['request-url'], { method: 'POST', body: form })
  const uploadMs = performance.now() - started
  if (posted.status !== 204) {
    throw new Error(`S3 answered ${posted.status}: ${await posted.text()}`)
  }
  started = performance.now()
  const created = await call(`${urls.omnigage}/api/v1/import-contacts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      data: {
        type: 'import-contacts',
        attributes: { 'unique-primary-phone': true },
        relationships: { upload: { data: { type: 'uploads', id: upload.data.id } } },
      },
    }),
  })
  await call(`${urls.omnigage}/__admin/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs: 24 * 60 * 60 * 1000 }),
  })
  const done = await call(`${urls.omnigage}/api/v1/import-contacts/${created.data.id}`)
  const importMs = performance.now() - started
  if (done.data.attributes.status !== 'completed') {
    throw new Error(`The import ended ${done.data.attributes.status}: ${done.data.attributes['failure-reason']}`)
  }
  return { uploadMs, importMs, rows: done.data.attributes['count-total'] }
}

async function diskWriteMs(bytes) {
  const path = join(tmpdir(), `contactkit-bench-${process.pid}.csv`)
  const started = performance.now()
  await writeFile(path, bytes)
  const ms = performance.now() - started
  await rm(path, { force: true })
  return ms
}

async function parseOnlyMs(bytes) {
  const started = performance.now()
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true })
  let rows = 0
  parser.on('data', () => rows++)
  const ended = once(parser, 'end')
  for (let offset = 0; offset < bytes.byteLength; offset += 64 * 1024) {
    if (!parser.write(bytes.subarray(offset, offset + 64 * 1024))) {
      await once(parser, 'drain')
    }
  }
  parser.end()
  await ended
  return performance.now() - started
}

/**
 * The Omnigage rows: upload throughput against the disk, import rows per second against csv-parse,
 * and peak RSS growth against the file's size.
 */
export async function omnigageRows() {
  const bytes = peopleCsv(rowsInFile)
  const mb = megabytes(bytes.byteLength)
  const results = { disk: [], upload: [], parse: [], import: [], growth: [], rows: 0 }
  await diskWriteMs(bytes)
  await parseOnlyMs(bytes)
  for (let round = 0; round < rounds; round++) {
    results.disk.push(await diskWriteMs(bytes))
    results.parse.push(await parseOnlyMs(bytes))
    const subject = await simulatorRound(bytes)
    results.upload.push(subject.uploadMs)
    results.import.push(subject.importMs)
    results.growth.push(megabytes(subject.growth))
    results.rows = subject.rows
  }
  const uploadRatios = results.upload.map((ms, index) => results.disk[index] / ms)
  const importRatios = results.import.map((ms, index) => results.parse[index] / ms)
  const rowsPerSecond = (rowsInFile * 1000) / median(results.import)
  const growth = median(results.growth)
  return [
    {
      measure: `upload ${fixed(mb)} MB to S3 (MB/s)`,
      baseline: `write to disk ${fixed(mb / (median(results.disk) / 1000))}`,
      subject: `S3 simulator ${fixed(mb / (median(results.upload) / 1000))}`,
      ratio: fixed(median(uploadRatios), 2),
      spread: range(uploadRatios),
      cpu: '',
      aim: 'reference',
      met: '',
    },
    {
      measure: `import ${rowsInFile.toLocaleString('en')} rows (rows/s)`,
      baseline: `csv-parse alone ${fixed((rowsInFile * 1000) / median(results.parse))}`,
      subject: `simulator ${fixed(rowsPerSecond)}`,
      ratio: fixed(median(importRatios), 2),
      spread: range(importRatios),
      cpu: '',
      aim: '>= 100,000 rows/s',
      met: rowsPerSecond >= 100_000 && results.rows === rowsInFile ? 'yes' : 'NO',
    },
    {
      measure: 'peak RSS growth, upload and import (MB)',
      baseline: `the file ${fixed(mb)}`,
      subject: `simulator ${fixed(growth)}`,
      ratio: fixed(growth / mb, 2),
      spread: range(results.growth, 0),
      cpu: '',
      aim: '< 200 MB',
      met: growth < 200 ? 'yes' : 'NO',
    },
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await omnigageRows())
}
