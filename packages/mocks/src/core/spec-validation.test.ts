import type { OpenApiDocument } from '@contactkit/specs'
import { type Context, Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  type Invalid,
  type RequestDescription,
  refuseJsonRequest,
  type SpecValidationEnv,
  specCheck,
} from './spec-validation.js'
import { toyError } from './testing/toy-vendor.js'

const ok = { '200': { description: 'ok' } }

/**
 * Contacts behind an account key (declared once, by `$ref`; for one contact on the path item), an
 * optional trace header, and a CSV upload.
 */
const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Contacts', version: '1' },
  components: {
    parameters: {
      AccountKey: { name: 'X-Account-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^key-' } },
    },
  },
  paths: {
    '/contacts': {
      get: {
        operationId: 'listContacts',
        parameters: [
          { $ref: '#/components/parameters/AccountKey' },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10 } },
        ],
        responses: ok,
      },
      post: {
        operationId: 'createContact',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            },
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } },
            },
          },
        },
        responses: ok,
      },
    },
    '/contacts/{id}': {
      // Declared on the path item: every operation under it takes them.
      parameters: [
        { $ref: '#/components/parameters/AccountKey' },
        { name: 'id', in: 'path', schema: { type: 'integer' } },
      ],
      get: { operationId: 'getContact', responses: ok },
    },
    '/uploads': {
      post: {
        operationId: 'upload',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', pattern: '\\.csv$' },
                  note: { type: 'string' },
                  parts: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        responses: ok,
      },
    },
  },
}

// Files come back as {"file": name}: what the handler was handed, in JSON.
const showFiles = (_key: string, value: unknown) => (value instanceof File ? { file: value.name } : value)

/** A vendor that runs the check in its one handler and answers with what the handler was handed. */
function contactsVendor(
  options: { describe?: (c: Context<SpecValidationEnv>) => RequestDescription; badRequestCode?: string } = {},
) {
  const refused: Invalid[] = []
  const check = specCheck<SpecValidationEnv>(document, {
    describe: options.describe,
    onInvalid: (c, invalid) => {
      refused.push(invalid)
      return refuseJsonRequest(c, invalid, toyError, options.badRequestCode)
    },
  })
  const app = new Hono<SpecValidationEnv>()
  app.all('*', async (c) => {
    const refusal = await check(c)
    if (refusal) {
      return refusal
    }
    return c.body(JSON.stringify(c.var.request, showFiles), 200, { 'Content-Type': 'application/json' })
  })
  return { app, refused }
}

async function toyErrorOf(response: Response) {
  return ((await response.json()) as { toyError: { status: number; message: string; code: string } }).toyError
}

const key = { 'X-Account-Key': 'key-1' }

describe('requests no operation takes', () => {
  it('answers a path or method the spec does not have with a 404 naming both', async () => {
    const { app, refused } = contactsVendor()
    const nowhere = await app.request('/nowhere')
    expect(nowhere.status).toBe(404)
    expect(await toyErrorOf(nowhere)).toMatchObject({
      status: 404,
      message: 'There is no GET /nowhere; check the path against the API reference.',
    })
    const deleted = await app.request('/contacts', { method: 'DELETE' })
    expect((await toyErrorOf(deleted)).message).toBe(
      'There is no DELETE /contacts; check the path against the API reference.',
    )
    expect(refused[0]).toEqual({
      status: 404,
      problems: [],
      message: 'There is no GET /nowhere; check the path against the API reference.',
    })
  })
})

describe('parameters of the path item', () => {
  it("checks them as the operation's own: the declared header is required, the path parameter coerced", async () => {
    const { app } = contactsVendor()
    const withoutKey = await app.request('/contacts/7')
    expect(withoutKey.status).toBe(400)
    expect((await toyErrorOf(withoutKey)).message).toBe(
      'The request is not valid: header.x-account-key is required. Fix it and send it again.',
    )
    const withKey = await app.request('/contacts/7', { headers: key })
    expect(withKey.status).toBe(200)
    expect(await withKey.json()).toMatchObject({ path: { id: 7 }, headers: { 'x-account-key': 'key-1' } })
  })
})

describe('refused requests in the vendor format', () => {
  it('names every field by where it is in one sentence, with the vendor code for a 400', async () => {
    const { app, refused } = contactsVendor({ badRequestCode: 'contacts.invalid' })
    const response = await app.request('/contacts?limit=11')
    expect(response.status).toBe(400)
    expect(await toyErrorOf(response)).toMatchObject({
      message:
        'The request is not valid: query.limit must be <= 10; header.x-account-key is required. Fix it and send it again.',
      code: 'contacts.invalid',
    })
    expect(refused[0]?.message).toBe('limit must be <= 10; x-account-key is required.')
  })

  it('leaves the code of a 400 to the vendor when none is given', async () => {
    const { app } = contactsVendor()
    const response = await app.request('/contacts?limit=11', { headers: key })
    expect((await toyErrorOf(response)).code).toBe('http.400')
  })

  it('answers a body that is not JSON with a 400 that says so once', async () => {
    const { app, refused } = contactsVendor()
    const response = await app.request('/contacts', {
      method: 'POST',
      body: '{"name":',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(response.status).toBe(400)
    expect((await toyErrorOf(response)).message).toMatch(
      /^The request is not valid: the body is not valid JSON \(.+\)\. Fix it and send it again\.$/,
    )
    expect(refused[0]?.problems).toEqual([
      { location: 'body', message: expect.stringMatching(/^the body is not valid JSON/) },
    ])
  })

  it('answers a media type the operation does not take with a 415 asking for JSON', async () => {
    const { app, refused } = contactsVendor()
    const response = await app.request('/contacts', {
      method: 'POST',
      body: 'name=a',
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(response.status).toBe(415)
    expect((await toyErrorOf(response)).message).toBe(
      'The body must be sent as application/json or application/x-www-form-urlencoded, not text/plain. Send the body as JSON.',
    )
    expect(refused[0]).toMatchObject({
      status: 415,
      problems: [{ location: 'content-type', kind: 'unsupported-media-type' }],
    })
    expect(refused[0]?.problems).toHaveLength(1)
  })
})

describe('declared headers', () => {
  it('reads a header declared by $ref', async () => {
    const { app } = contactsVendor()
    const response = await app.request('/contacts', { headers: key })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ headers: { 'x-account-key': 'key-1' } })
  })

  it('checks the header of every request, not the answer an earlier one got', async () => {
    const { app } = contactsVendor()
    expect((await app.request('/contacts', { headers: key })).status).toBe(200)
    const wrong = await app.request('/contacts', { headers: { 'X-Account-Key': 'nope' } })
    expect(wrong.status).toBe(400)
    expect((await toyErrorOf(wrong)).message).toContain('header.x-account-key must match pattern')
    expect((await app.request('/contacts', { headers: key })).status).toBe(200)
  })

  it('tells apart the same value sent in one declared header or the other', async () => {
    const { app } = contactsVendor()
    expect((await app.request('/contacts', { headers: { 'X-Account-Key': 'key-1' } })).status).toBe(200)
    const inTrace = await app.request('/contacts', { headers: { 'X-Trace': 'key-1' } })
    expect(inTrace.status).toBe(400)
    expect((await toyErrorOf(inTrace)).message).toContain('header.x-account-key is required')
  })

  it('tells apart a header sent as the text "undefined" and a header not sent', async () => {
    const { app } = contactsVendor()
    const sent = await app.request('/contacts', { headers: { ...key, 'X-Trace': 'undefined' } })
    expect(((await sent.json()) as { headers: unknown }).headers).toEqual({
      'x-account-key': 'key-1',
      'x-trace': 'undefined',
    })
    const notSent = await app.request('/contacts', { headers: key })
    expect(((await notSent.json()) as { headers: unknown }).headers).toEqual({ 'x-account-key': 'key-1' })
  })
})

describe('the media type of a request without a body', () => {
  it('is the Content-Type sent, lower-cased without parameters, for each request', async () => {
    const { app } = contactsVendor()
    const csv = await app.request('/contacts', { headers: { ...key, 'Content-Type': 'Text/CSV; charset=utf-8' } })
    expect(await csv.json()).toMatchObject({ mediaType: 'text/csv' })
    const json = await app.request('/contacts', { headers: { ...key, 'Content-Type': 'application/json' } })
    expect(await json.json()).toMatchObject({ mediaType: 'application/json' })
  })
})

describe('bodies', () => {
  it('hands over a form body coerced to the schema types', async () => {
    const { app } = contactsVendor()
    const response = await app.request('/contacts', {
      method: 'POST',
      body: new URLSearchParams({ name: 'a', count: '2' }),
    })
    expect(await response.json()).toMatchObject({
      mediaType: 'application/x-www-form-urlencoded',
      body: { name: 'a', count: 2 },
    })
  })

  it('checks a file part by its name and hands over file parts whole, text parts as sent', async () => {
    const { app } = contactsVendor()
    const form = new FormData()
    form.set('file', new File(['a,b'], 'people.csv', { type: 'text/csv' }))
    form.append('parts', new File(['1'], 'one.csv'))
    form.append('parts', 'two')
    form.set('note', 'from the fair')
    const response = await app.request('/uploads', { method: 'POST', body: form })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      body: { file: { file: 'people.csv' }, parts: [{ file: 'one.csv' }, 'two'], note: 'from the fair' },
    })
    const both = new FormData()
    both.set('file', new File(['a,b'], 'people.csv'))
    both.append('parts', new File(['1'], 'one.csv'))
    both.append('parts', new File(['2'], 'two.csv'))
    expect(await (await app.request('/uploads', { method: 'POST', body: both })).json()).toMatchObject({
      body: { parts: [{ file: 'one.csv' }, { file: 'two.csv' }] },
    })
    const wrongName = new FormData()
    wrongName.set('file', new File(['a,b'], 'people.txt'))
    const refused = await app.request('/uploads', { method: 'POST', body: wrongName })
    expect(refused.status).toBe(400)
    expect((await toyErrorOf(refused)).message).toContain('body.file must match pattern')
  })
})

describe('a vendor that describes the request', () => {
  it("checks the description's headers rather than the request's", async () => {
    const { app } = contactsVendor({
      describe: (c) => ({
        method: 'GET',
        path: '/contacts',
        query: {},
        headers: { 'x-account-key': c.req.query('key') },
      }),
    })
    const response = await app.request('/contacts?key=key-9')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ headers: { 'x-account-key': 'key-9' } })
  })

  it("checks the body as the description's media type, not the request's Content-Type", async () => {
    // GET for POST: the parameters in the query are the body of a form.
    const { app } = contactsVendor({
      describe: (c) => ({
        method: 'POST',
        path: '/contacts',
        query: {},
        body: c.req.query(),
        mediaType: 'application/x-www-form-urlencoded',
      }),
    })
    const response = await app.request('/contacts?name=a&count=2', { headers: { 'Content-Type': 'application/json' } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      operationId: 'createContact',
      body: { name: 'a', count: 2 },
      mediaType: 'application/x-www-form-urlencoded',
    })
  })

  it('gives each description its own media type, even for the same operation and query', async () => {
    // A suffix picks the format: /contacts.csv and /contacts.json are both GET /contacts.
    const { app } = contactsVendor({
      describe: (c) => ({
        method: 'GET',
        path: '/contacts',
        query: {},
        mediaType: c.req.path.endsWith('.csv') ? 'text/csv' : 'application/json',
      }),
    })
    expect(await (await app.request('/contacts.csv', { headers: key })).json()).toMatchObject({ mediaType: 'text/csv' })
    expect(await (await app.request('/contacts.json', { headers: key })).json()).toMatchObject({
      mediaType: 'application/json',
    })
  })
})

describe('many distinct requests', () => {
  it('keeps answering each by its own parameters past a thousand distinct ones', async () => {
    const { app } = contactsVendor()
    for (let limit = 0; limit < 1100; limit++) {
      const response = await app.request(`/contacts?limit=${limit - 1090}`, { headers: key })
      expect(response.status).toBe(200)
    }
    expect((await app.request('/contacts?limit=-1090', { headers: key })).status).toBe(200)
    expect((await app.request('/contacts?limit=11', { headers: key })).status).toBe(400)
    expect(await (await app.request('/contacts?limit=-1', { headers: key })).json()).toMatchObject({
      query: { limit: -1 },
    })
  })
})
