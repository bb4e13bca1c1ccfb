import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

/** A POST of raw bytes: unlike a string, bytes carry no Content-Type at all. */
async function postUnlabelled(text: string) {
  const { sim } = aurinkoHarness()
  const response = await sim.app.request('/v1/contacts', {
    method: 'POST',
    headers: { Authorization: 'Bearer aurinko-sandbox-token' },
    body: new TextEncoder().encode(text),
  })
  return { status: response.status, requestId: response.headers.get('X-Request-Id'), body: await response.json() }
}

describe('a body sent without a Content-Type', () => {
  it('is read as JSON, whatever it begins with', async () => {
    const answer = await postUnlabelled('  {"nickName":"Sam"}')
    expect(answer.status).toBe(201)
    expect(answer.body.record.nickName).toBe('Sam')
  })

  it('is held to the contact schema as JSON: a JSON string is a 400 saying the body must be an object', async () => {
    const answer = await postUnlabelled('"Sam"')
    expect(answer).toEqual({
      status: 400,
      requestId: expect.any(String),
      body: {
        code: 'badRequest',
        message: 'The request is not valid: body must be object. Fix it and send it again.',
        requestId: answer.requestId,
      },
    })
  })

  it('is a 400 that says it is not JSON when it is not, never a 415 asking for a media type', async () => {
    const answer = await postUnlabelled('nickName=Sam')
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      code: 'badRequest',
      message: expect.stringMatching(/^The request is not valid: the body is not valid JSON \(/),
      requestId: answer.requestId,
    })
  })
})
