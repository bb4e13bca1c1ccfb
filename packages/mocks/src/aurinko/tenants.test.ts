import { describe, expect, it } from 'vitest'
import { sandboxAccount, sandboxApp } from './tenants.js'
import { aurinkoHarness } from './testing/harness.js'

const basic = (clientId: string, secret: string) => `Basic ${btoa(`${clientId}:${secret}`)}`
const appAuth = basic(sandboxApp.clientId, sandboxApp.clientSecret)

describe('credentials', () => {
  it('takes the account token as Bearer, or the app’s Basic credentials with X-Aurinko-Account-Id', async () => {
    const { call } = aurinkoHarness()
    expect((await call('GET', '/v1/contacts')).body.records).toHaveLength(25)
    const viaApp = await call('GET', '/v1/contacts', {
      token: null,
      headers: { Authorization: appAuth, 'X-Aurinko-Account-Id': String(sandboxAccount.accountId) },
    })
    expect(viaApp.status).toBe(200)
    expect(viaApp.body.records).toHaveLength(25)
    const second = await call('GET', '/v1/contacts', {
      token: null,
      headers: { Authorization: appAuth, 'X-Aurinko-Account-Id': '1002' },
    })
    expect(second.body.records).toHaveLength(5)
  })

  it.each([
    ['no credentials', {}, 'unauthorized'],
    ['an unknown token', { Authorization: 'Bearer nope' }, 'unauthorized'],
    ['a scheme it does not take', { Authorization: 'Digest x' }, 'unauthorized'],
    ['Basic without the account id', { Authorization: appAuth }, 'unauthorized'],
    [
      'Basic with a wrong secret',
      { Authorization: basic(sandboxApp.clientId, 'wrong'), 'X-Aurinko-Account-Id': '1001' },
      'unauthorized',
    ],
    ['Basic naming an unknown account', { Authorization: appAuth, 'X-Aurinko-Account-Id': '999' }, 'unauthorized'],
    ['Basic with a malformed account id', { Authorization: appAuth, 'X-Aurinko-Account-Id': 'abc' }, 'unauthorized'],
    [
      'a token with another account’s id',
      { Authorization: 'Bearer aurinko-sandbox-token', 'X-Aurinko-Account-Id': '1002' },
      'unauthorized',
    ],
  ])('refuses %s with 401 and the vendor body', async (_name, headers, code) => {
    const { call } = aurinkoHarness()
    const answer = await call('GET', '/v1/contacts', { token: null, headers })
    expect(answer.status).toBe(401)
    expect(answer.conformance).toEqual([])
    expect(answer.body).toMatchObject({ code, requestId: answer.headers.get('X-Request-Id') })
    expect(answer.headers.get('WWW-Authenticate')).toBe('Bearer realm="Aurinko"')
  })

  it('answers a revoked token with 401 token.dead', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({ accounts: [{ accountId: 3001, accessToken: 'revoked', tokenDead: true }] })
    expect((await call('GET', '/v1/contacts', { token: 'revoked' })).body.code).toBe('token.dead')
  })

  it('reaches only the accounts of the app whose credentials are sent', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({
      apps: [{ clientId: 'other-app', clientSecret: 'other-secret' }],
      accounts: [{ accountId: 4001, accessToken: 'other-token', clientId: 'other-app', contacts: 2 }],
    })
    const other = basic('other-app', 'other-secret')
    const own = await call('GET', '/v1/contacts', {
      token: null,
      headers: { Authorization: other, 'X-Aurinko-Account-Id': '4001' },
    })
    expect(own.body.records).toHaveLength(2)
    const foreign = await call('GET', '/v1/contacts', {
      token: null,
      headers: { Authorization: other, 'X-Aurinko-Account-Id': '1001' },
    })
    expect(foreign.status).toBe(401)
  })
})

describe('account isolation', () => {
  it('never shows, changes or deletes another account’s contact: its id is a 404', async () => {
    const { call } = aurinkoHarness()
    const { id, etag } = (await call('POST', '/v1/contacts', { body: { nickName: 'mine' } })).body
    const other = { token: 'aurinko-second-token' }
    expect((await call('GET', `/v1/contacts/${id}`, other)).status).toBe(404)
    const patch = await call('PATCH', `/v1/contacts/${id}`, {
      ...other,
      body: { notes: 'x' },
      headers: { 'If-Match': etag },
    })
    expect(patch.status).toBe(404)
    expect((await call('DELETE', `/v1/contacts/${id}`, other)).status).toBe(404)
    expect((await call('GET', `/v1/contacts/${id}`)).body).toMatchObject({ nickName: 'mine', etag })
    const theirs = (await call('GET', '/v1/contacts', other)).body.records.map((record: { id: string }) => record.id)
    expect(theirs).not.toContain(id)
  })
})
