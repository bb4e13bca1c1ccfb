import { describe, expect, it } from 'vitest'
import { readHar } from './har.js'

const entry = (extra: object = {}) => ({
  startedDateTime: '2020-07-10T22:29:08.000Z',
  request: {
    method: 'post',
    url: 'https://bucket.s3.amazonaws.com/',
    headers: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=x' }],
    postData: { mimeType: 'multipart/form-data; boundary=x', text: btoa('\u00ff\u0000'), _encoding: 'base64' },
  },
  response: { status: 204, headers: [{ name: 'ETag', value: '"e"' }], content: { size: 0, mimeType: '' } },
  ...extra,
})

describe('readHar', () => {
  it('reads bodies as bytes (base64 when marked), lower-cases header names, and marks cut bodies', () => {
    const [exchange] = readHar(
      {
        log: {
          entries: [
            entry({
              response: {
                status: 200,
                headers: [],
                content: { mimeType: 'application/json', text: '{"a":', comment: 'cut: the first 5 of 900 bytes' },
              },
            }),
          ],
        },
      },
      'x.har',
    )
    expect(exchange?.method).toBe('POST')
    expect([...(exchange?.requestBody?.bytes ?? [])]).toEqual([255, 0])
    expect(exchange?.requestHeaders).toEqual([['content-type', 'multipart/form-data; boundary=x']])
    expect(exchange?.responseBody?.truncated).toBe(true)
  })

  it("leaves out the proxy's own answers for an unreachable upstream", () => {
    const exchanges = readHar(
      { log: { entries: [entry({ _contactkit: { upstreamError: 'ECONNREFUSED' } }), entry()] } },
      'x.har',
    )
    expect(exchanges.map((exchange) => exchange.source)).toEqual(['x.har#2'])
  })

  it.each([
    [null, 'x.har is not a HAR file: it has no "log" object.'],
    [{ log: {} }, 'x.har is not a HAR file: its log has no "entries" list.'],
    [
      { log: { entries: [{ request: { method: 'GET', url: '/relative' }, response: { status: 200 } }] } },
      'x.har#1 is not a HAR entry: its request needs a method and an absolute url.',
    ],
    [
      {
        log: {
          entries: [
            { startedDateTime: 'soon', request: { method: 'GET', url: 'https://a.b/' }, response: { status: 200 } },
          ],
        },
      },
      'x.har#1 has no valid startedDateTime; HAR needs an ISO 8601 time there.',
    ],
  ])('refuses %j', (document, message) => {
    expect(() => readHar(document, 'x.har')).toThrow(message)
  })
})
