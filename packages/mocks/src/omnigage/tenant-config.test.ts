import { describe, expect, it } from 'vitest'
import { createOmnigageSimulator } from './index.js'
import { omnigageHarness } from './testing/harness.js'

const tenant = (tokenKey: string, accountKey: string) => ({ tokenKey, tokenSecret: 'secret', accountKey })

/** The membership a contact seeded in an account of a tenant configured without one is created by. */
function derivedMembership(tokenKey: string): string {
  const sim = createOmnigageSimulator({ tenants: [tenant(tokenKey, 'acme')] })
  sim.seed({ account: 'acme', contacts: [{ 'first-name': 'Ann' }] })
  return sim.accounts.byAccountKey('acme')?.contacts.all()[0]?.createdBy as string
}

describe('Omnigage tenants as configured', () => {
  it('refuses a token key given twice, naming it', () => {
    expect(() => createOmnigageSimulator({ tenants: [tenant('k1', 'acme'), tenant('k1', 'globex')] })).toThrow(
      new RangeError('Failed to create the Omnigage simulator: token key "k1" is given twice.'),
    )
  })

  it('derives a membership id from the token key when none is given: 22 characters of the id alphabet, the same every time', () => {
    const id = derivedMembership('acme-token')
    expect(id).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz]{22}$/)
    expect(derivedMembership('acme-token')).toBe(id)
    // This version's derivation: a configured key keeps its membership from release to release.
    expect(id).toBe('yEBJXfbYqWLE8PmAh9sY53')
  })

  it('derives a different membership for each key, every character of the key counting', () => {
    const keys = ['acme-token', 'acme-tokem', 'bcme-token', 'acme', 'a', 'acme-token-2']
    const ids = keys.map(derivedMembership)
    expect(new Set(ids).size).toBe(keys.length)
  })
})

describe('Omnigage credentials that are not a token', () => {
  it.each([
    [
      'Bearer omnigage-sandbox-key',
      'The Authorization header is not HTTP Basic; send the API token key and secret as user and password.',
    ],
    ['Basic abcde', 'The Authorization header is not valid base64 of "key:secret".'],
  ])('answers Authorization: %s with 401 and why', async (authorization, detail) => {
    const { sim } = omnigageHarness()
    const answer = await sim.app.request('/api/v1/contacts', { headers: { Authorization: authorization } })
    expect(answer.status).toBe(401)
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="Omnigage"')
    expect(await answer.json()).toEqual({ errors: [{ detail, code: 401 }] })
  })
})
