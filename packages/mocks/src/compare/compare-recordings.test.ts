import { describe, expect, it } from 'vitest'
import { documentedTenant } from '../cloudsponge/index.js'
import { manualClock } from '../core/clock.js'
import { createSimulatorSet } from '../core/simulator-set.js'
import { vendors } from '../vendors.js'
import { compareRecordings } from './compare-recordings.js'
import { CompareInputError } from './errors.js'
import { inProcessRecorder, type Upstream } from './testing/in-process-recorder.js'

const start = '2026-03-02T10:00:00Z'
const csAuth = `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`
const form = { 'content-type': 'application/x-www-form-urlencoded' }

/** A CloudSponge import recorded against an upstream: begin, events while it runs and done, contacts in JSON and XML, a refused password. */
async function cloudspongeFlow(alter: (response: Response, path: string) => Response | Promise<Response> = (r) => r) {
  const set = createSimulatorSet(vendors, { clock: manualClock(start), only: ['cloudsponge'] })
  const upstream: Upstream = async (request) =>
    alter(await set.get('cloudsponge').app.fetch(request), new URL(request.url).pathname)
  const recorder = inProcessRecorder(set.clock, [csAuth.slice(6), 'bar', 'wrong-secret'])
  const base = 'https://api.cloudsponge.com'
  const begin = await recorder.send(upstream, `${base}/begin_import/import.json`, {
    method: 'POST',
    headers: { authorization: csAuth, ...form },
    body: 'service=icloud&username=foo&password=bar&echo=from-the-test&user_id=user-7',
  })
  const { import_id: importId } = (await begin.json()) as { import_id: number }
  set.clock.advance(1_500)
  await recorder.send(upstream, `${base}/events/${importId}.json`, { headers: { authorization: csAuth } })
  set.clock.advance(5_000)
  await recorder.send(upstream, `${base}/events/${importId}.json`, { headers: { authorization: csAuth } })
  await recorder.send(upstream, `${base}/contacts/${importId}.json?echo=again`, { headers: { authorization: csAuth } })
  await recorder.send(upstream, `${base}/contacts/${importId}.xml`, { headers: { authorization: csAuth } })
  await recorder.send(upstream, `${base}/events/${importId}.json`, {
    headers: { authorization: `Basic ${btoa(`${documentedTenant.domainKey}:wrong-secret`)}` },
  })
  return recorder.har()
}

describe('compareRecordings', () => {
  it('finds no drift in a CloudSponge flow recorded from the simulator itself', async () => {
    const har = await cloudspongeFlow()
    const report = await compareRecordings('cloudsponge', [{ name: 'flow.har', har }])
    expect(report.drift).toEqual([])
    expect(report.exchanges).toBe(6)
    expect(report.operations.map((row) => [row.operationId, row.exchanges, row.identical])).toEqual([
      ['beginImportFormatted', 1, 1],
      ['getEventsFormatted', 3, 3],
      ['getContactsFormatted', 2, 2],
    ])
  })

  it('reports each injected drift as its own finding', async () => {
    const rewrite = async (response: Response, change: (text: string) => string, init: ResponseInit = {}) =>
      new Response(change(await response.text()), {
        status: init.status ?? response.status,
        headers: { ...Object.fromEntries(response.headers), ...(init.headers as Record<string, string>) },
      })
    let events = 0
    const har = await cloudspongeFlow(async (response, path) => {
      if (path.startsWith('/begin_import')) {
        // A new field, and the import id turned into a string.
        return rewrite(response, (text) => text.replace(/"import_id":(\d+)/, '"import_id":"$1","region":"eu"'))
      }
      if (path.startsWith('/events') && response.status === 401) {
        return rewrite(response, () => '{"error":{"message":"Forbidden."}}')
      }
      if (path.startsWith('/events') && ++events === 1) {
        return rewrite(response, (text) => text, { status: 202 })
      }
      if (path.endsWith('.json') && path.startsWith('/contacts')) {
        return rewrite(response, (text) => text.replaceAll('"first_name"', '"given_name"'))
      }
      if (path.endsWith('.xml')) {
        return rewrite(response, (text) => text, { headers: { 'content-type': 'text/html; charset=utf-8' } })
      }
      return response
    })
    const report = await compareRecordings('cloudsponge', [{ name: 'drift.har', har }])
    const lines = report.drift.map(
      (finding) => `${finding.operationId} ${finding.kind} ${finding.path}: ${finding.recorded} / ${finding.simulated}`,
    )
    expect(lines.at(-1)).toMatch(/^getEventsFormatted error body\.error\.message: "Forbidden\." \/ "Access was denied/)
    expect(lines.slice(0, -1)).toEqual([
      'beginImportFormatted type body.import_id: string / number',
      'beginImportFormatted key-missing body.region: string / missing',
      'getEventsFormatted status status: 202 / 200',
      'getContactsFormatted key-missing body.contacts[*].given_name: string / missing',
      'getContactsFormatted key-added body.contacts[*].first_name: missing / string',
      'getContactsFormatted key-missing body.contacts_owner.given_name: string / missing',
      'getContactsFormatted key-added body.contacts_owner.first_name: missing / string',
      'getContactsFormatted header header.content-type: text/html; charset=utf-8 / application/xml; charset=utf-8',
    ])
  })

  it('refuses what it cannot compare', async () => {
    await expect(compareRecordings('nope', [{ name: 'a.har', har: {} }])).rejects.toThrow(/Unknown vendor "nope"/)
    await expect(compareRecordings('cloudsponge', [{ name: 'a.har', har: { hello: 1 } }])).rejects.toThrow(
      CompareInputError,
    )
  })
})
