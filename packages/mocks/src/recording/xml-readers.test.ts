import { afterEach, describe, expect, it } from 'vitest'
import { createCloudSpongeSimulator } from '../cloudsponge/index.js'
import { documentedTenant } from '../cloudsponge/tenants.js'
import { manualClock } from '../core/clock.js'
import { Started } from './testing/servers.js'
import { readS3Xml, xmlReaderOf } from './xml-readers.js'

const started = new Started()
afterEach(() => started.closeAll())

const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }

describe('XML answers', () => {
  // Rails writes datetimes to the second and JSON to the millisecond: compare them as instants.
  const instants = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, field) =>
      key === 'created_at' && typeof field === 'string' ? new Date(field).getTime() : field,
    )

  it('reads CloudSponge XML into the JSON the same request answers', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const begin = await sim.app.request('/begin_import/import.json', {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ service: 'icloud', username: 'foo', password: 'bar', include: 'mailing_address' }),
    })
    const { import_id: id } = await begin.json()
    sim.clock.advance(60_000)
    const readCloudSpongeXml = xmlReaderOf('cloudsponge')
    for (const resource of ['events', 'contacts']) {
      const json = await (await sim.app.request(`/${resource}/${id}.json`, { headers: auth })).json()
      const xml = await (await sim.app.request(`/${resource}/${id}.xml`, { headers: auth })).text()
      expect(instants(readCloudSpongeXml?.('application/xml', xml))).toEqual(instants(json))
    }
  })

  it('reads S3 refusals with their integer elements as numbers', () => {
    expect(
      readS3Xml(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>EntityTooLarge</Code><ProposedSize>10</ProposedSize><RequestId>a&amp;b</RequestId></Error>',
      ),
    ).toEqual({ Code: 'EntityTooLarge', ProposedSize: 10, RequestId: 'a&b' })
  })

  it('lets the proxy name what is wrong inside an XML answer', async () => {
    const upstream = await started.upstream((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' })
      response.end(
        request.url?.startsWith('/events')
          ? '<?xml version="1.0" encoding="UTF-8"?>\n<result><events>none</events></result>'
          : 'not xml <',
      )
    })
    const proxy = await started.proxy('cloudsponge', upstream.url)
    const events = await fetch(`${proxy.url}/events/1126.xml`, { headers: auth })
    const violations = JSON.parse(events.headers.get('x-contactkit-violations') ?? '[]')
    expect(violations).toContainEqual({ in: 'response', where: 'body.events', what: expect.any(String) })
  })

  it('finds nothing to say about the simulator XML, a page of contacts included', async () => {
    const sim = createCloudSpongeSimulator({ clock: manualClock() })
    const server = await started.serve(sim)
    const proxy = await started.proxy('cloudsponge', server.url)
    const begin = await fetch(`${proxy.url}/begin_import/import.xml`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ service: 'aol', username: 'contacts-30', password: 'pw' }),
    })
    const id = /<import-id type="integer">(\d+)</.exec(await begin.text())?.[1]
    sim.clock.advance(60_000)
    for (const path of [`/events/${id}.xml`, `/contacts/${id}.xml`, `/contacts/${id}.xml?start=5&count=5`]) {
      const response = await fetch(`${proxy.url}${path}`, { headers: auth })
      expect(response.status).toBe(200)
      expect(response.headers.get('x-contactkit-violations')).toBeNull()
      await response.arrayBuffer()
    }
    expect(started.logs).toEqual([])
  })
})
