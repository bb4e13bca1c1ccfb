import { describe, expect, it } from 'vitest'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { createCloudSpongeClient } from './client.js'
import { decodeCloudSpongeBody, readCloudSpongeError } from './errors.js'

// Calls and answers of the CloudSponge client not covered elsewhere: the echo on events, an empty
// contacts page, and error bodies without a message.

const cloudsponge = (fetch: (request: Request) => Promise<Response>) =>
  createCloudSpongeClient({ domainKey: 'KEY', domainPassword: 'PASS', fetch, sleep: instantSleep().sleep })

describe('the CloudSponge client', () => {
  it('sends getEvents its echo', async () => {
    const fake = fakeFetch(() => json(200, { import_id: 7, events: [], echo: 'mine' }))
    await cloudsponge(fake.fetch).getEvents(7, { echo: 'mine' })
    expect(fake.requests[0]?.url.searchParams.get('echo')).toBe('mine')
  })

  it('stops paging at an empty page, whatever total says', async () => {
    const fake = fakeFetch(
      () => json(200, { import_id: 7, contacts: [], contacts_owner: null, total: 5 }),
      // A second request would be a page past the empty one.
      () => json(500, { error: { message: 'Asked past an empty page.' } }),
    )
    const pages = []
    for await (const page of cloudsponge(fake.fetch).pages(7)) {
      pages.push(page)
    }
    expect(pages).toHaveLength(1)
    expect(fake.requests).toHaveLength(1)
  })
})

describe('readCloudSpongeError', () => {
  it('reads no message from an object without one, and a text body as the message', () => {
    expect(readCloudSpongeError({ status: 'error' }, new Response())).toEqual({ message: undefined })
    expect(readCloudSpongeError('Access denied', new Response())).toEqual({ message: 'Access denied' })
    expect(readCloudSpongeError(null, new Response())).toEqual({ message: undefined })
  })
})

describe('decodeCloudSpongeBody', () => {
  it('decodes XML after leading whitespace, and leaves text and objects as they are', () => {
    expect(decodeCloudSpongeBody('\n  <result><import-id type="integer">1</import-id></result>')).toEqual({
      import_id: 1,
    })
    expect(decodeCloudSpongeBody('Access denied')).toBe('Access denied')
    expect(decodeCloudSpongeBody({ import_id: 1 })).toEqual({ import_id: 1 })
  })
})
