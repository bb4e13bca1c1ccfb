import { describe, expect, it } from 'vitest'
import { type Answer, aurinkoHarness, type CallOptions } from './testing/harness.js'

const json = { 'Content-Type': 'application/json' }

describe('bad input gets the vendor body and status, and changes nothing', () => {
  const cases: [string, string, string, CallOptions, number, RegExp][] = [
    ['malformed JSON', 'POST', '/v1/contacts', { body: '{"name":', headers: json }, 400, /not valid JSON/],
    ['a JSON array', 'POST', '/v1/contacts', { body: [] }, 400, /body must be object/],
    ['JSON null', 'POST', '/v1/contacts', { body: 'null', headers: json }, 400, /body is required/],
    ['no body', 'POST', '/v1/contacts', {}, 400, /body is required/],
    [
      'a name that is not text',
      'POST',
      '/v1/contacts',
      { body: { name: { familyName: 5 } } },
      400,
      /body\.name\.familyName must be string/,
    ],
    [
      'a list that is not a list',
      'POST',
      '/v1/contacts',
      { body: { emailAddresses: 'a@b.c' } },
      400,
      /body\.emailAddresses must be array/,
    ],
    [
      'keywords that are not text',
      'POST',
      '/v1/contacts',
      { body: { keywords: [1] } },
      400,
      /body\.keywords\.0 must be string/,
    ],
    [
      'an unknown phone type',
      'POST',
      '/v1/contacts',
      { body: { phoneNumbers: [{ number: '1', type: 'fax' }] } },
      400,
      /phoneNumbers\.0\.type must be one of: work, home/,
    ],
    [
      'an unknown address type',
      'POST',
      '/v1/contacts',
      { body: { addresses: [{ type: 'office' }] } },
      400,
      /must be one of: work, home, other/,
    ],
    [
      'an unknown url type',
      'POST',
      '/v1/contacts',
      { body: { urls: [{ href: 'x', type: 'website' }] } },
      400,
      /must be one of/,
    ],
    [
      'an unknown relation type',
      'POST',
      '/v1/contacts',
      { body: { relations: [{ name: 'x', type: 'friend' }] } },
      400,
      /manager, assistant, spouse/,
    ],
    [
      'native properties that are not text',
      'POST',
      '/v1/contacts',
      { body: { nativeProperties: { a: 1 } } },
      400,
      /must be string/,
    ],
    [
      'text that is not JSON',
      'POST',
      '/v1/contacts',
      { body: 'name=Sam', headers: { 'Content-Type': 'text/plain' } },
      415,
      /application\/json/,
    ],
    ['a body where none is taken', 'POST', '/v1/contacts/sync', { body: { a: 1 } }, 415, /takes no request body/],
    [
      'a bad PATCH body',
      'PATCH',
      '/v1/contacts/FIRST',
      { body: { phoneNumbers: [{ type: 'Home' }] } },
      400,
      /must be one of/,
    ],
    [
      'an empty If-Match',
      'PATCH',
      '/v1/contacts/FIRST',
      { body: { notes: 'x' }, headers: { 'If-Match': '' } },
      400,
      /if-match must NOT have fewer than 1 characters/,
    ],
    [
      'a stale If-Match',
      'PATCH',
      '/v1/contacts/FIRST',
      { body: { notes: 'x' }, headers: { 'If-Match': 'stale' } },
      412,
      /changed since it was read/,
    ],
    ['a limit out of range', 'GET', '/v1/contacts?limit=0', {}, 400, /query\.limit must be >= 1/],
    ['a limit that is not a number', 'GET', '/v1/contacts?limit=ten', {}, 400, /limit must be integer/],
    [
      'awaitReady that is not a boolean',
      'POST',
      '/v1/contacts/sync?awaitReady=maybe',
      {},
      400,
      /awaitReady must be boolean/,
    ],
    ['a bodyType it does not know', 'GET', '/v1/contacts/FIRST?bodyType=rtf', {}, 400, /html, text/],
    ['an id of nothing', 'DELETE', '/v1/contacts/c0_0', {}, 404, /Contact not found/],
    ['an unknown path', 'GET', '/v1/contacts/sync/everything', {}, 404, /There is no GET/],
    [
      'a forged delta token',
      'GET',
      '/v1/contacts/sync/updated?deltaToken=eyJmb3JnZWQiOnRydWV9.AAAA',
      {},
      400,
      /Delta token is invalid/,
    ],
    [
      'an oversized token',
      'GET',
      `/v1/contacts/sync/updated?pageToken=${'a'.repeat(5000)}`,
      {},
      400,
      /Page token is invalid/,
    ],
  ]

  it.each(cases)('%s: %s %s', async (_name, method, path, options, status, message) => {
    const { call, sim } = aurinkoHarness()
    const first = (await call('GET', '/v1/contacts?limit=1')).body.records[0]
    const before = JSON.stringify([sim.inspect(), (await call('GET', '/v1/contacts?limit=1000')).body])
    const answer: Answer = await call(method, path.replace('FIRST', first.id), options)
    expect(answer.status).toBe(status)
    expect(answer.conformance).toEqual([])
    expect(answer.body).toMatchObject({ code: expect.any(String), requestId: answer.headers.get('X-Request-Id') })
    expect(answer.body.message).toMatch(message)
    expect(JSON.stringify([sim.inspect(), (await call('GET', '/v1/contacts?limit=1000')).body])).toBe(before)
  })

  it('refuses a body over the limit with 413, for create and PATCH alike', async () => {
    const { call, sim } = aurinkoHarness({ bodyLimitBytes: 10_000 })
    const first = (await call('GET', '/v1/contacts?limit=1')).body.records[0]
    const notes = 'x'.repeat(20_000)
    const created = await call('POST', '/v1/contacts', { body: { notes } })
    expect(created.status).toBe(413)
    expect(created.conformance).toEqual([])
    expect(created.body.code).toBe('payloadTooLarge')
    const patched = await call('PATCH', `/v1/contacts/${first.id}`, { body: { notes } })
    expect(patched.status).toBe(413)
    expect((await call('GET', `/v1/contacts/${first.id}`)).body.etag).toBe(first.etag)
    expect(sim.inspect()).toMatchObject({
      accounts: [
        { contacts: 25, changes: 0 },
        { contacts: 5, changes: 0 },
      ],
    })
  })

  it('refuses a body nested thousands deep with 400, for create and PATCH alike, without failing on it', async () => {
    const { call, sim } = aurinkoHarness()
    const first = (await call('GET', '/v1/contacts?limit=1')).body.records[0]
    const before = JSON.stringify([sim.inspect(), (await call('GET', '/v1/contacts?limit=1000')).body])
    const arrays = `${'['.repeat(5000)}${']'.repeat(5000)}`
    const objects = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
    // Under a name the schema does not know, which a create would otherwise drop and save.
    const bodies = [
      arrays,
      `{"nickName":"deep","x":${arrays}}`,
      `{"name":${objects}}`,
      `{"nativeProperties":${objects}}`,
    ]
    for (const body of bodies) {
      for (const [method, path] of [
        ['POST', '/v1/contacts'],
        ['PATCH', `/v1/contacts/${first.id}`],
      ] as const) {
        const answer = await call(method, path, { body, headers: json })
        expect(answer.status).toBe(400)
        expect(answer.conformance).toEqual([])
        expect(answer.body).toEqual({
          code: 'badRequest',
          message: expect.stringMatching(/nested more than \d+ levels deep/),
          requestId: answer.headers.get('X-Request-Id'),
        })
      }
    }
    expect(JSON.stringify([sim.inspect(), (await call('GET', '/v1/contacts?limit=1000')).body])).toBe(before)
  })

  it('refuses a seed nested thousands deep with 400, in an account or a provider edit', async () => {
    const { call, sim } = aurinkoHarness()
    const first = (await call('GET', '/v1/contacts?limit=1')).body.records[0]
    const before = JSON.stringify([sim.inspect(), (await call('GET', '/v1/contacts?limit=1000')).body])
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    for (const body of [
      deep,
      `{"accounts":[{"accountId":5001,"accessToken":"deep","contacts":[{"nickName":"a","x":${deep}}]}]}`,
      `{"providerEdits":[{"accountId":1001,"create":[{"nickName":"a","x":${deep}}]}]}`,
      `{"providerEdits":[{"accountId":1001,"update":[{"id":"${first.id}","notes":${deep}}]}]}`,
    ]) {
      const answer = await call('POST', '/__admin/state', { body, headers: json })
      expect(answer.status).toBe(400)
      expect(answer.body.error.message).toMatch(/^Failed to seed the Aurinko simulator: .+\.$/)
    }
    expect(JSON.stringify([sim.inspect(), (await call('GET', '/v1/contacts?limit=1000')).body])).toBe(before)
  })

  it('applies a seed whole or not at all', async () => {
    const { call, sim } = aurinkoHarness()
    const before = JSON.stringify(sim.inspect())
    const first = (await call('GET', '/v1/contacts?limit=1')).body.records[0]
    const bad = [
      { accounts: [{ accountId: 5001, accessToken: 'ok' }, { accountId: 5002 }] },
      { accounts: [{ accountId: 5001, accessToken: 'ok', contacts: [{ phoneNumbers: [{ type: 'fax' }] }] }] },
      { accounts: [{ accountId: 1001, accessToken: 'taken-id' }] },
      { accounts: [{ accountId: 5001, accessToken: 'ok', contacts: 2_000_000 }] },
      { accounts: [{ accountId: 5001, accessToken: 'ok', surprise: true }] },
      { providerEdits: [{ accountId: 1001, create: [{ nickName: 'a' }], delete: [first.id, 'missing'] }] },
      { providerEdits: [{ accountId: 1001, update: [{ id: first.id, urls: [{ type: 'nope' }] }] }] },
      { providerEdits: [{ accountId: 1001, delete: [first.id, first.id] }] },
      { providerEdits: [{ accountId: 1002, delete: [first.id] }] },
      { unknown: [] },
    ]
    for (const seed of bad) {
      const answer = await call('POST', '/__admin/state', { body: seed })
      expect(answer.status).toBe(400)
      expect(answer.body.error.message).toMatch(/^Failed to seed the Aurinko simulator: .+\.$/)
    }
    expect(JSON.stringify(sim.inspect())).toBe(before)
  })
})
