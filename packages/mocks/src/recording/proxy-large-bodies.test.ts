import { afterEach, describe, expect, it } from 'vitest'
import { contactkitData } from './har-entry.js'
import { readHar, Started } from './testing/servers.js'
import type { Violation } from './violations.js'

// Request bodies larger than what a recording keeps (--max-body-bytes): a multipart form is still
// checked, its fields read as it streams past; any other body cannot be checked without holding it
// whole, so it passes unchecked and the recording says it was cut.

const started = new Started()
afterEach(() => started.closeAll())

const maxBodyBytes = 4 * 1024

/** An upstream that reads the whole request, then answers with no content. */
function readingUpstream() {
  return started.upstream(async (request, response) => {
    for await (const _chunk of request) {
      // read to the end, as S3 does with an accepted form
    }
    response.writeHead(204)
    response.end()
  })
}

const requestViolations = (response: Response): Violation[] =>
  (JSON.parse(response.headers.get('x-contactkit-violations') ?? '[]') as Violation[]).filter(
    (violation) => violation.in === 'request',
  )

/** An S3 form with a file of `fileBytes`, without the fields named in `leaveOut`. */
function s3Form(fileBytes: number, leaveOut: string[] = []): FormData {
  const form = new FormData()
  const fields = { key: 'uploads/contacts.csv', acl: 'private', AWSAccessKeyId: 'AKIAEXAMPLE', policy: 'e30=' }
  for (const [name, value] of Object.entries(fields)) {
    if (!leaveOut.includes(name)) {
      form.append(name, value)
    }
  }
  form.append('signature', 'c2lnbmF0dXJl')
  form.append('file', new File([new Uint8Array(fileBytes).fill(65)], 'contacts.csv', { type: 'text/csv' }))
  return form
}

describe('request bodies larger than the recording keeps', () => {
  it('checks the fields of a multipart form past the limit, read as it streams', async () => {
    const upstream = await readingUpstream()
    const proxy = await started.proxy('s3', upstream.url, { maxBodyBytes })
    const fileBytes = 256 * 1024

    const valid = await fetch(`${proxy.url}/contactkit-uploads`, { method: 'POST', body: s3Form(fileBytes) })
    expect(valid.status).toBe(204)
    expect(requestViolations(valid)).toEqual([])

    const keyless = await fetch(`${proxy.url}/contactkit-uploads`, {
      method: 'POST',
      body: s3Form(fileBytes, ['key']),
    })
    expect(keyless.status).toBe(204)
    const told = requestViolations(keyless)
    expect(told).toEqual([{ in: 'request', where: 'body.key', what: expect.stringMatching(/key/) }])
    await proxy.close()

    const entries = readHar(proxy.harPath).log.entries
    expect(entries.map((entry) => entry.request.postData?.comment)).toEqual([
      expect.stringMatching(new RegExp(`^cut: the first ${maxBodyBytes} of \\d+ bytes`)),
      expect.stringMatching(new RegExp(`^cut: the first ${maxBodyBytes} of \\d+ bytes`)),
    ])
    expect(entries.map((entry) => (contactkitData(entry).violations ?? []).filter((v) => v.in === 'request'))).toEqual([
      [],
      told,
    ])
  })

  it('names a large body that is not the multipart form its Content-Type says', async () => {
    const upstream = await readingUpstream()
    const proxy = await started.proxy('s3', upstream.url, { maxBodyBytes })
    const response = await fetch(`${proxy.url}/contactkit-uploads`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=expected' },
      body: `--other\r\nContent-Disposition: form-data; name="key"\r\n\r\n${'x'.repeat(2 * maxBodyBytes)}`,
    })
    expect(requestViolations(response)).toEqual([
      {
        in: 'request',
        where: 'body',
        what: 'the body is not valid multipart/form-data (the body ends before its closing boundary)',
      },
    ])
  })

  it('passes any other body over the limit unchecked, and checks it within the limit', async () => {
    const upstream = await readingUpstream()
    // A contact whose given name is a number: the spec wants a string.
    const contact = (padding: number) => JSON.stringify({ name: { givenName: 7 }, notes: 'n'.repeat(padding) })
    const send = async (proxyUrl: string, body: string) =>
      requestViolations(
        await fetch(`${proxyUrl}/v1/contacts`, {
          method: 'POST',
          headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
          body,
        }),
      )
    const proxy = await started.proxy('aurinko', upstream.url, { maxBodyBytes })
    expect(await send(proxy.url, contact(100))).toEqual([
      expect.objectContaining({ in: 'request', where: 'body.name.givenName' }),
    ])
    expect(await send(proxy.url, contact(2 * maxBodyBytes))).toEqual([])
    await proxy.close()
    const cut = readHar(proxy.harPath).log.entries[1]
    expect(cut?.request.postData?.comment).toMatch(new RegExp(`^cut: the first ${maxBodyBytes} of \\d+ bytes`))
  })
})
