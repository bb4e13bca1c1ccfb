import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { documentedTenant, firstImportId } from './cloudsponge/index.js'
import { compareHarFiles } from './compare/har-files.js'
import { manualClock } from './core/clock.js'
import { secretPlaceholders } from './core/redaction.js'
import { createSimulatorSet } from './core/simulator-set.js'
import type { RecordingProxy } from './recording/proxy.js'
import { advanceThrough, omnigageUpload } from './recording/testing/omnigage-upload.js'
import { Started } from './recording/testing/servers.js'
import { vendors } from './vendors.js'

// The whole loop, as a user runs it: simulators served on real ports as the upstream, each vendor's
// flow sent through `record` proxies over HTTP, the clock moved through the proxy's /__admin/clock,
// and the HAR files compared with fresh simulators.

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const started = new Started()
afterEach(() => started.closeAll())

const upstreamSet = (only: string[]) => started.simulatorSet(only)

/** An answer as an altering upstream sees it. */
interface Answer {
  status: number
  headers: Headers
  text: string
}

/**
 * An upstream in front of a served simulator that changes its answers (`alter`) before they reach
 * the proxy: drift injected on purpose, or other data in the same shapes.
 */
async function alteringUpstream(target: string, alter: (answer: Answer, method: string, path: string) => Answer) {
  return started.upstream(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) {
      chunks.push(chunk as Buffer)
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'accept-encoding', 'connection'].includes(name)) {
        headers.set(name, value)
      }
    }
    const body = Buffer.concat(chunks)
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers,
      ...(body.length > 0 ? { body } : {}),
    })
    const path = new URL(request.url ?? '/', target).pathname
    const changed = alter(
      { status: answer.status, headers: answer.headers, text: await answer.text() },
      request.method ?? 'GET',
      path,
    )
    const out = Object.fromEntries(changed.headers)
    delete out['content-length']
    delete out['content-encoding']
    response.writeHead(changed.status, out)
    response.end(changed.text)
  })
}

/** Moves the upstream's clock through the proxy, so the recording holds the move. */
const advance = (proxy: RecordingProxy, ms: number) => advanceThrough(proxy.url, ms)

const cloudspongeAuth = {
  authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`,
}

/** CloudSponge: begin an import, poll its events (moving the clock) until done, read contacts as JSON and XML. */
async function cloudspongeImport(proxy: RecordingProxy): Promise<void> {
  const begin = await fetch(`${proxy.url}/begin_import/import.json`, {
    method: 'POST',
    headers: { ...cloudspongeAuth, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'service=icloud&username=foo&password=bar&echo=loop&user_id=user-7',
  })
  expect(begin.status).toBe(200)
  const { import_id: importId } = (await begin.json()) as { import_id: number }
  let complete = false
  for (let poll = 0; poll < 30 && !complete; poll++) {
    await advance(proxy, 1_000)
    const events = (await (
      await fetch(`${proxy.url}/events/${importId}.json`, { headers: cloudspongeAuth })
    ).json()) as {
      events: { event_type: string; status: string }[]
    }
    complete = events.events.some((event) => event.event_type === 'COMPLETE' && event.status === 'COMPLETED')
  }
  expect(complete).toBe(true)
  for (const format of ['json', 'xml']) {
    const contacts = await fetch(`${proxy.url}/contacts/${importId}.${format}`, { headers: cloudspongeAuth })
    expect(contacts.status).toBe(200)
    await contacts.arrayBuffer()
  }
}

const aurinkoAuth = { authorization: 'Bearer aurinko-sandbox-token' }
const jsonType = { 'content-type': 'application/json' }

/** Aurinko: a page, a contact created, read, updated with its etag and the stale one, a sync and its delta, deleted. */
async function aurinkoSession(proxy: RecordingProxy, auth = aurinkoAuth): Promise<void> {
  const aurinkoAuth = auth
  const url = (path: string) => `${proxy.url}${path}`
  await (await fetch(url('/v1/contacts?limit=3'), { headers: aurinkoAuth })).arrayBuffer()
  const created = await fetch(url('/v1/contacts'), {
    method: 'POST',
    headers: { ...aurinkoAuth, ...jsonType },
    body: JSON.stringify({
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emailAddresses: [{ address: 'ada@example.com', type: 'work' }],
    }),
  })
  expect(created.status).toBe(201)
  const { id, etag } = (await created.json()) as { id: string; etag: string }
  await advance(proxy, 60_000)
  await (await fetch(url(`/v1/contacts/${id}`), { headers: aurinkoAuth })).arrayBuffer()
  const patch = async (ifMatch: string) =>
    (
      await fetch(url(`/v1/contacts/${id}`), {
        method: 'PATCH',
        headers: { ...aurinkoAuth, ...jsonType, 'if-match': ifMatch },
        body: JSON.stringify({ company: { name: 'Analytical Engines', jobTitle: 'Programmer' } }),
      })
    ).status
  expect([await patch(etag), await patch(etag)]).toEqual([200, 412])
  const sync = await fetch(url('/v1/contacts/sync?awaitReady=true'), { method: 'POST', headers: aurinkoAuth })
  const { syncUpdatedToken } = (await sync.json()) as { syncUpdatedToken: string }
  await advance(proxy, 5_000)
  const delta = await fetch(url(`/v1/contacts/sync/updated?deltaToken=${encodeURIComponent(syncUpdatedToken)}`), {
    headers: aurinkoAuth,
  })
  expect(delta.status).toBe(200)
  await delta.arrayBuffer()
  expect((await fetch(url(`/v1/contacts/${id}`), { method: 'DELETE', headers: aurinkoAuth })).status).toBeLessThan(300)
  expect((await fetch(url(`/v1/contacts/${id}`), { headers: aurinkoAuth })).status).toBe(404)
}

describe('record, then compare: the simulator as the upstream', () => {
  it('a CloudSponge import recorded through the proxy compares with zero drift, through the built CLI too', async () => {
    const { urls } = await upstreamSet(['cloudsponge'])
    const proxy = await started.proxy('cloudsponge', urls.cloudsponge as string)
    await cloudspongeImport(proxy)
    await proxy.close()
    const har = readFileSync(proxy.harPath, 'utf8')
    expect(har).toContain('/__admin/clock')
    expect(har).not.toContain(documentedTenant.domainPassword)

    const report = await compareHarFiles('cloudsponge', [proxy.harPath])
    expect(report.drift).toEqual([])
    expect(report.operations.map((row) => row.operationId)).toEqual([
      'beginImportFormatted',
      'getEventsFormatted',
      'getContactsFormatted',
    ])
    expect(report.operations.every((row) => row.identical === row.exchanges)).toBe(true)

    const result = spawnSync(process.execPath, [cli, 'compare', 'cloudsponge', proxy.harPath], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('no drift')
    expect(result.status).toBe(0)
  })

  it('an Aurinko session with etags and a sync delta compares with zero drift', async () => {
    const { urls } = await upstreamSet(['aurinko'])
    const proxy = await started.proxy('aurinko', urls.aurinko as string)
    await aurinkoSession(proxy)
    await proxy.close()
    const report = await compareHarFiles('aurinko', [proxy.harPath])
    expect(report.drift).toEqual([])
    expect(report.exchanges).toBe(9)
  })

  it('an Omnigage import, its file posted through a second record s3 proxy, compares with zero drift', async () => {
    const { set, urls } = await upstreamSet(['omnigage', 's3'])
    // One numbering of secrets for both files: the S3 post sends the signature the upload handed out.
    const secrets = secretPlaceholders()
    const proxy = await started.proxy('omnigage', urls.omnigage as string, { secrets })
    const s3Proxy = await started.proxy('s3', urls.s3 as string, { secrets })
    // The upload form points at S3's public URL: the s3 proxy, as a user would set it.
    set.setUrl('s3', s3Proxy.url)
    const { requestUrl } = await omnigageUpload(proxy.url)
    expect(requestUrl.startsWith(s3Proxy.url)).toBe(true)
    await proxy.close()
    await s3Proxy.close()

    const report = await compareHarFiles('omnigage', [proxy.harPath, s3Proxy.harPath])
    expect(report.drift).toEqual([])
    expect(report.operations.map((row) => row.operationId)).toEqual([
      'createUpload',
      'postObject',
      'createImportContact',
      'getImportContact',
      'listImportContactResults',
    ])
  })

  it('answers that differ only in ids, tokens, etags, timestamps and data compare clean', async () => {
    // Another seed and another start: other times and request ids.
    const set = createSimulatorSet(vendors, {
      clock: manualClock('2025-07-19T08:30:00Z'),
      only: ['cloudsponge'],
      shared: { randomSeed: 4242 },
    })
    // An import before the recording: the recorded one has another id than the fresh simulator's first.
    await set.get('cloudsponge').app.request('/begin_import/import.json', {
      method: 'POST',
      headers: { ...cloudspongeAuth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'service=icloud&username=foo&password=bar',
    })
    const server = await started.serve(set.get('cloudsponge'))
    // Other people in the address book: the same shapes, other names and addresses.
    const upstream = await alteringUpstream(server.url, (answer) => ({
      ...answer,
      text: answer.text
        .replaceAll('John', 'Grace')
        .replaceAll('Doe', 'Hopper')
        .replaceAll('nowhere.com', 'example.net'),
    }))
    const proxy = await started.proxy('cloudsponge', upstream.url)
    await cloudspongeImport(proxy)
    await proxy.close()
    const recorded = readFileSync(proxy.harPath, 'utf8')
    expect(recorded).toContain('Grace')
    expect(recorded).not.toContain('John')
    expect(recorded).not.toContain(`/events/${firstImportId}.json`)

    const report = await compareHarFiles('cloudsponge', [proxy.harPath])
    expect(report.drift).toEqual([])
    expect(report.exchanges).toBeGreaterThan(4)
  })
})

/** A contact read (not a list, not an update): where most cases inject their drift. */
const contactRead = (method: string, path: string) => method === 'GET' && /^\/v1\/contacts\/c[^/]+$/.test(path)

const driftCases: [string, (answer: Answer, method: string, path: string) => Answer, string[]][] = [
  [
    'a renamed key',
    (answer, method, path) =>
      contactRead(method, path) && answer.status === 200
        ? { ...answer, text: answer.text.replace('"hasPhoto"', '"has_photo"') }
        : answer,
    ['contact key-missing body.has_photo: boolean / missing', 'contact key-added body.hasPhoto: missing / boolean'],
  ],
  [
    'a changed type',
    (answer, method, path) =>
      contactRead(method, path) && answer.status === 200
        ? { ...answer, text: answer.text.replace('"hasPhoto":false', '"hasPhoto":"false"') }
        : answer,
    ['contact type body.hasPhoto: string / boolean'],
  ],
  [
    'a changed status',
    (answer, method) => (method === 'DELETE' ? { ...answer, status: 204 } : answer),
    ['deleteContact status status: 204 / 200'],
  ],
  [
    'a changed content type',
    (answer, _method, path) => {
      if (path !== '/v1/contacts/sync') {
        return answer
      }
      const headers = new Headers(answer.headers)
      headers.set('content-type', 'application/vnd.aurinko+json')
      return { ...answer, headers }
    },
    ['contSyncStart header header.content-type: application/vnd.aurinko+json / application/json'],
  ],
  [
    'a new field',
    (answer, method, path) =>
      contactRead(method, path) && answer.status === 200
        ? { ...answer, text: answer.text.replace(/^\{/, '{"region":"eu",') }
        : answer,
    ['contact key-missing body.region: string / missing'],
  ],
  [
    'an error code',
    (answer) =>
      answer.status === 404 ? { ...answer, text: answer.text.replace('"not_found"', '"contact.notFound"') } : answer,
    ['contact error body.code: "contact.notFound" / "not_found"'],
  ],
]

describe('record, then compare: an upstream with injected drift', () => {
  it.each(driftCases)('reports %s as its own finding', async (_name, alter, expected) => {
    const { urls } = await upstreamSet(['aurinko'])
    const upstream = await alteringUpstream(urls.aurinko as string, alter)
    const proxy = await started.proxy('aurinko', upstream.url)
    await aurinkoSession(proxy)
    await proxy.close()
    const report = await compareHarFiles('aurinko', [proxy.harPath])
    const lines = report.drift.map(
      (finding) => `${finding.operationId} ${finding.kind} ${finding.path}: ${finding.recorded} / ${finding.simulated}`,
    )
    // Every read of the contact carries the change: one finding per place, nothing else.
    expect([...new Set(lines)]).toEqual(expected)
  })

  it('exits 1 through the built CLI, each finding on its own line', async () => {
    const [, alter] = driftCases[4] as (typeof driftCases)[number]
    const { urls } = await upstreamSet(['aurinko'])
    const upstream = await alteringUpstream(urls.aurinko as string, alter)
    const proxy = await started.proxy('aurinko', upstream.url)
    await aurinkoSession(proxy)
    await proxy.close()
    const result = spawnSync(process.execPath, [cli, 'compare', 'aurinko', proxy.harPath], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^GET \/v1\/contacts\/\{contId\}: body\.region: recorded string, simulator missing/m)
  })
})
