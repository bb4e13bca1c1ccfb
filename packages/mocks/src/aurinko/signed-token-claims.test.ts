import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'
import { signedToken } from './testing/signed-token.js'

// With `tokenSecret`, tokens repeat run to run, so a client may keep one across simulator
// versions or sign one itself. A token whose signature holds but whose claims are not the ones
// this version writes must be refused like any other token it cannot use, never crash the call.
const secret = 'kept across runs'
const later = 8_000_000_000_000

const signed = (json: string, encode?: (bytes: Buffer) => string) => signedToken(secret, json, encode)

// version, use (delta), scope (updated), account key (the sandbox account is the first), full,
// cursor, end, upTo, expiry.
const good = [1, 0, 0, 1, 1, 0, 0, 0, later]
const withField = (index: number, value: unknown) => good.map((field, at) => (at === index ? value : field))

async function updatedWith(token: string) {
  const { call } = aurinkoHarness({ tokenSecret: secret })
  return call('GET', `/v1/contacts/sync/updated?deltaToken=${encodeURIComponent(token)}`)
}

describe('a token signed with the simulator’s secret', () => {
  it('is read when its claims are the ones the simulator writes', async () => {
    const answer = await updatedWith(signed(JSON.stringify(good)))
    expect(answer.status).toBe(200)
    expect(answer.body.records).toHaveLength(25)
  })

  it.each([
    ['another version', JSON.stringify(withField(0, 2))],
    ['version 0', JSON.stringify(withField(0, 0))],
    ['a claim too few', JSON.stringify(good.slice(0, 8))],
    ['a claim too many', JSON.stringify([...good, 0])],
    ['a fraction', JSON.stringify(withField(5, 0.5))],
    ['a number as text', JSON.stringify(withField(5, '0'))],
    ['an object, not a list', JSON.stringify({ ...good })],
    ['a use it does not know', JSON.stringify(withField(1, 2))],
    ['a scope it does not know', JSON.stringify(withField(2, 3))],
    ['a negative use', JSON.stringify(withField(1, -1))],
    ['text that is not JSON', '[1,0,0,1'],
  ])('is refused with 400 token.notValid when it holds %s', async (_what, json) => {
    const answer = await updatedWith(signed(json))
    expect(answer.status).toBe(400)
    expect(answer.conformance).toEqual([])
    expect(answer.body).toMatchObject({
      code: 'token.notValid',
      message:
        'Delta token is invalid: it is not a token this server issued; start a new sync with POST /v1/contacts/sync.',
    })
  })

  it('is refused in any spelling but the one the simulator writes, such as base64 with its padding', async () => {
    // The same bytes in another spelling.
    const json = JSON.stringify(withField(8, later + 1))
    const base64 = Buffer.from(json).toString('base64')
    expect(base64).toMatch(/=$/)
    const answer = await updatedWith(signed(json, (bytes) => bytes.toString('base64')))
    expect(answer.status).toBe(400)
    expect(answer.body.code).toBe('token.notValid')
  })

  it('is refused, not a crash, when its claims are base64url of a length no bytes have', async () => {
    // Base64 of any bytes is 4n, 4n + 2 or 4n + 3 characters long: five is none of them.
    const answer = await updatedWith(signed('', () => 'WzEsM'))
    expect(answer.status).toBe(400)
    expect(answer.conformance).toEqual([])
    expect(answer.body.code).toBe('token.notValid')
  })
})
