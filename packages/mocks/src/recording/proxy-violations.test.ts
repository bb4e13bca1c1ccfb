import { afterEach, describe, expect, it } from 'vitest'
import { createAurinkoSimulator } from '../aurinko/index.js'
import { createCloudSpongeSimulator } from '../cloudsponge/index.js'
import { documentedTenant } from '../cloudsponge/tenants.js'
import { manualClock } from '../core/clock.js'
import { contactkitData } from './har-entry.js'
import { readHar, Started } from './testing/servers.js'
import type { Violation } from './violations.js'

// A violation never changes the answer: it is told in a header, on the console and in the recording.

const started = new Started()
afterEach(() => started.closeAll())

const cloudspongeAuth = {
  Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`,
}

function violationsOf(response: Response): Violation[] | null {
  const header = response.headers.get('x-contactkit-violations')
  return header === null ? null : JSON.parse(header)
}

describe('spec violations', () => {
  it('names what is wrong with a request in the header, the console and the recording, the answer untouched', async () => {
    const simulator = await started.serve(createCloudSpongeSimulator({ clock: manualClock() }))
    const proxy = await started.proxy('cloudsponge', simulator.url)
    const valid = await fetch(`${proxy.url}/events/1126.json`, { headers: cloudspongeAuth })
    expect(violationsOf(valid)).toBeNull()
    await valid.arrayBuffer()

    const invalid = await fetch(`${proxy.url}/contacts/1126.json?start=-1`, { headers: cloudspongeAuth })
    expect(invalid.status).toBe(400)
    expect(violationsOf(invalid)).toEqual([{ in: 'request', where: 'query.start', what: 'start must be >= 0' }])
    const direct = await fetch(`${simulator.url}/contacts/1126.json?start=-1`, { headers: cloudspongeAuth })
    expect(await invalid.text()).toBe(await direct.text())

    expect(started.logs).toEqual(['GET /contacts/1126.json request query.start: start must be >= 0'])
    const entries = readHar(proxy.harPath).log.entries
    expect(entries.map((entry) => contactkitData(entry).violations)).toEqual([
      [],
      [{ in: 'request', where: 'query.start', what: 'start must be >= 0' }],
    ])
    expect(entries[1]?.comment).toBe('1 spec violation(s): request query.start')
    expect(contactkitData(entries[1] as (typeof entries)[number]).operationId).toBeDefined()
  })

  it('names a path the spec does not know', async () => {
    const simulator = await started.serve(createAurinkoSimulator({ clock: manualClock() }))
    const proxy = await started.proxy('aurinko', simulator.url)
    const response = await fetch(`${proxy.url}/v2/people`)
    expect(response.status).toBe(404)
    expect(violationsOf(response)).toEqual([
      { in: 'request', where: 'path', what: 'the spec has no operation for GET /v2/people' },
    ])
  })

  it("passes a simulator upstream's /__admin calls without a violation, and records them", async () => {
    const simulator = await started.serve(createAurinkoSimulator({ clock: manualClock('2026-03-02T10:00:00Z') }))
    const proxy = await started.proxy('aurinko', simulator.url)
    const moved = await fetch(`${proxy.url}/__admin/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 5_000 }),
    })
    expect(moved.status).toBe(200)
    expect(violationsOf(moved)).toBeNull()
    expect(((await moved.json()) as { now: string }).now).toBe('2026-03-02T10:00:05.000Z')
    const journal = await fetch(`${proxy.url}/__admin/requests`)
    expect(journal.status).toBe(200)
    expect(violationsOf(journal)).toBeNull()
    await journal.arrayBuffer()
    // Only the control plane: a path of the same start outside it is still unknown to the spec.
    const outside = await fetch(`${proxy.url}/__administration`)
    expect(violationsOf(outside)).toEqual([
      { in: 'request', where: 'path', what: 'the spec has no operation for GET /__administration' },
    ])
    await outside.arrayBuffer()
    await proxy.close()

    expect(started.logs).toEqual([
      'GET /__administration request path: the spec has no operation for GET /__administration',
    ])
    const entries = readHar(proxy.harPath).log.entries
    const exchanges = entries.map((entry) => [
      entry.request.method,
      new URL(entry.request.url).pathname,
      entry.response.status,
    ])
    expect(exchanges).toEqual([
      ['POST', '/__admin/clock', 200],
      ['GET', '/__admin/requests', 200],
      ['GET', '/__administration', 404],
    ])
    expect(entries.slice(0, 2).map((entry) => contactkitData(entry).violations ?? [])).toEqual([[], []])
  })

  it('names each way an answer breaks the spec and passes the answer on as it came', async () => {
    const wrongContact = '{"id":5,"etag":"e","name":{"givenName":7}}'
    const upstream = await started.upstream((request, response) => {
      if (request.url === '/v1/contacts/abc') {
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.end(wrongContact)
      } else if (request.url === '/v1/contacts/teapot') {
        response.writeHead(418, { 'Content-Type': 'application/json' })
        response.end('{}')
      } else {
        response.writeHead(200, { 'Content-Type': 'text/html' })
        response.end('<p>maintenance</p>')
      }
    })
    const proxy = await started.proxy('aurinko', upstream.url)
    const headers = { Authorization: 'Bearer aurinko-sandbox-token' }

    const wrongBody = await fetch(`${proxy.url}/v1/contacts/abc`, { headers })
    expect(await wrongBody.text()).toBe(wrongContact)
    const bodyViolations = violationsOf(wrongBody) ?? []
    expect(bodyViolations.length).toBeGreaterThan(0)
    expect(bodyViolations.every((violation) => violation.in === 'response')).toBe(true)
    expect(bodyViolations.map((violation) => violation.where)).toEqual(
      expect.arrayContaining(['body.id', 'body.name.givenName']),
    )

    const teapot = await fetch(`${proxy.url}/v1/contacts/teapot`, { headers })
    expect(teapot.status).toBe(418)
    expect(violationsOf(teapot)).toEqual([
      { in: 'response', where: 'status', what: expect.stringContaining('does not declare the status 418') },
    ])

    const html = await fetch(`${proxy.url}/v1/contacts/xyz`, { headers })
    expect(await html.text()).toBe('<p>maintenance</p>')
    expect(violationsOf(html)).toEqual([
      { in: 'response', where: 'content-type', what: expect.stringContaining('does not declare text/html') },
    ])
    const recorded = readHar(proxy.harPath).log.entries.map((entry) => contactkitData(entry).violations.length)
    expect(recorded).toEqual([bodyViolations.length, 1, 1])
  })
})

describe('an upstream that cannot be reached', () => {
  it('is answered 502 in the vendor format the request asked for, and recorded', async () => {
    const gone = await started.upstream(() => {})
    await gone.close()
    const cloudsponge = await started.proxy('cloudsponge', gone.url)
    const xml = await fetch(`${cloudsponge.url}/events/1126.xml`, { headers: cloudspongeAuth })
    expect(xml.status).toBe(502)
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/)
    const text = await xml.text()
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<result>\n {2}<status>error<\/status>/)
    expect(text).toContain('could not be reached')

    const aurinko = await started.proxy('aurinko', gone.url)
    const json = await fetch(`${aurinko.url}/v1/contacts`, { headers: { Authorization: 'Bearer t' } })
    expect(json.status).toBe(502)
    const body = await json.json()
    expect(body).toEqual({ code: expect.any(String), message: expect.stringContaining('could not be reached') })

    const [entry] = readHar(cloudsponge.harPath).log.entries
    expect(entry?.response.status).toBe(502)
    expect(entry?.response.content.text).toBe(text)
    expect(contactkitData(entry as NonNullable<typeof entry>).upstreamError).toMatch(
      /could not be reached \(ECONNREFUSED\)/,
    )
    expect(started.logs.some((line) => line.includes('answered 502'))).toBe(true)
  })
})
