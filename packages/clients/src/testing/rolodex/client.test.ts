import { describe, expect, it } from 'vitest'
import { ApiError, NotFoundError } from '../../core/errors.js'
import { fakeFetch, json } from '../fake-fetch.js'
import { createRolodexClient } from './client.js'

const card = { id: 'c1', name: 'Ann Lee' }

describe('the Rolodex client, built with the clients core', () => {
  it('sends the token as Bearer and reads typed answers', async () => {
    const fake = fakeFetch(() => json(200, { cards: [card] }))
    const rolodex = createRolodexClient({ token: 'tok', baseUrl: 'http://sim.test/', fetch: fake.fetch })
    expect(await rolodex.listCards({ limit: 5 })).toEqual([card])
    expect(fake.requests[0]?.url.href).toBe('http://sim.test/v1/cards?limit=5')
    expect(fake.requests[0]?.headers.get('authorization')).toBe('Bearer tok')
  })

  it('sends the account as Basic credentials and creates a card once, even on a 503', async () => {
    const fake = fakeFetch(() => json(503, { error: { status: 503, message: 'Busy.', code: 'http.503' } }))
    const rolodex = createRolodexClient({ account: { name: 'ann', password: 'pw' }, fetch: fake.fetch })
    await expect(rolodex.createCard({ name: 'Ann' })).rejects.toBeInstanceOf(ApiError)
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.url.origin).toBe('https://api.rolodex.example')
    expect(fake.requests[0]?.headers.get('authorization')).toBe(`Basic ${btoa('ann:pw')}`)
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({ name: 'Ann' })
  })

  it("turns the vendor's error body into a typed error with its code and message", async () => {
    const fake = fakeFetch(() =>
      json(404, { error: { status: 404, message: 'There is no card c9 in this account.', code: 'card.missing' } }),
    )
    const rolodex = createRolodexClient({ token: 'tok', fetch: fake.fetch })
    const refused = rolodex.getCard('c9')
    await expect(refused).rejects.toBeInstanceOf(NotFoundError)
    await expect(refused).rejects.toMatchObject({ code: 'card.missing', message: expect.stringContaining('card c9') })
  })
})
