import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createOmnigageClient } from '@contactkit/clients/omnigage'
import { sandboxTenant } from '@contactkit/mocks/omnigage'
import { afterEach, describe, expect, it } from 'vitest'
import { csvFile, peopleOfRun, personHeader, personRows } from '../src/omnigage/files.js'
import { serveOmnigageSet } from '../src/omnigage/targets.js'

// The recording loop as a user runs it with the client: `contactkit-mocks record omnigage` and
// `contactkit-mocks record s3` as two processes sharing `--secrets`, the upload form pointing at
// the S3 proxy, the client's `importFile` through them, then `contactkit-mocks compare` of both.

const cli = join(dirname(createRequire(import.meta.url).resolve('@contactkit/mocks/package.json')), 'dist', 'cli.js')
const children: ChildProcess[] = []
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL')
  }
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** A `contactkit-mocks` process: what it printed, a wait for a line, and its exit code. */
function run(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args])
  children.push(child)
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const exited = once(child, 'close').then(([code]) => code as number | null)
  const line = async (pattern: RegExp) => {
    for (let tries = 0; !pattern.test(output); tries++) {
      if (child.exitCode !== null || tries > 400) {
        throw new Error(`contactkit-mocks ${args.join(' ')} did not print ${pattern}: ${output}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    return pattern.exec(output) as RegExpExecArray
  }
  return { child, line, exited, output: () => output }
}

describe('contactkit-mocks record and compare, with the Omnigage client', () => {
  it("records the client's file import through an omnigage and an s3 proxy sharing --secrets, and it compares clean", async () => {
    const served = await serveOmnigageSet()
    closers.push(served.close)
    const directory = mkdtempSync(join(tmpdir(), 'contactkit-record-client-'))
    const hars = [join(directory, 'import.har'), join(directory, 's3-import.har')]
    const secrets = join(directory, '.secret-numbers')
    const record = (vendor: string, upstream: string, har: string) =>
      run(['record', vendor, '--upstream', upstream, '--port', '0', '--har', har, '--secrets', secrets])
    const proxies = [record('omnigage', served.omnigageUrl, hars[0] ?? ''), record('s3', served.s3Url, hars[1] ?? '')]
    const [omnigageUrl, s3Url] = await Promise.all(
      proxies.map(async (proxy) => (await proxy.line(/^recording\s+(http:\/\/\S+)/m))[1] ?? ''),
    )
    served.set.setUrl('s3', s3Url ?? '')

    const client = createOmnigageClient({
      tokenKey: sandboxTenant.tokenKey,
      tokenSecret: sandboxTenant.tokenSecret,
      accountKey: sandboxTenant.accountKey,
      baseUrl: omnigageUrl ?? '',
    })
    // The client waits by moving the upstream's clock through the proxy: the recording holds each move.
    const sleep = async (ms: number) => {
      const moved = await fetch(`${omnigageUrl}/__admin/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      })
      expect(moved.status).toBe(200)
    }
    const people = peopleOfRun().next(2)
    const imported = await client.importFile(csvFile('people.csv', personHeader, personRows(people)), {
      pollIntervalMs: 1000,
      sleep,
    })
    expect(imported.counts).toMatchObject({ created: 2, erred: 0, total: 2 })
    const rows: string[] = []
    for await (const contact of imported.contacts) {
      rows.push(contact.status)
    }
    expect(rows).toEqual(['created', 'created'])
    for (const proxy of proxies) {
      proxy.child.kill('SIGTERM')
      expect(await proxy.exited, proxy.output()).toBe(0)
    }
    const recorded = hars.map((path) => readFileSync(path, 'utf8'))
    for (const text of [...recorded, readFileSync(secrets, 'utf8')]) {
      expect(text).not.toContain(sandboxTenant.tokenSecret)
    }

    const compare = run(['compare', 'omnigage', ...hars])
    expect(await compare.exited, compare.output()).toBe(0)
    // Every exchange of the flow identical: the upload, its S3 post, the import and its reads.
    const table = compare.output().match(/^(POST|GET) \S+\s+\d+\s+\d+\s+\d+\s+\d+$/gm) ?? []
    expect(table.map((row) => row.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'POST /api/v1/uploads',
      'POST /{bucket}',
      'POST /api/v1/import-contacts',
      'GET /api/v1/import-contacts/{id}',
      'GET /api/v1/import-contacts/{id}/results',
    ])
    expect(table.every((row) => / 0$/.test(row))).toBe(true)
    expect(compare.output()).toContain('no drift')
  })
})
