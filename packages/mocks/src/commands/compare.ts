import { writeFile } from 'node:fs/promises'
import { CompareInputError } from '../compare/errors.js'
import { compareHarFiles } from '../compare/har-files.js'
import { formatReport } from '../compare/report.js'
import { vendors } from '../vendors.js'
import { commandLine, fail } from './command-line.js'

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

/**
 * `contactkit-mocks compare <vendor> <file.har>...`: replays recordings against a fresh simulator
 * and reports drift; exits 0 clean, 1 with drift, 2 on bad input.
 *
 * @example
 * await run() // contactkit-mocks compare aurinko recordings/aurinko.har --json drift.json
 */
export async function run(): Promise<void> {
  const parsed = commandLine(
    {
      options: { json: { type: 'string' }, accept: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    },
    usage,
  )
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
