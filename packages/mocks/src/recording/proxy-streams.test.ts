import { request as httpRequest } from 'node:http'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { filenameVariable } from '../s3/form.js'
import { createS3Simulator } from '../s3/index.js'
import { readHar, Started } from './testing/servers.js'

const started = new Started()
afterEach(() => started.closeAll())

describe('bodies through the recording proxy', () => {
  it('passes a gzip answer on compressed, records it decoded and checks it', async () => {
    const body = gzipSync('{"records":[],"totalSize":"none"}')
    const upstream = await started.upstream((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
      response.end(body)
    })
    const proxy = await started.proxy('aurinko', upstream.url)
    // node:http does not decompress: the bytes the client gets are the bytes the upstream sent.
    const received = await new Promise<{ bytes: Buffer; violations?: string }>((resolve, reject) => {
      httpRequest(`${proxy.url}/v1/contacts`, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            bytes: Buffer.concat(chunks),
            violations: response.headers['x-contactkit-violations'] as string | undefined,
          }),
        )
      })
        .on('error', reject)
        .end()
    })
    expect(received.bytes.equals(body)).toBe(true)
    // Checked decoded: the list's missing field is named, not "not readable as JSON".
    expect(JSON.parse(received.violations ?? '[]')).toEqual([
      { in: 'response', where: 'body.length', what: 'length is required' },
    ])
    const [entry] = readHar(proxy.harPath).log.entries
    expect(entry?.response.content.text).toBe('{"records":[],"totalSize":"none"}')
    expect(entry?.response.bodySize).toBe(body.byteLength)
  })

  it('passes on an S3 refusal that comes while the upload is still being sent, without hanging', async () => {
    const sim = createS3Simulator({ clock: manualClock('2026-03-01T12:00:00Z') })
    const s3 = await started.serve(sim)
    const proxy = await started.proxy('s3', s3.url)
    const { url, fields } = await sim.presignPost({
      key: `uploads/${filenameVariable}`,
      signatureVersion: 'v4',
      conditions: [['content-length-range', 0, 1024]],
    })
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) {
      form.append(name, value)
    }
    form.append('file', new File([new Uint8Array(8 * 1024 * 1024)], 'big.csv'))
    const response = await fetch(`${proxy.url}${new URL(url).pathname}`, { method: 'POST', body: form })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('<Code>EntityTooLarge</Code>')
    await proxy.close()
    expect(readHar(proxy.harPath).log.entries.map((entry) => entry.response.status)).toEqual([400])
  })

  it('passes on and records an answer the upstream sends before it has read the upload, then drops the connection', async () => {
    // Real S3 refuses a large upload (403, 400) as soon as it has read the form's head, and closes
    // the connection without reading the rest: the proxy's write of the body then fails (EPIPE,
    // ECONNRESET) after the answer came. That answer is what the client must get.
    const refusal =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message></Error>'
    const upstream = await started.upstream((request, response) => {
      response.writeHead(403, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(refusal) })
      response.end(refusal, () => request.socket.destroy())
    })
    const proxy = await started.proxy('s3', upstream.url)
    const form = new FormData()
    form.append('key', 'uploads/big.csv')
    form.append('file', new File([new Uint8Array(8 * 1024 * 1024)], 'big.csv'))
    const response = await fetch(`${proxy.url}/contactkit-uploads`, { method: 'POST', body: form })
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toBe('application/xml')
    expect(await response.text()).toBe(refusal)
    await proxy.close()
    const entries = readHar(proxy.harPath).log.entries
    expect(entries.map((entry) => [entry.response.status, entry.response.content.text])).toEqual([[403, refusal]])
    expect(started.logs.filter((line) => line.includes('answered 502'))).toEqual([])
  })

  it('answers 502 when the upstream drops an upload without answering, and does not wait for an answer', async () => {
    const upstream = await started.upstream((request) => request.socket.destroy())
    const proxy = await started.proxy('s3', upstream.url)
    const form = new FormData()
    form.append('file', new File([new Uint8Array(8 * 1024 * 1024)], 'big.csv'))
    const response = await fetch(`${proxy.url}/contactkit-uploads`, { method: 'POST', body: form })
    expect(response.status).toBe(502)
    expect(await response.text()).toContain('could not be reached')
    await proxy.close()
    expect(readHar(proxy.harPath).log.entries.map((entry) => entry.response.status)).toEqual([502])
  })

  it('breaks off the answer to the client when the upstream breaks off its own, instead of answering 502', async () => {
    const upstream = await started.upstream((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
      response.write('{"records":[', () => request.socket.destroy())
    })
    const proxy = await started.proxy('aurinko', upstream.url)
    await expect(fetch(`${proxy.url}/v1/contacts`).then((response) => response.text())).rejects.toThrow()
    await proxy.close()
    expect(started.logs).toContain('GET /v1/contacts: the answer broke off (aborted)')
    expect(started.logs.filter((line) => line.includes('answered 502'))).toEqual([])
    expect(readHar(proxy.harPath).log.entries).toEqual([])
  })

  it('answers 504 when the upstream does not answer in time', async () => {
    const upstream = await started.upstream(() => {})
    const proxy = await started.proxy('aurinko', upstream.url, { upstreamTimeoutMs: 200 })
    const response = await fetch(`${proxy.url}/v1/contacts`)
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({
      code: expect.any(String),
      message: expect.stringContaining('did not answer'),
    })
    await proxy.close()
    expect(readHar(proxy.harPath).log.entries.map((entry) => entry.response.status)).toEqual([504])
  })

  it('breaks off the answer to the client when the upstream stops in the middle of it, instead of answering 504', async () => {
    const upstream = await started.upstream((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
      response.write('{"records":[')
    })
    const proxy = await started.proxy('aurinko', upstream.url, { upstreamTimeoutMs: 200 })
    await expect(fetch(`${proxy.url}/v1/contacts`).then((response) => response.text())).rejects.toThrow()
    await proxy.close()
    expect(started.logs).toContain('GET /v1/contacts: the answer broke off (aborted)')
    expect(started.logs.filter((line) => line.includes('answered 504'))).toEqual([])
    expect(readHar(proxy.harPath).log.entries).toEqual([])
  })

  it('lets go of the upstream when the client goes away in the middle of its request', async () => {
    let upstreamClosed: () => void = () => {}
    let bodyStarted: () => void = () => {}
    const closed = new Promise<void>((resolve) => {
      upstreamClosed = resolve
    })
    const bodyArrived = new Promise<void>((resolve) => {
      bodyStarted = resolve
    })
    const upstream = await started.upstream((request) => {
      request.once('data', () => bodyStarted())
      request.once('close', () => upstreamClosed())
    })
    const proxy = await started.proxy('aurinko', upstream.url)
    const client = httpRequest(`${proxy.url}/v1/contacts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' },
    })
    client.on('error', () => {})
    client.write('{"name":')
    await bodyArrived
    client.destroy()
    await closed
    await proxy.close()
    expect(readHar(proxy.harPath).log.entries).toEqual([])
  })
})
