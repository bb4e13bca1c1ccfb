import type { Entry, Har, Header } from 'har-format'
import type { Clock } from '../../core/clock.js'

/** Where a recorded request goes: an app's fetch (a simulator's, or one that alters its answers). */
export type Upstream = (request: Request) => Response | Promise<Response>

/**
 * Records exchanges with in-process upstreams into a HAR document, secrets replaced by
 * `<secret:N>` in the order they first appear, as the recording proxy writes them. For tests of
 * `compare`: a flow run against a simulator becomes a recording to compare.
 *
 * @example
 * const recorder = inProcessRecorder(clock, ['Tpa01z+vVPE7MxXi'])
 * await recorder.send(sim.app.fetch, 'https://api.cloudsponge.com/events/1126', { headers })
 * const har = recorder.har()
 */
export function inProcessRecorder(clock: Clock, secrets: string[] = []) {
  const entries: Entry[] = []
  const numbers = new Map<string, number>()
  const redact = (text: string) => {
    let result = text
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
      for (const form of [secret, encodeURIComponent(secret)]) {
        if (result.includes(form)) {
          if (!numbers.has(secret)) {
            numbers.set(secret, numbers.size + 1)
          }
          result = result.split(form).join(`<secret:${numbers.get(secret)}>`)
        }
      }
    }
    return result
  }
  const headersOf = (headers: Headers): Header[] =>
    [...headers].map(([name, value]) => ({ name, value: redact(value) }))
  return {
    /** Sends a request to an upstream and records the exchange; returns the upstream's answer. */
    async send(upstream: Upstream, url: string, init: RequestInit = {}): Promise<Response> {
      const request = new Request(url, init)
      const requestBytes = new Uint8Array(await request.clone().arrayBuffer())
      const startedDateTime = new Date(clock.now()).toISOString()
      const response = await upstream(request)
      const responseText = await response.clone().text()
      const requestType = request.headers.get('content-type') ?? ''
      entries.push({
        startedDateTime,
        time: 0,
        request: {
          method: request.method,
          url: redact(request.url),
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: headersOf(request.headers),
          queryString: [...new URL(request.url).searchParams].map(([name, value]) => ({ name, value: redact(value) })),
          ...(requestBytes.length > 0
            ? {
                postData: /multipart|octet-stream/.test(requestType)
                  ? ({
                      mimeType: requestType,
                      text: btoa(String.fromCharCode(...requestBytes)),
                      encoding: 'base64',
                    } as Entry['request']['postData'])
                  : { mimeType: requestType, text: redact(new TextDecoder().decode(requestBytes)) },
              }
            : {}),
          headersSize: -1,
          bodySize: requestBytes.length,
        },
        response: {
          status: response.status,
          statusText: response.statusText,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: headersOf(response.headers),
          content: {
            size: responseText.length,
            mimeType: response.headers.get('content-type') ?? '',
            text: redact(responseText),
          },
          redirectURL: '',
          headersSize: -1,
          bodySize: responseText.length,
        },
        cache: {},
        timings: { send: 0, wait: 0, receive: 0 },
      })
      return response
    },
    /** The recording so far, as a HAR 1.2 document. */
    har(): Har {
      return {
        log: { version: '1.2', creator: { name: 'contactkit test', version: '0' }, entries: structuredClone(entries) },
      }
    },
  }
}
