import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { SecretReplacer } from '../core/redaction.js'
import { vendors } from '../vendors.js'
import { BodyCapture, type CapturedBody } from './body-capture.js'
import { contentDecoder } from './content-encoding.js'
import { readAnswerAfterRefusedWrite } from './early-answer.js'
import { createExchangeChecker, type RequestFindings, type ResponseDecoder } from './exchange-check.js'
import { forwardedHeaders } from './forwarded-headers.js'
import { HarFile } from './har-file.js'
import { streamedFormOf } from './streamed-form.js'
import { upstreamErrorAnswer } from './upstream-error.js'
import { type Violation, violationLines, violationsHeader, violationsHeaderValue } from './violations.js'
import { xmlReaderOf } from './xml-readers.js'

/** Options of a recording proxy. */
export interface RecordingProxyOptions {
  /** A registered vendor: `cloudsponge`, `aurinko`, `omnigage`, `s3`. */
  vendor: string
  /** Where requests go: the real API, or any URL (a base path is kept in front of every request's path). */
  upstream: string
  /** Default: the vendor's default port + 100 (4110, 4120, 4130, 4140); 0 picks a free one. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Default `recordings/<vendor>-<timestamp>.har`, from the working directory. */
  har?: string
  /**
   * Bytes of each body kept in the recording and checked against the spec; an answer up to this
   * size is held until it is complete so that its violations can go in the header. Default 1 MiB.
   */
  maxBodyBytes?: number
  /** Milliseconds to wait for the upstream's answer before answering 504. Default 120,000. */
  upstreamTimeoutMs?: number
  /** Reads answer bodies that are not JSON for the spec check. Default: the vendor's XML reader (CloudSponge's Rails XML, S3's). */
  decode?: ResponseDecoder
  /** Where violations and upstream failures are reported. Default: the console (stderr). */
  log?: (line: string) => void
  /**
   * The placeholders secrets become in the recording (see `HarFileOptions.secrets`): proxies of one
   * flow share one `secretPlaceholders()` so that `compare` can replay their files together.
   */
  secrets?: SecretReplacer
}

/** A running recording proxy. */
export interface RecordingProxy {
  url: string
  port: number
  harPath: string
  /** Exchanges written so far. */
  readonly exchanges: number
  /** Stops listening, ends open exchanges and closes the recording (complete either way). */
  close(): Promise<void>
}

const defaultMaxBodyBytes = 1024 * 1024

/**
 * Starts a transparent proxy in front of a vendor's API that checks every exchange against the
 * vendor's spec and appends it, secrets redacted, to a HAR file. Answers pass back unchanged, byte
 * for byte; a violation adds only an `X-Contactkit-Violations` header. An upstream that cannot be
 * reached is answered 502 (504 when it does not answer in time) in the vendor's error format.
 *
 * @example
 * const proxy = await startRecordingProxy({ vendor: 'aurinko', upstream: 'https://api.aurinko.io', port: 0 })
 * await fetch(`${proxy.url}/v1/contacts`, { headers: { Authorization: `Bearer ${token}` } })
 * await proxy.close() // proxy.harPath holds the exchange
 */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const vendor = vendors.find((candidate) => candidate.name === options.vendor)
  if (!vendor) {
    throw new RangeError(
      `There is no vendor "${options.vendor}"; choose one of ${vendors.map((candidate) => candidate.name).join(', ')}.`,
    )
  }
  if (!URL.canParse(options.upstream) || !/^https?:$/.test(new URL(options.upstream).protocol)) {
    throw new RangeError(`The upstream must be an http(s) URL such as ${vendor.baseUrl}, not "${options.upstream}".`)
  }
  const upstream = new URL(options.upstream)
  const basePath = upstream.pathname.replace(/\/$/, '')
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes
  const timeoutMs = options.upstreamTimeoutMs ?? 120_000
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  // Only its error formatter and spec are used: nothing is served by it.
  const simulator = vendor.create({})
  const checker = createExchangeChecker(simulator.document, { decode: options.decode ?? xmlReaderOf(vendor.name) })
  const harPath = options.har ?? `recordings/${vendor.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.har`
  const har = new HarFile(harPath, {
    creator: { name: '@contactkit/mocks record', version: '1' },
    comment: `${vendor.name} via ${upstream.origin}${basePath}`,
    ...(options.secrets ? { secrets: options.secrets } : {}),
  })
  // A connection per request: a reused one the upstream closed while idle fails a request with
  // ECONNRESET before it is sent, which the proxy would have to tell from a real failure. A
  // recording is about fidelity, not speed.
  const agent =
    upstream.protocol === 'https:' ? new HttpsAgent({ keepAlive: false }) : new HttpAgent({ keepAlive: false })
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest
  // Exchanges being written: closing waits for them, so the file ends with every answered exchange.
  const writing = new Set<Promise<void>>()
  const track = (promise: Promise<void>) => {
    writing.add(promise)
    void promise.finally(() => writing.delete(promise))
    return promise
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const startedAt = new Date()
    const began = performance.now()
    const pathAndQuery = incoming.url ?? '/'
    const target = new URL(`${basePath}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`, upstream)
    const path = pathAndQuery.split('?')[0] ?? '/'
    const method = incoming.method ?? 'GET'
    const requestHeaders = forwardedHeaders(incoming.rawHeaders, upstream.host)
    const headerRecord = Object.fromEntries(requestHeaders.map(([name, value]) => [name.toLowerCase(), value]))
    const requestCapture = new BodyCapture(maxBodyBytes)
    // A form larger than what is kept is still checked: its fields are read as it passes.
    const requestForm = streamedFormOf(headerRecord['content-type'], maxBodyBytes)
    let sentAt: number | undefined

    // The request is checked once it has passed whole: its violations go in the header of an
    // answer that comes after it, and in the recording in any case. An answer that comes first (S3
    // refusing an upload mid-way) is recorded with the request checked as far as it came.
    let requestEnded = false
    const query = new URL(pathAndQuery, 'http://proxy.invalid').searchParams
    const checkRequest = (whole: boolean) =>
      checker.request({
        method,
        path,
        query,
        headers: headerRecord,
        body: whole ? requestCapture.body().bytes : undefined,
        bodyTooLarge: !whole || requestCapture.truncated,
        form: whole && requestCapture.truncated ? requestForm?.end() : undefined,
      })
    incoming.on('data', (chunk: Buffer) => requestCapture.push(chunk))
    incoming.on('data', (chunk: Buffer) => requestForm?.push(chunk))
    const requestFindings = new Promise<RequestFindings>((resolve) => {
      incoming.once('end', () => {
        requestEnded = true
        sentAt = performance.now()
        resolve(checkRequest(true))
      })
    })

    const upstreamRequest = send(target, {
      method,
      agent,
      headers: requestHeaders.flat(),
      timeout: timeoutMs,
    })
    // An upstream may answer before it has read the whole body, and close (S3 refusing an upload):
    // that answer is passed on and recorded, not taken for a failure to reach it.
    upstreamRequest.once('socket', readAnswerAfterRefusedWrite)
    let answered = false
    const record = (
      response: { status: number; statusText: string; headers: [string, string][]; body?: CapturedBody },
      timing: { firstByteAt: number; endAt: number },
      extra: { violations: Violation[]; upstreamError?: string },
    ) => {
      // The client may still be sending what the upstream no longer reads (a refused upload): read
      // it to its end, counted and not kept, so the request's findings and the recording complete.
      if (!requestEnded) {
        incoming.unpipe(upstreamRequest)
        incoming.resume()
      }
      return track(write(response, timing, extra))
    }
    const write = async (
      response: { status: number; statusText: string; headers: [string, string][]; body?: CapturedBody },
      timing: { firstByteAt: number; endAt: number },
      extra: { violations: Violation[]; upstreamError?: string },
    ) => {
      const findings = requestEnded ? await requestFindings : await checkRequest(false)
      const violations = [...findings.violations, ...extra.violations]
      const send = Math.max(0, (sentAt ?? timing.firstByteAt) - began)
      har.add({
        startedAt,
        request: {
          method,
          url: target.href,
          httpVersion: `HTTP/${incoming.httpVersion}`,
          headers: requestHeaders,
          body: requestCapture.body(),
        },
        response,
        timings: {
          send: round(send),
          wait: round(Math.max(0, timing.firstByteAt - began - send)),
          receive: round(Math.max(0, timing.endAt - timing.firstByteAt)),
        },
        violations,
        upstreamError: extra.upstreamError,
        operationId: findings.operationId,
      })
      for (const line of violationLines(`${method} ${path}`, violations)) {
        log(line)
      }
    }

    upstreamRequest.once('timeout', () => {
      upstreamRequest.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'TIMEOUT' }))
    })
    upstreamRequest.once('error', async (error: Error & { code?: string }) => {
      // Once an answer has begun, its own stream fails if the connection breaks it off, and its
      // reader tells the client so.
      if (clientGone || answered) {
        return
      }
      const status = error.code === 'TIMEOUT' ? 504 : 502
      const reason = `${upstream.origin} ${status === 504 ? 'did not answer' : 'could not be reached'} (${error.code ?? error.message})`
      log(`${method} ${path}: ${reason}; answered ${status}`)
      incoming.resume()
      const answer = await upstreamErrorAnswer(
        simulator,
        { method, path: pathAndQuery, headers: headerRecord },
        status,
        `The recording proxy forwarded ${method} ${path}, but ${reason}. Check the --upstream URL and the network, then send the request again.`,
      )
      const bytes = new Uint8Array(await answer.arrayBuffer())
      const headers = [...answer.headers].map(([name, value]) => [name, value] as [string, string])
      headers.push(['Content-Length', String(bytes.byteLength)])
      outgoing.writeHead(status, headers.flat())
      outgoing.end(bytes)
      const now = performance.now()
      await record(
        { status, statusText: answer.statusText, headers, body: { bytes, size: bytes.byteLength } },
        { firstByteAt: now, endAt: now },
        { violations: [], upstreamError: reason },
      )
    })

    upstreamRequest.once('response', async (answer) => {
      answered = true
      const firstByteAt = performance.now()
      const responseHeaders = forwardedHeaders(answer.rawHeaders)
      const contentType = answer.headers['content-type']
      const capture = new BodyCapture(maxBodyBytes)
      const chunks = answer[Symbol.asyncIterator]()
      const held: Buffer[] = []
      let heldBytes = 0
      let complete = false
      try {
        // Hold an answer up to the limit, so its violations can be told in its header.
        while (heldBytes <= maxBodyBytes) {
          const next = await chunks.next()
          if (next.done) {
            complete = true
            break
          }
          held.push(next.value)
          heldBytes += next.value.byteLength
          capture.push(next.value)
        }
        // An answer that came before the request ended (a refusal mid-upload) does not wait for it.
        const findings = requestEnded ? await requestFindings : { violations: [] }
        const operationId = checker.operationOf(method, path)
        const responseViolations =
          operationId === undefined
            ? []
            : checker.response(
                operationId,
                answer.statusCode ?? 0,
                contentType,
                readable(held, complete, answer.headers['content-encoding']),
              )
        const told = [...findings.violations, ...responseViolations]
        const sentHeaders =
          told.length > 0
            ? [...responseHeaders, [violationsHeader, violationsHeaderValue(told)] as [string, string]]
            : responseHeaders
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, sentHeaders.flat())
        for (const chunk of held) {
          outgoing.write(chunk)
        }
        if (!complete) {
          for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) {
            capture.push(chunk)
            if (!outgoing.write(chunk)) {
              await new Promise((resolve) => outgoing.once('drain', resolve))
            }
          }
        }
        outgoing.end()
        await record(
          {
            status: answer.statusCode ?? 0,
            statusText: answer.statusMessage ?? '',
            headers: responseHeaders,
            body: capture.body(),
          },
          { firstByteAt, endAt: performance.now() },
          { violations: responseViolations },
        )
      } catch (error) {
        log(`${method} ${path}: the answer broke off (${(error as Error).message})`)
        outgoing.destroy(error as Error)
      }
    })
    // A client that goes away before its request ends takes the upstream request with it: the
    // upstream would otherwise wait for the rest of a body that never comes. Nothing is recorded.
    let clientGone = false
    incoming.once('close', () => {
      if (!requestEnded && !outgoing.headersSent) {
        clientGone = true
        upstreamRequest.destroy()
      }
    })
    incoming.pipe(upstreamRequest)
  }

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: Error) => {
      log(`${incoming.method} ${incoming.url}: ${error.message}`)
      if (!outgoing.headersSent) {
        outgoing.writeHead(500)
      }
      outgoing.end()
    })
  })
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    log(`A client connection failed: ${error.code ?? error.message}`)
    socket.destroy()
  })
  // Clients keep connections to the proxy open between requests; Node's 5 s default closes one
  // just as a slow client (or one sharing a loaded machine) sends its next request on it, which
  // the client sees as a reset. A minute, as load balancers use, makes that race rare.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? vendor.defaultPort + 100, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  let closed: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    harPath,
    get exchanges() {
      return har.entries
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      })
        .then(() => Promise.allSettled([...writing]))
        .then(() => har.close())
      return closed
    },
  }
}

/** The whole answer decoded for the spec check; undefined when it was too large or cannot be decoded. */
function readable(held: Buffer[], complete: boolean, contentEncoding: string | undefined): Uint8Array | undefined {
  if (!complete) {
    return undefined
  }
  const bytes = Buffer.concat(held)
  if (contentEncoding === undefined || contentEncoding.toLowerCase() === 'identity') {
    return bytes
  }
  try {
    return contentDecoder(contentEncoding)?.(bytes)
  } catch {
    return undefined
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}
