import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createAurinkoSimulator } from '../aurinko/index.js'
import { manualClock } from '../core/clock.js'
import { HarFile } from './har-file.js'
import { recordingFetch } from './recording-fetch.js'
import { readHar, Started } from './testing/servers.js'

const started = new Started()
afterEach(() => started.closeAll())

describe('recordingFetch', () => {
  it('records what a client sends and receives, redacted, and hands the answer over untouched', async () => {
    const server = await started.serve(createAurinkoSimulator({ clock: manualClock() }))
    const path = `${started.directory}/suite.har`
    const har = new HarFile(path)
    const fetch = recordingFetch(har)
    const headers = { Authorization: 'Bearer aurinko-sandbox-token', 'Content-Type': 'application/json' }
    const created = await fetch(
      new Request(`${server.url}/v1/contacts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: { givenName: 'Ann' } }),
      }),
    )
    const body = await created.text()
    expect(JSON.parse(body).record.name.givenName).toBe('Ann')
    await fetch.flush()
    har.close()
    const [entry] = readHar(path).log.entries
    expect(entry?.request.postData?.text).toBe('{"name":{"givenName":"Ann"}}')
    expect(entry?.response.status).toBe(201)
    expect(entry?.response.content.text).toBe(body)
    expect(JSON.stringify(entry)).not.toContain('aurinko-sandbox-token')
  })

  it('records an answer fetch decompressed as the text it reads, not as gzip', async () => {
    const upstream = await started.upstream((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
      response.end(gzipSync('{"ok":true}'))
    })
    const path = `${started.directory}/gzip.har`
    const har = new HarFile(path)
    const fetch = recordingFetch(har)
    expect(await (await fetch(new Request(upstream.url))).json()).toEqual({ ok: true })
    await fetch.flush()
    const [entry] = readHar(path).log.entries
    expect(entry?.response.content).toEqual({ size: 11, mimeType: 'application/json', text: '{"ok":true}' })
  })
})
