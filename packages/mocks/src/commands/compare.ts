import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { CompareInputError } from '../compare/errors.js'
import { compareHarFiles } from '../compare/har-files.js'
import { formatReport } from '../compare/report.js'
import { vendors } from '../vendors.js'

const usage = `Usage: contactkit-mocks compare <vendor> <file.har>... [--json <report>] [--accept <file>]

Replays the recorded requests against a fresh in-process simulator of the vendor and reports
every difference between its answers and the recorded ones.

Options:
  --json <file>     Also write the report as JSON
  --accept <file>   Known, deliberate differences: { "accepted": [{ "path", "reason" }] }
  -h, --help        Show this help

Exit status: 0 without drift, 1 with drift, 2 on bad input.
Vendors: ${vendors.map((vendor) => vendor.name).join(', ')}
`

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

/**
 * `contactkit-mocks compare <vendor> <file.har>...`: replays recordings against a fresh simulator
 * and reports drift; exits 0 clean, 1 with drift, 2 on bad input.
 *
 * @example
 * await run() // contactkit-mocks compare aurinko recordings/aurinko.har --json drift.json
 */
export async function run(): Promise<void> {
  let parsed: { values: { json?: string; accept?: string; help?: boolean }; positionals: string[] }
  try {
    parsed = parseArgs({
      options: { json: { type: 'string' }, accept: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    })
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`)
  }
  if (parsed.values.help) {
    console.log(usage)
    process.exit(0)
  }
  const [vendor, ...files] = parsed.positionals
  if (vendor === undefined || files.length === 0) {
    fail(`Give a vendor and at least one HAR file.\n\n${usage}`)
  }

  try {
    const report = await compareHarFiles(vendor, files, { accept: parsed.values.accept })
    console.log(formatReport(report))
    if (parsed.values.json !== undefined) {
      await writeFile(parsed.values.json, `${JSON.stringify(report, null, 2)}\n`)
    }
    process.exitCode = report.drift.length > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof CompareInputError) {
      fail(error.message)
    }
    fail(`compare failed: ${(error as Error).message}`)
  }
}
