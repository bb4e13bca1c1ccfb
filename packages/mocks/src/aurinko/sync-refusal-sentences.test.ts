import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'

const restart = 'start a new sync with POST /v1/contacts/sync.'

describe('a sync call refused says which token and why, in full', () => {
  it('asks for a token when given neither', async () => {
    const { call } = aurinkoHarness()
    for (const scope of ['updated', 'deleted']) {
      const answer = await call('GET', `/v1/contacts/sync/${scope}`)
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({
        code: 'badRequest',
        message: 'Send deltaToken (a start token or the last nextDeltaToken) or pageToken (the last nextPageToken).',
      })
    }
  })

  it('refuses a bad delta token even beside a good page token', async () => {
    const { call, startSync } = aurinkoHarness({ sync: { pageSize: 10 } })
    const start = await startSync()
    const { nextPageToken } = (await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)).body
    const answer = await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.deleted}&pageToken=${nextPageToken}`)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      code: 'token.notValid',
      message: `Delta token is invalid: it is a delta token of sync/deleted, not a delta token of sync/updated; ${restart}`,
    })
  })

  it('names the use and scope of a token sent where it does not belong', async () => {
    const { call, startSync } = aurinkoHarness({ sync: { pageSize: 10 } })
    const start = await startSync()
    const { nextPageToken } = (await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)).body
    const cases: [string, string][] = [
      [
        `/v1/contacts/sync/updated?deltaToken=${nextPageToken}`,
        `Delta token is invalid: it is a page token of sync/updated, not a delta token of sync/updated; ${restart}`,
      ],
      [
        `/v1/contacts?pageToken=${nextPageToken}`,
        `Page token is invalid: it is a page token of sync/updated, not a page token of the contact list; ${restart}`,
      ],
      [
        `/v1/contacts/sync/deleted?pageToken=${start.deleted}`,
        `Page token is invalid: it is a delta token of sync/deleted, not a page token of sync/deleted; ${restart}`,
      ],
    ]
    for (const [path, message] of cases) {
      const answer = await call('GET', path)
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({ code: 'token.notValid', message })
    }
  })

  it('names another account’s token as such', async () => {
    const { call, startSync } = aurinkoHarness()
    const start = await startSync()
    const answer = await call('GET', `/v1/contacts/sync/deleted?deltaToken=${start.deleted}`, {
      token: 'aurinko-second-token',
    })
    expect(answer.body).toMatchObject({
      code: 'token.notValid',
      message: `Delta token is invalid: it was issued to another account; ${restart}`,
    })
  })

  it('says when an expired token stopped working, on the simulator clock', async () => {
    const { sim, call, startSync } = aurinkoHarness({ sync: { tokenLifetimeMs: 90_000 } })
    const start = await startSync()
    sim.clock.advance(90_000)
    const answer = await call('GET', `/v1/contacts/sync/updated?deltaToken=${start.updated}`)
    expect(answer.status).toBe(410)
    expect(answer.body).toMatchObject({
      code: 'syncToken.expired',
      message: `syncToken expired. It expired at 2026-01-01T00:01:30Z; ${restart}`,
    })
  })
})
