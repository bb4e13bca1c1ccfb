import { describe, expect, it } from 'vitest'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { createCloudSpongeClient, type ImportEvent } from './client.js'
import { ImportFailedError } from './import-flow.js'
import { decodeRailsXml } from './rails-xml.js'

// What an import ends with when the vendor leaves something out: a failure without an ERROR event,
// a contacts page without a total. And XML answers the decoder sees less often.

type Step = Pick<ImportEvent, 'event_type' | 'status' | 'value'>

/** A CloudSponge that begins import 7, plays `events`, then serves `pages` of contacts in turn. */
function cloudsponge(events: Step[], pages: object[] = []) {
  let page = 0
  const fake = fakeFetch((request) => {
    const path = new URL(request.url).pathname
    if (path.startsWith('/begin_import')) {
      return json(200, { status: 'success', import_id: 7 })
    }
    if (path.startsWith('/events')) {
      return json(200, { import_id: 7, events })
    }
    return json(200, { import_id: 7, ...pages[Math.min(page++, pages.length - 1)] })
  })
  return createCloudSpongeClient({
    domainKey: 'KEY',
    domainPassword: 'PASS',
    fetch: fake.fetch,
    sleep: instantSleep().sleep,
  })
}

describe('an import that fails without saying why', () => {
  it('names the failing step and says no reason was given', async () => {
    const client = cloudsponge([{ event_type: 'COMPLETE', status: 'ERROR', value: 3 }])
    const error = await client.waitForImport(7).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImportFailedError)
    expect((error as ImportFailedError).message).toBe('Import 7 failed at COMPLETE: no reason given.')
    expect((error as ImportFailedError).errorCode).toBe(3)
  })

  it('names the step as unknown when no event failed', () => {
    expect(new ImportFailedError(7, [], undefined).message).toBe('Import 7 failed at an unknown step: no reason given.')
  })
})

describe('importContacts over pages without a total', () => {
  it('counts the contacts it was given', async () => {
    const client = cloudsponge(
      [{ event_type: 'COMPLETE', status: 'COMPLETED', value: 0 }],
      [{ contacts: [{ first_name: 'Ada' }, { first_name: 'Ben' }], contacts_owner: null }],
    )
    const imported = await client.importContacts({ service: 'icloud', username: 'u', password: 'p' })
    expect(imported.contacts.map((contact) => contact.first_name)).toEqual(['Ada', 'Ben'])
    expect(imported.total).toBe(2)
  })
})

describe('decodeRailsXml, less common documents', () => {
  it('refuses a document without a root element', () => {
    expect(() => decodeRailsXml('just text')).toThrow(new SyntaxError('The XML document has no root element.'))
  })

  it('reads plain text elements, decimals and empty elements', () => {
    expect(
      decodeRailsXml(
        '<result><name>Ada</name><amount type="decimal">1.25</amount><ratio type="float">0.5</ratio><note></note></result>',
      ),
    ).toEqual({ name: 'Ada', amount: 1.25, ratio: 0.5, note: '' })
  })
})
