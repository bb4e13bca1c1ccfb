import { describe, expect, it } from 'vitest'
import { sandboxApp } from './tenants.js'
import { aurinkoHarness } from './testing/harness.js'

const basic = (clientId: string, secret: string) => `Basic ${btoa(`${clientId}:${secret}`)}`
const appAuth = basic(sandboxApp.clientId, sandboxApp.clientSecret)

describe('a refused call says what to send instead', () => {
  it.each([
    [
      'no credentials',
      {},
      'send "Authorization: Bearer <account access token>", or Basic client credentials with X-Aurinko-Account-Id',
    ],
    [
      'an unknown token',
      { Authorization: 'Bearer nope' },
      'the Bearer token is not the access token of any account; sign the account in again',
    ],
    [
      'a token with another account’s id',
      { Authorization: 'Bearer aurinko-sandbox-token', 'X-Aurinko-Account-Id': '1002' },
      "X-Aurinko-Account-Id names another account than the token's; leave it out with a Bearer token",
    ],
    [
      'a scheme it does not take',
      { Authorization: 'Digest x' },
      'the Authorization header is neither Bearer <token> nor Basic <clientId:clientSecret>',
    ],
    [
      'Basic with a wrong secret',
      { Authorization: basic(sandboxApp.clientId, 'wrong'), 'X-Aurinko-Account-Id': '1001' },
      'the client id and secret match no application',
    ],
    [
      'Basic of an unknown app',
      { Authorization: basic('nobody', sandboxApp.clientSecret), 'X-Aurinko-Account-Id': '1001' },
      'the client id and secret match no application',
    ],
    [
      'Basic without the account id',
      { Authorization: appAuth },
      'with Basic client credentials, name the account in X-Aurinko-Account-Id (its numeric id)',
    ],
    [
      'Basic with an account id that is not a number',
      { Authorization: appAuth, 'X-Aurinko-Account-Id': '10o1' },
      'with Basic client credentials, name the account in X-Aurinko-Account-Id (its numeric id)',
    ],
    [
      'Basic with an account id that ends in a number',
      { Authorization: appAuth, 'X-Aurinko-Account-Id': 'x1001' },
      'with Basic client credentials, name the account in X-Aurinko-Account-Id (its numeric id)',
    ],
    [
      'Basic with an account id that begins with a number',
      { Authorization: appAuth, 'X-Aurinko-Account-Id': '1001x' },
      'with Basic client credentials, name the account in X-Aurinko-Account-Id (its numeric id)',
    ],
    [
      'Basic naming an unknown account',
      { Authorization: appAuth, 'X-Aurinko-Account-Id': ' 999 ' },
      `application ${sandboxApp.clientId} has no account 999`,
    ],
  ])('%s', async (_what, headers, why) => {
    const { call } = aurinkoHarness()
    const answer = await call('GET', '/v1/contacts', { token: null, headers })
    expect(answer.status).toBe(401)
    expect(answer.body).toEqual({
      code: 'unauthorized',
      message: `Not authorized: ${why}.`,
      requestId: answer.headers.get('X-Request-Id'),
    })
  })

  it('says a revoked token was revoked, whichever way the account is reached', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({ accounts: [{ accountId: 3001, accessToken: 'revoked', tokenDead: true }] })
    for (const headers of [
      { Authorization: 'Bearer revoked' } as Record<string, string>,
      { Authorization: appAuth, 'X-Aurinko-Account-Id': '3001' },
    ]) {
      const answer = await call('GET', '/v1/contacts', { token: null, headers })
      expect(answer.status).toBe(401)
      expect(answer.body).toMatchObject({
        code: 'token.dead',
        message: 'Not authorized: the account token was revoked; sign the account in again.',
      })
    }
  })

  it('takes an account id with spaces around it, with Basic or beside its own Bearer token', async () => {
    const { call } = aurinkoHarness()
    for (const headers of [
      { Authorization: appAuth, 'X-Aurinko-Account-Id': ' 1002 ' },
      { Authorization: 'Bearer aurinko-second-token', 'X-Aurinko-Account-Id': ' 1002 ' },
    ]) {
      const answer = await call('GET', '/v1/contacts', { token: null, headers })
      expect(answer.status).toBe(200)
      expect(answer.body.records).toHaveLength(5)
    }
  })

  it('takes an account seeded without an app as the sandbox app’s', async () => {
    const { sim, call } = aurinkoHarness()
    sim.seed({ accounts: [{ accountId: 3001, accessToken: 'no-app', contacts: 1 }] })
    const answer = await call('GET', '/v1/contacts', {
      token: null,
      headers: { Authorization: appAuth, 'X-Aurinko-Account-Id': '3001' },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.records).toHaveLength(1)
  })
})
