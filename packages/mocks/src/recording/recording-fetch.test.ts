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

  it('lets go of a streamed body past its limit, so an upload refused half-way is not read to its end', async () => {
    const chunk = new Uint8Array(256 * 1024)
    const chunks = 64
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === chunks) {
          controller.close()
          return
        }
        pulled++
        controller.enqueue(chunk)
      },
    })
    const path = `${started.directory}/refused.har`
    const har = new HarFile(path)
    // A server that reads the first part of the upload and refuses it, as S3 does past a policy's range.
    const refuseEarly = async (request: Request) => {
      const reader = request.body?.getReader()
      await reader?.read()
      await reader?.cancel()
      return new Response('<Error><Code>EntityTooLarge</Code></Error>', { status: 400 })
    }
    const fetch = recordingFetch(har, { fetch: refuseEarly, maxBodyBytes: 1024 * 1024 })
    const request = new Request('http://s3.invalid/bucket/', { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect((await fetch(request)).status).toBe(400)
    await fetch.flush()
    expect(pulled).toBeLessThan(chunks / 2)
    const [entry] = readHar(path).log.entries
    expect(entry?.request.bodySize).toBe(-1)
    expect(entry?.request.postData?.comment).toBe('cut: the first 1048576 of more than that many bytes')
  })
})
