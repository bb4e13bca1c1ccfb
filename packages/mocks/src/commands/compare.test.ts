import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { cloudspongeFlow } from '../compare/testing/flows.js'

// The built CLI, as `contactkit-mocks` runs it; turbo builds the package before its tests.
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'contactkit-compare-'))
const file = (name: string, content: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'compare', ...args], { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

let clean: string
let drifted: string

beforeAll(async () => {
  clean = file('clean.har', await cloudspongeFlow())
  drifted = file(
    'drifted.har',
    await cloudspongeFlow(async (response, path) =>
      path.startsWith('/begin_import')
        ? new Response(
            (await response.text()).replace('"status":"success"', '"status":"success","region":"eu"'),
            response,
          )
        : response,
    ),
  )
})

describe('contactkit-mocks compare', () => {
  it('prints the table per operation and exits 0 without drift, writing the report with --json', () => {
    const report = join(dir, 'report.json')
    const result = run('cloudsponge', clean, '--json', report)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^GET \/events\/\{import_id\}\.\{format\}\s+3\s+3\s+0\s+0$/m)
    expect(result.stdout).toContain('no drift')
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ vendor: 'cloudsponge', exchanges: 6, drift: [] })
  })

  it('prints each finding on one line and exits 1 with drift', () => {
    const result = run('cloudsponge', drifted)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(
      'POST /begin_import/import.{format}: body.region: recorded string, simulator missing (key-missing, drifted.har#1)',
    )
  })

  it('moves accepted differences aside, and reports accepted ones that no longer occur', () => {
    const accept = file('accept.json', {
      accepted: [
        { path: 'body.region', operation: 'beginImportFormatted', reason: 'the EU region field is not simulated' },
        { path: 'body.contacts[*].dob', reason: 'birthdays are not generated' },
      ],
    })
    const result = run('cloudsponge', drifted, '--accept', accept)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(
      'body.region: recorded string, simulator missing (key-missing, drifted.har#1): the EU region field is not simulated',
    )
    expect(result.stdout).toMatch(
      /accepted differences that no longer occur \(1\):\nbody\.contacts\[\*\]\.dob: birthdays are not generated/,
    )
  })

  it.each([
    [
      'an unknown vendor',
      ['salesforce', 'x.har'],
      /^Unknown vendor "salesforce"; choose from cloudsponge, aurinko, omnigage, s3\.$/,
    ],
    [
      'a file that is not JSON',
      ['cloudsponge', file('text.har', 'hello')],
      /text\.har is not a HAR file: it is not JSON\.$/,
    ],
    [
      'JSON that is not HAR',
      ['cloudsponge', file('other.har', { entries: [] })],
      /other\.har is not a HAR file: it has no "log" object\.$/,
    ],
    ['a missing file', ['cloudsponge', join(dir, 'absent.har')], /^Cannot read the HAR file .*absent\.har: ENOENT\.$/],
    [
      'a request the spec does not know',
      ['aurinko', file('wrong-api.har', { log: { entries: [entry('GET', 'https://api.aurinko.io/v1/calendars')] } })],
      /^wrong-api\.har#1: GET \/v1\/calendars is not an operation of the aurinko spec; compare recordings of that API only\.$/,
    ],
    ['no file', ['cloudsponge'], /^Give a vendor and at least one HAR file\./],
    [
      'an accept file without reasons',
      ['cloudsponge', 'x.har', '--accept', file('bad-accept.json', { accepted: [{ path: 'body' }] })],
      /needs a "path" and a "reason"/,
    ],
  ])('exits 2 with a one-line reason for %s', (_, args, message) => {
    const result = run(...args)
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n')[0]).toMatch(message)
  })
})

function entry(method: string, url: string) {
  return {
    startedDateTime: '2026-03-02T10:00:00.000Z',
    request: { method, url, headers: [] },
    response: { status: 200, headers: [], content: { mimeType: 'application/json', text: '{}' } },
  }
}
