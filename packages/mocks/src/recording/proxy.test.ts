import { createHash, randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createAurinkoSimulator } from '../aurinko/index.js'
import { createCloudSpongeSimulator } from '../cloudsponge/index.js'
import { documentedTenant } from '../cloudsponge/tenants.js'
import { manualClock } from '../core/clock.js'
import { filenameVariable } from '../s3/form.js'
import { createS3Simulator } from '../s3/index.js'
import { contactkitData } from './har-entry.js'
import { readHar, Started, wire } from './testing/servers.js'

// The proxy passes answers on unchanged: each request goes to one simulator directly and to its
// twin (same seed, same clock) through the proxy, and both answers must match byte for byte.

const started = new Started()
afterEach(() => started.closeAll())

const cloudspongeAuth = {
  Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`,
}

function cloudspongeTwins() {
  const make = () => createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
  return [make(), make()] as const
}

// A hang guard, not a speed goal: two simulators generate and serve 1,100 contacts on a shared machine.
describe('answers through the recording proxy', { timeout: 60_000 }, () => {
  it('passes CloudSponge JSON and Rails XML, a page of about 300 KB among them, byte for byte', async () => {
    const [directSim, behindSim] = cloudspongeTwins()
    const direct = await started.serve(directSim)
    const behind = await started.serve(behindSim)
    const proxy = await started.proxy('cloudsponge', behind.url)
    const both = async (path: string, init: RequestInit = {}) => {
      const [a, b] = await Promise.all([fetch(`${direct.url}${path}`, init), fetch(`${proxy.url}${path}`, init)])
      const [expected, actual] = await Promise.all([wire(a), wire(b)])
      expect(actual).toEqual(expected)
      return actual
    }
    const begin = await both('/begin_import/import.json', {
      method: 'POST',
      headers: cloudspongeAuth,
      body: new URLSearchParams({ service: 'icloud', username: 'contacts-1100', password: 'pw' }),
    })
    const importId = JSON.parse(begin.body.toString()).import_id
    directSim.clock.advance(60_000)
    behindSim.clock.advance(60_000)
    await both(`/events/${importId}.xml`, { headers: cloudspongeAuth })
    const page = await both(`/contacts/${importId}.json`, { headers: cloudspongeAuth })
    expect(page.body.byteLength).toBeGreaterThan(280_000)
    const xml = await both(`/contacts/${importId}.xml?start=0&count=10`, { headers: cloudspongeAuth })
    expect(xml.headers).toContainEqual(['content-type', 'application/xml; charset=utf-8'])
    expect(xml.body.toString()).toMatch(/^<\?xml/)

    const har = readHar(proxy.harPath)
    expect(har.log.entries.map((entry) => entry.response.status)).toEqual([200, 200, 200, 200])
    const recordedPage = har.log.entries[2]?.response.content
    expect(recordedPage?.size).toBe(page.body.byteLength)
    expect(recordedPage?.text).toBe(page.body.toString())
    // The simulator keeps to its spec: nothing to report, no header added.
    expect(started.logs).toEqual([])
    expect(har.log.entries.flatMap((entry) => contactkitData(entry).violations)).toEqual([])
  })

  it('passes Aurinko JSON and its own headers through, and records them', async () => {
    const make = () => createAurinkoSimulator({ clock: manualClock('2026-03-01T12:00:00Z'), tokenSecret: 'same' })
    const [directSim, behindSim] = [make(), make()]
    const direct = await started.serve(directSim)
    const behind = await started.serve(behindSim)
    const proxy = await started.proxy('aurinko', behind.url)
    const headers = { Authorization: 'Bearer aurinko-sandbox-token', 'Content-Type': 'application/json' }
    for (const [path, init] of [
      ['/v1/contacts?limit=5', { headers }],
      ['/v1/contacts', { method: 'POST', headers, body: JSON.stringify({ name: { givenName: 'Ann' } }) }],
      ['/v1/contacts/nope', { headers }],
    ] as const) {
      const [a, b] = await Promise.all([fetch(`${direct.url}${path}`, init), fetch(`${proxy.url}${path}`, init)])
      expect(await wire(b)).toEqual(await wire(a))
    }
    expect(readHar(proxy.harPath).log.entries.map((entry) => entry.response.status)).toEqual([200, 201, 404])
    expect(started.logs).toEqual([])
  })

  it('carries an S3 form post of a few MB through a record s3 proxy, the file stored byte for byte', async () => {
    const make = () => createS3Simulator({ clock: manualClock('2026-03-01T12:00:00Z') })
    const [directSim, behindSim] = [make(), make()]
    const direct = await started.serve(directSim)
    const behind = await started.serve(behindSim)
    const proxy = await started.proxy('s3', behind.url)
    const file = randomBytes(3 * 1024 * 1024 + 17)
    const post = async (sim: typeof directSim, base: string) => {
      const { url, fields } = await sim.presignPost({ key: `uploads/${filenameVariable}`, signatureVersion: 'v4' })
      const form = new FormData()
      for (const [name, value] of Object.entries(fields)) {
        form.append(name, value)
      }
      form.append('file', new File([file], 'big.bin'))
      return fetch(`${base}${new URL(url).pathname}`, { method: 'POST', body: form })
    }
    const [a, b] = await Promise.all([post(directSim, direct.url), post(behindSim, proxy.url)])
    const [expected, actual] = [await wire(a), await wire(b)]
    // Host is rewritten to the upstream's, so S3 names its own origin in Location, as it would to anyone.
    const location = expected.headers.find(([name]) => name === 'location')
    if (location) {
      location[1] = location[1].replace(direct.url, behind.url)
    }
    expect(actual).toEqual(expected)
    expect(actual.status).toBe(204)
    const stored = behindSim.objects.get('contactkit-uploads', 'uploads/big.bin')?.bytes
    expect(
      createHash('sha256')
        .update(stored ?? new Uint8Array())
        .digest('hex'),
    ).toBe(createHash('sha256').update(file).digest('hex'))
    const [entry] = readHar(proxy.harPath).log.entries
    expect(entry?.request.bodySize).toBeGreaterThan(file.byteLength)
    expect(entry?.request.postData?.comment).toMatch(/^cut: the first 1048576 of \d+ bytes$/)
  })
})
