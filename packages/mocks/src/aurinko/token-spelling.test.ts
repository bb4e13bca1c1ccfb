import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aurinkoHarness } from './testing/harness.js'
import { signedToken } from './testing/signed-token.js'

// With `tokenSecret` a client can check, keep or sign tokens itself: the spelling of a token is
// part of what the simulator promises, byte for byte.
const secret = 'spelled out'
const later = 8_000_000_000_000
// version, use (delta), scope (updated), account key, full, cursor, end, upTo, expiry.
const claims = JSON.stringify([1, 0, 0, 1, 1, 0, 0, 0, later])

async function updatedWith(token: string) {
  const { call } = aurinkoHarness({ tokenSecret: secret })
  return call('GET', `/v1/contacts/sync/updated?deltaToken=${encodeURIComponent(token)}`)
}

/** Every token one sync and one listing hand out, a page of two contacts or one at a time. */
async function issuedTokens(): Promise<string[]> {
  const { call, startSync } = aurinkoHarness({ tokenSecret: secret, sync: { pageSize: 2 } })
  const start = await startSync()
  const tokens = [start.updated, start.deleted]
  let query = `deltaToken=${encodeURIComponent(start.updated)}`
  for (let page = 0; page < 20; page++) {
    const body = (await call('GET', `/v1/contacts/sync/updated?${query}`)).body
    tokens.push(body.nextPageToken ?? body.nextDeltaToken)
    if (!body.nextPageToken) {
      break
    }
    query = `pageToken=${encodeURIComponent(body.nextPageToken)}`
  }
  let path = '/v1/contacts?limit=1'
  for (let page = 0; page < 30; page++) {
    const body = (await call('GET', path)).body
    if (!body.nextPageToken) {
      break
    }
    tokens.push(body.nextPageToken)
    path = `/v1/contacts?limit=1&pageToken=${encodeURIComponent(body.nextPageToken)}`
  }
  return tokens
}

describe('the spelling of a sync token', () => {
  it('is base64url claims, a dot, and their HMAC-SHA256 under tokenSecret in base64url, without padding', async () => {
    const tokens = await issuedTokens()
    expect(tokens.length).toBeGreaterThan(30)
    for (const token of tokens) {
      const [payload, signature] = token.split('.') as [string, string]
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
      expect(signature).toBe(createHmac('sha256', secret).update(payload).digest('base64url'))
      expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual([
        1,
        expect.any(Number),
        expect.any(Number),
        1,
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
      ])
    }
    // Among them, signatures whose base64 holds both characters base64url writes otherwise.
    const signatures = tokens.map((token) => token.split('.')[1]).join('')
    expect(signatures).toContain('-')
    expect(signatures).toContain('_')
  })

  it('is read up to 512 characters long, and refused past that even when signed', async () => {
    // Base64url of 351 bytes is 468 characters: with the dot and the 43 of the signature, 512.
    const longest = signedToken(secret, claims.replace('[', `[${' '.repeat(351 - claims.length)}`))
    expect(longest).toHaveLength(512)
    expect((await updatedWith(longest)).status).toBe(200)
    // One byte more makes two characters more (no base64 is 4n + 1 long).
    const tooLong = signedToken(secret, claims.replace('[', `[${' '.repeat(352 - claims.length)}`))
    expect(tooLong).toHaveLength(514)
    const answer = await updatedWith(tooLong)
    expect(answer.status).toBe(400)
    expect(answer.body.code).toBe('token.notValid')
  })

  it('is refused in standard base64, with / where base64url writes _, even when signed', async () => {
    // TextDecoder drops a byte order mark, which base64 writes as 77u/ and base64url as 77u_.
    const withMark = `\uFEFF${claims}`
    expect((await updatedWith(signedToken(secret, withMark))).status).toBe(200)
    const standard = signedToken(secret, withMark, (bytes) => bytes.toString('base64').replace(/=+$/, ''))
    expect(standard.startsWith('77u/')).toBe(true)
    const answer = await updatedWith(standard)
    expect(answer.status).toBe(400)
    expect(answer.body.code).toBe('token.notValid')
  })

  it('reads a - as base64’s +, not as a character to skip: claims signed with one put in are refused', async () => {
    const withDash = signedToken(secret, claims, (bytes) => {
      const payload = bytes.toString('base64url')
      return `${payload.slice(0, 4)}-${payload.slice(4)}`
    })
    expect(withDash.split('.')[0]).toContain('-')
    const answer = await updatedWith(withDash)
    expect(answer.status).toBe(400)
    expect(answer.body.code).toBe('token.notValid')
  })
})
