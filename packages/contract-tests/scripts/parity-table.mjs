// The parity table: per vendor and spec operation, whether the simulator serves it, which contract
// suites cover it, how many recordings compare it (and the newest one's date), and the drift found.
// `pnpm parity` prints it (`--write` keeps docs/parity.md); test/parity.test.ts fails when that
// file no longer matches. Reads the built packages, the recordings and the suites' coverage files.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createSimulators, manualClock, vendors as registry } from '@contactkit/mocks'
import { compareHarFiles } from '@contactkit/mocks/node'
import { openApiDocument, vendors } from '@contactkit/specs'
import { openApiModel } from '@contactkit/specs/openapi-model'

const packageRoot = new URL('../', import.meta.url)

/** Every vendor's operations with their parity, in spec order. */
export async function parityRows() {
  const coverage = readCoverage()
  const compared = await compareEveryRecording()
  const simulators = createSimulators({ clock: manualClock() })
  const rows = []
  for (const vendor of vendors) {
    for (const operation of openApiModel(openApiDocument(vendor)).operations) {
      const id = operation.operationId
      const recorded = compared.get(`${vendor} ${id}`)
      rows.push({
        vendor,
        operationId: id,
        operation: `${operation.method} ${operation.pathTemplate}`,
        simulated: await isSimulated(simulators.get(vendor), operation.method, operation.pathTemplate),
        contractSuites: coverage.filter((suite) => suite.operations[vendor]?.includes(id)).map((suite) => suite.name),
        recordings: recorded?.recordings.size ?? 0,
        exchanges: recorded?.exchanges ?? 0,
        newest: recorded?.newest,
        drift: recorded?.drift ?? 0,
        accepted: recorded?.accepted ?? 0,
      })
    }
  }
  return rows
}

// An operation is simulated when a request for it reaches a route: anything but the simulator's
// own "There is no <method> <path>" answer. No credentials are sent; a 401 still proves the route.
async function isSimulated(simulator, method, template) {
  const path = template.replace(/\{format\}/g, 'json').replace(/\{[^}]+\}/g, 'parity')
  const response = await simulator.app.request(path, { method })
  const text = await response.text()
  return !(response.status === 404 && text.includes(`There is no ${method} `))
}

function readCoverage() {
  const directory = new URL('parity/', packageRoot)
  if (!existsSync(directory)) {
    return []
  }
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      name: name.replace(/\.json$/, '.test.ts'),
      operations: JSON.parse(readFileSync(new URL(name, directory), 'utf8')),
    }))
}

// The same flows the recordings test replays: <name>.har with its s3-<name>.har.
async function compareEveryRecording() {
  const root = new URL('recordings/', packageRoot)
  const byOperation = new Map()
  for (const entry of readdirSync(root, { withFileTypes: true }).filter((candidate) => candidate.isDirectory())) {
    const vendor = entry.name
    const directory = new URL(`${vendor}/`, root)
    const files = readdirSync(directory).filter((name) => name.endsWith('.har'))
    const accept = new URL(`${vendor}.accept.json`, root).pathname
    for (const name of files.filter((file) => !file.startsWith('s3-')).sort()) {
      const flow = [name, ...(files.includes(`s3-${name}`) ? [`s3-${name}`] : [])]
      const report = await compareHarFiles(
        vendor,
        flow.map((file) => new URL(file, directory).pathname),
        { accept: existsSync(accept) ? accept : undefined },
      )
      for (const summary of report.operations) {
        const key = `${summary.vendor} ${summary.operationId}`
        const known = byOperation.get(key) ?? {
          recordings: new Set(),
          exchanges: 0,
          newest: undefined,
          drift: 0,
          accepted: 0,
        }
        for (const recording of summary.recordings) {
          known.recordings.add(recording)
        }
        known.exchanges += summary.exchanges
        if (!known.newest || summary.newest > known.newest) {
          known.newest = summary.newest
        }
        known.drift += report.drift.filter((finding) => finding.operationId === summary.operationId).length
        known.accepted += report.accepted.filter((finding) => finding.operationId === summary.operationId).length
        byOperation.set(key, known)
      }
    }
  }
  return byOperation
}

// Each vendor's section is headed with its registry entry's title.
const titles = Object.fromEntries(registry.map((vendor) => [vendor.name, vendor.title]))
// Recordings from sources that give no date (the Java fixtures, the documentation) carry this one.
const undated = '2000-01-01'

/** The table as Markdown, one section per vendor. */
export function parityMarkdown(rows) {
  const lines = [
    '# Parity',
    '',
    'How close each simulator is to its vendor, per operation of the spec. Kept current by',
    '`pnpm parity --write`; `packages/contract-tests/test/parity.test.ts` fails when this file is stale.',
    '',
    '- **simulated**: the simulator has a route for it.',
    '- **contract suites**: the suites whose answers included it (their coverage files in',
    '  `packages/contract-tests/parity/`).',
    '- **recordings**: recordings in `packages/contract-tests/recordings/` that hold it, and their exchanges.',
    `- **newest**: the newest such exchange (${undated}: from a source without a date, the documentation or the Java fixtures).`,
    '- **drift**: differences found by `contactkit-mocks compare`, and those accepted with a reason in the',
    "  vendor's accept file.",
  ]
  for (const vendor of [...new Set(rows.map((row) => row.vendor))]) {
    lines.push('', `## ${titles[vendor] ?? vendor}`, '')
    const table = [['operation', 'method and path', 'simulated', 'contract suites', 'recordings', 'newest', 'drift']]
    for (const row of rows.filter((candidate) => candidate.vendor === vendor)) {
      const recordings = row.recordings === 0 ? 'none' : `${row.recordings} (${row.exchanges} exchanges)`
      const accepted = row.accepted ? `, ${row.accepted} accepted` : ''
      const drift = row.recordings === 0 ? '' : `${row.drift === 0 ? 'none' : row.drift}${accepted}`
      table.push([
        `\`${row.operationId}\``,
        `\`${row.operation}\``,
        row.simulated ? 'yes' : 'no',
        row.contractSuites.join(', ') || 'none',
        recordings,
        row.newest?.slice(0, 10) ?? '',
        drift,
      ])
    }
    lines.push(...alignedTable(table))
  }
  return `${lines.join('\n')}\n`
}

// Columns padded as Biome formats Markdown tables, so the file stays as this writes it.
function alignedTable(table) {
  const widths = table[0].map((_, column) => Math.max(3, ...table.map((row) => row[column].length)))
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`
  const [head, ...body] = table
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)]
}
