import { createOmnigageClient } from '@contactkit/clients/omnigage'
import { createSimulatorSet, manualClock } from '@contactkit/mocks'
import { createSetHandlers } from '@contactkit/mocks/msw'
import { omnigageVendor, sandboxTenant } from '@contactkit/mocks/omnigage'
import { s3Vendor } from '@contactkit/mocks/s3'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvFile, personHeader } from '../src/omnigage/files.js'

const ada = ['Ada', 'Quill', 'Northwind', '(415) 555-0100', 'ada.quill@example.com']
const bram = ['Bram', 'Oak', 'Globex', '+1 212 555 0101', 'bram.oak@example.com']

describe('Omnigage behind MSW', () => {
  const clock = manualClock('2026-03-01T12:00:00Z')
  const set = createSimulatorSet([omnigageVendor, s3Vendor], { clock })
  const mock = setupServer(...createSetHandlers(set))

  beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => mock.close())

  it('runs importFile unmodified at the vendor URLs: the API and the S3 form post both intercepted', async () => {
    // Created after listen(), with no fetch or baseUrl of its own: what an app under test does.
    const omnigage = createOmnigageClient({
      tokenKey: sandboxTenant.tokenKey,
      tokenSecret: sandboxTenant.tokenSecret,
      sleep: async (ms) => clock.advance(ms),
    })
    const { counts, contacts } = await omnigage.importFile(csvFile('people.csv', personHeader, [ada, bram]))
    expect(counts).toMatchObject({ created: 2, total: 2 })
    const ids: string[] = []
    for await (const contact of contacts) {
      ids.push(contact.id)
    }
    const first = await omnigage.getContact(ids[0] ?? '')
    expect(first.attributes['email-address']).toBe('ada.quill@example.com')
    expect(
      set
        .get('s3')
        .journal.list({ method: 'POST' })
        .map((entry) => entry.status),
    ).toEqual([204])
    // Forms point at S3's own URL, which MSW intercepts too.
    const upload = await omnigage.createUpload({ name: 'next.csv', type: 'text/csv', size: 10 })
    expect(upload.attributes['request-url']).toBe('https://s3.amazonaws.com/contactkit-uploads/')
  })
})
