import { readdirSync, readFileSync } from 'node:fs'
import { compareHarFiles } from '@contactkit/mocks/node'
import { afterAll, describe, expect, it } from 'vitest'

// Every recording in recordings/<vendor>/ replayed against a fresh simulator of its vendor. A
// recording named s3-<name>.har holds the S3 form posts of <name>.har and replays with it.
const root = new URL('../recordings/', import.meta.url)
const vendorDirs = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())

describe.each(vendorDirs.map((dir) => dir.name))('recordings of %s', (vendor) => {
  const dir = new URL(`${vendor}/`, root)
  const files = readdirSync(dir).filter((name) => name.endsWith('.har'))
  const flows = files
    .filter((name) => !name.startsWith('s3-'))
    .map((name) => [name, ...(files.includes(`s3-${name}`) ? [`s3-${name}`] : [])])
  const accept = new URL(`${vendor}.accept.json`, root).pathname
  // An accept entry is stale when no recording of the vendor shows its difference any more.
  const unusedInEvery: string[][] = []
  afterAll(() => {
    const [first = [], ...rest] = unusedInEvery
    const stale = rest.reduce((kept, unused) => kept.filter((entry) => unused.includes(entry)), first)
    expect(stale, `accepted differences that no longer occur in any ${vendor} recording`).toEqual([])
  })

  it.each(flows)('%s compares with the simulator without drift', async (...names) => {
    const report = await compareHarFiles(
      vendor,
      names.map((name) => new URL(name, dir).pathname),
      { accept },
    )
    expect(report.exchanges).toBeGreaterThan(0)
    expect(
      report.drift.map(
        (finding) =>
          `${finding.operation}: ${finding.path}: recorded ${finding.recorded}, simulator ${finding.simulated} (${finding.kind}, ${finding.source})`,
      ),
    ).toEqual([])
    unusedInEvery.push(report.unusedAccepts.map((entry) => JSON.stringify(entry)))
  })

  it.each(files)('%s carries no credential in the clear', (name) => {
    const har = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as {
      log: {
        entries: { request: { headers: { name: string; value: string }[]; url: string; postData?: { text: string } } }[]
      }
    }
    for (const { request } of har.log.entries) {
      for (const header of request.headers.filter((candidate) => /authorization/i.test(candidate.name))) {
        expect(header.value).toMatch(/^(Basic|Bearer) <secret:\d+>$/)
      }
      const sent = `${request.url}&${request.postData?.text ?? ''}`
      for (const [, value] of sent.matchAll(/(?:password|domain_password|token_secret)=([^&]*)/g)) {
        expect(value).toMatch(/^<secret:\d+>$/)
      }
    }
  })
})
