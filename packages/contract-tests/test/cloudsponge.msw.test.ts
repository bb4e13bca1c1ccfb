import { createCloudSpongeClient } from '@contactkit/clients/cloudsponge'
import { manualClock } from '@contactkit/mocks'
import { createCloudSpongeSimulator, documentedTenant } from '@contactkit/mocks/cloudsponge'
import { createMswHandlers, vendorBaseUrls } from '@contactkit/mocks/msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const sim = createCloudSpongeSimulator({ clock: manualClock() })
const mock = setupServer(
  ...createMswHandlers(sim, { baseUrl: vendorBaseUrls.cloudsponge }),
  ...createMswHandlers(sim, { baseUrl: 'https://proxy.example.com/cloudsponge/' }),
)

describe('CloudSponge behind MSW', () => {
  beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => mock.close())

  it('serves the client at the vendor URL without a network or a port', async () => {
    // Created after listen(): openapi-fetch reads fetch when the client is made (see TOOLCHAIN).
    const client = createCloudSpongeClient({ ...documentedTenant, sleep: async (ms) => sim.clock.advance(ms) })
    const book = await client.importContacts({ service: 'icloud', username: 'foo', password: 'bar' })
    expect(book.owner).toMatchObject({ first_name: 'Joe', last_name: 'Smith' })
    expect(book.contacts.map((contact) => contact.first_name)).toEqual(['John', 'Jane'])
    expect(sim.journal.list({ path: '/contacts/' }).length).toBeGreaterThan(0)
  })

  it('writes consent URLs on the intercepted origin, so they resolve through MSW too', async () => {
    const client = createCloudSpongeClient({ ...documentedTenant })
    const begun = await client.beginImport({ service: 'gmail' })
    expect(begun.url).toMatch(/^https:\/\/api\.cloudsponge\.com\/n\/[A-Z2-9]{7}$/)
    const page = await fetch(begun.url ?? '')
    expect(await page.text()).toContain('Share your GMAIL contacts?')
  })

  it('strips a base path, for APIs reached through a proxy prefix', async () => {
    const client = createCloudSpongeClient({ ...documentedTenant, baseUrl: 'https://proxy.example.com/cloudsponge' })
    const begun = await client.beginImport({ service: 'icloud', username: 'foo', password: 'bar', echo: 'via-proxy' })
    expect(begun).toMatchObject({ status: 'success', echo: 'via-proxy' })
  })
})
