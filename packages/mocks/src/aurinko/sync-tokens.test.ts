import { describe, expect, it } from 'vitest'
import { SyncTokens, type TokenClaims } from './sync-tokens.js'
import { aurinkoHarness } from './testing/harness.js'

const claims: TokenClaims = {
  use: 'delta',
  scope: 'updated',
  account: 7,
  full: true,
  cursor: 0,
  end: 0,
  upTo: 0,
  expiresAt: 1_000,
}

describe('SyncTokens', () => {
  it('reads back what it issued, and nothing else', async () => {
    const tokens = new SyncTokens()
    const token = await tokens.issue(claims)
    expect(await tokens.read(token)).toEqual(claims)
    expect(await new SyncTokens().read(token)).toBeUndefined()
    for (const garbage of ['', 'abc', `${token}.x`, token.replace('.', ''), 'a'.repeat(600)]) {
      expect(await tokens.read(garbage)).toBeUndefined()
    }
  })

  it('refuses any changed character, in the claims or the signature', async () => {
    const tokens = new SyncTokens('fixed')
    const token = await tokens.issue(claims)
    for (let index = 0; index < token.length; index++) {
      const char = token[index] === 'A' ? 'B' : 'A'
      const altered = token.slice(0, index) + char + token.slice(index + 1)
      expect(await tokens.read(altered)).toBeUndefined()
    }
  })

  it('issues the same token for the same claims under the same secret', async () => {
    expect(await new SyncTokens('s').issue(claims)).toBe(await new SyncTokens('s').issue(claims))
  })
})

describe('tokens over HTTP', () => {
  it('answers a garbage or altered token with 400 token.notValid', async () => {
    const { call, startSync } = aurinkoHarness()
    const start = await startSync()
    const altered = `${start.updated.slice(0, 5)}${start.updated[5] === 'x' ? 'y' : 'x'}${start.updated.slice(6)}`
    for (const query of ['deltaToken=garbage', `deltaToken=${altered}`, 'pageToken=garbage']) {
      const answer = await call('GET', `/v1/contacts/sync/updated?${query}`)
      expect(answer.status).toBe(400)
      expect(answer.conformance).toEqual([])
      expect(answer.body.code).toBe('token.notValid')
    }
    const page = await call('GET', '/v1/contacts/sync/deleted?pageToken=garbage')
    expect(page.body.message).toMatch(/^Page token is invalid/)
  })

  it('answers an empty token with 400 token.notValid, as any token it cannot use, not badRequest', async () => {
    const { call, startSync } = aurinkoHarness()
    const start = await startSync()
    for (const [path, message] of [
      ['/v1/contacts/sync/updated?deltaToken=', /^Delta token is invalid: it is empty; start a new sync/],
      ['/v1/contacts/sync/deleted?deltaToken=', /^Delta token is invalid: it is empty/],
      ['/v1/contacts/sync/updated?pageToken=', /^Page token is invalid: it is empty/],
      [`/v1/contacts/sync/updated?deltaToken=${start.updated}&pageToken=`, /^Page token is invalid: it is empty/],
      ['/v1/contacts?pageToken=', /^Page token is invalid: it is empty/],
    ] as const) {
      const answer = await call('GET', path)
      expect(answer.status).toBe(400)
      expect(answer.conformance).toEqual([])
      expect(answer.body).toMatchObject({ code: 'token.notValid', requestId: answer.headers.get('X-Request-Id') })
      expect(answer.body.message).toMatch(message)
    }
  })

  it('refuses a token another simulator signed, even with the same claims', async () => {
    const one = aurinkoHarness()
    const other = aurinkoHarness()
    const foreign = (await other.startSync()).updated
    expect((await one.call('GET', `/v1/contacts/sync/updated?deltaToken=${foreign}`)).body.code).toBe('token.notValid')
  })

  it('binds a token to its account: another account’s token is not valid', async () => {
    const { call, startSync } = aurinkoHarness()
    const mine = await startSync()
    const theirs = await call('GET', `/v1/contacts/sync/updated?deltaToken=${mine.updated}`, {
      token: 'aurinko-second-token',
    })
    expect(theirs.status).toBe(400)
    expect(theirs.body.message).toContain('another account')
  })

  it('binds a token to its scope and use', async () => {
    const { call, startSync } = aurinkoHarness({ sync: { pageSize: 5 } })
    const start = await startSync()
    const wrongScope = await call('GET', `/v1/contacts/sync/deleted?deltaToken=${start.updated}`)
    expect(wrongScope.body).toMatchObject({ code: 'token.notValid' })
    const page = (await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)).body.nextPageToken
    expect((await call('GET', `/v1/contacts/sync/updated?deltaToken=${page}`)).status).toBe(400)
    expect((await call('GET', `/v1/contacts?pageToken=${page}`)).status).toBe(400)
    const listPage = (await call('GET', '/v1/contacts?limit=5')).body.nextPageToken
    expect((await call('GET', `/v1/contacts/sync/updated?pageToken=${listPage}`)).status).toBe(400)
  })

  it('answers an expired token with 410 syncToken.expired, on the simulator clock', async () => {
    const { sim, call, startSync } = aurinkoHarness({ sync: { tokenLifetimeMs: 60_000 } })
    const start = await startSync()
    sim.clock.advance(59_999)
    expect((await call('GET', `/v1/contacts/sync/deleted?deltaToken=${start.deleted}`)).status).toBe(200)
    sim.clock.advance(1)
    const expired = await call('GET', `/v1/contacts/sync/deleted?deltaToken=${start.deleted}`)
    expect(expired.status).toBe(410)
    expect(expired.conformance).toEqual([])
    expect(expired.body).toMatchObject({ code: 'syncToken.expired', requestId: expired.headers.get('X-Request-Id') })
    expect(expired.body.message).toMatch(/^syncToken expired\./)
  })

  it('refuses tokens issued before a reset', async () => {
    const { sim, call, startSync } = aurinkoHarness()
    const start = await startSync()
    sim.reset()
    expect((await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)).body.code).toBe(
      'token.notValid',
    )
  })
})
