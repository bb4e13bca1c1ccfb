import { describe, expect, it } from 'vitest'
import { omnigageHarness, sandboxToken } from './testing/harness.js'

const body = '{"name":"a.csv","type":"text/csv","size":10}'

/** POST /api/v1/uploads with this body and Content-Type (none when undefined). */
async function postUpload(content: string, contentType: string | undefined) {
  const { sim } = omnigageHarness()
  const headers: Record<string, string> = { Authorization: `Basic ${btoa(sandboxToken)}` }
  if (contentType !== undefined) {
    headers['Content-Type'] = contentType
  }
  // Bytes, so that nothing adds a Content-Type of its own.
  const response = await sim.app.request('/api/v1/uploads', {
    method: 'POST',
    headers,
    body: new TextEncoder().encode(content),
  })
  return { status: response.status, body: await response.json() }
}

describe('POST /api/v1/uploads bodies', () => {
  it.each([
    ['application/json', 'application/json'],
    ['a JSON media type of its own', 'application/vnd.api+json'],
    ['no media type', undefined],
  ])('reads JSON sent as %s', async (_what, contentType) => {
    const answer = await postUpload(body, contentType)
    expect(answer.status).toBe(201)
    expect(answer.body.data.type).toBe('uploads')
  })

  it('reads single-quoted JSON5 sent as a JSON media type of its own', async () => {
    const answer = await postUpload("{'name': 'a.csv', 'type': 'text/csv', 'size': 10}", 'application/vnd.api+json')
    expect(answer.status).toBe(201)
  })

  it('refuses a body sent as text with 415, in the vendor format', async () => {
    expect(await postUpload(body, 'text/plain')).toEqual({
      status: 415,
      body: {
        errors: [
          { detail: 'The body must be sent as application/json, not text/plain. Send the body as JSON.', code: 415 },
        ],
      },
    })
  })

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
  ])('calls a body that is %s missing', async (_what, content) => {
    for (const contentType of ['application/json', undefined]) {
      expect(await postUpload(content, contentType)).toEqual({
        status: 400,
        body: {
          errors: [
            { detail: 'The request is not valid: the request body is required. Fix it and send it again.', code: 100 },
          ],
        },
      })
    }
  })

  it('says what to send for a body that is neither JSON nor JSON5', async () => {
    expect(await postUpload('name=a', 'application/json')).toEqual({
      status: 400,
      body: {
        errors: [
          {
            detail: 'The body is not JSON: send {"name": …, "type": …, "size": …} (single quotes are accepted too).',
            code: 100,
          },
        ],
      },
    })
  })
})
