import { decodeRailsXml } from '@contactkit/specs/rails-xml'
import { describe, expect, it } from 'vitest'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { createCloudSpongeClient, type ImportEvent } from './client.js'
import { ImportFailedError, ImportTimeoutError } from './import-flow.js'

// What an import ends with when the vendor leaves something out: a failure without an ERROR event,
// a contacts page without a total. And XML answers the decoder sees less often.

type Event = Pick<ImportEvent, 'event_type' | 'status' | 'value'> & { description?: string }

/**
 * A CloudSponge that begins import 7 (with a consent `url` when given), plays `timeline` (one list
 * of events per poll, the last repeated), then serves `pages` of contacts in turn.
 */
function cloudspongeWith(timeline: Event[][], pages: object[] = [], url?: string) {
  let page = 0
  let poll = 0
  const fake = fakeFetch((request) => {
    const path = new URL(request.url).pathname
    if (path.startsWith('/begin_import')) {
      return json(200, { status: 'success', import_id: 7, url })
    }
    if (path.startsWith('/events')) {
      return json(200, { import_id: 7, events: timeline[Math.min(poll++, timeline.length - 1)] })
    }
    return json(200, { import_id: 7, ...pages[Math.min(page++, pages.length - 1)] })
  })
  const client = createCloudSpongeClient({
    domainKey: 'KEY',
    domainPassword: 'PASS',
    fetch: fake.fetch,
    sleep: instantSleep().sleep,
  })
  return { client, fake }
}

const cloudsponge = (events: Event[], pages: object[] = []) => cloudspongeWith([events], pages).client
const initializing: Event = { event_type: 'INITIALIZING', status: 'COMPLETED', value: 0 }
const complete: Event = { event_type: 'COMPLETE', status: 'COMPLETED', value: 0 }
const input = { service: 'icloud' as const, username: 'u', password: 'p' }

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

describe('waiting for an import', () => {
  it('goes on while the COMPLETE event is still in progress', async () => {
    const { client, fake } = cloudspongeWith([
      [initializing, { event_type: 'COMPLETE', status: 'INPROGRESS', value: 0 }],
      [initializing, complete],
    ])
    const done = await client.waitForImport(7)
    expect(done.events).toEqual([initializing, complete])
    expect(fake.requests).toHaveLength(2)
  })

  it('passes its signal to each events request, which an abort then stops', async () => {
    const controller = new AbortController()
    const reason = new Error('user went away')
    const seen: boolean[] = []
    const { fake } = cloudspongeWith([[initializing]])
    const client = createCloudSpongeClient({
      domainKey: 'KEY',
      domainPassword: 'PASS',
      sleep: instantSleep().sleep,
      fetch: async (request) => {
        controller.abort(reason)
        seen.push(request.signal.aborted)
        return fake.fetch(request)
      },
    })
    await expect(client.waitForImport(7, { signal: controller.signal })).rejects.toBe(reason)
    expect(seen).toEqual([true])
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
  it('skips the declaration, processing instructions and comments', () => {
    expect(
      decodeRailsXml(
        '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet href="a.xsl"?>\n<!-- sent by Rails -->\n<result><!-- the id --><import-id type="integer">7</import-id></result>',
      ),
    ).toEqual({ import_id: 7 })
  })

  it('reads a typed element with attributes and no text as empty', () => {
    expect(
      decodeRailsXml('<result><note lang="en"/><flag type="boolean"/><on type="boolean">\n true \n</on></result>'),
    ).toEqual({ note: '', flag: false, on: true })
  })

  it('reads an element repeated without type="array" as a list', () => {
    expect(decodeRailsXml('<result><tag>a</tag><tag nil="true"/><tag type="integer">3</tag></result>')).toEqual({
      tag: ['a', null, 3],
    })
  })

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

describe('failure messages', () => {
  const failedWith = async (events: Event[]) =>
    (await cloudsponge(events)
      .waitForImport(7)
      .catch((caught: unknown) => caught)) as ImportFailedError

  it('drop every trailing full stop and space of the description before adding one', async () => {
    const error = await failedWith([
      { event_type: 'GATHERING', status: 'ERROR', value: 0, description: 'Bad password. . ' },
    ])
    expect(error.message).toBe('Import 7 failed at GATHERING: Bad password.')
  })

  it('add a full stop after a description with a question inside it', async () => {
    const error = await failedWith([
      { event_type: 'GATHERING', status: 'ERROR', value: 0, description: 'Why? No idea' },
    ])
    expect(error.message).toBe('Import 7 failed at GATHERING: Why? No idea.')
  })

  it('fail an import with one failed step among finished ones, with no COMPLETE event', async () => {
    const error = await failedWith([initializing, { event_type: 'GATHERING', status: 'ERROR', value: 0 }])
    expect(error).toBeInstanceOf(ImportFailedError)
    expect(error.errorCode).toBeUndefined()
    expect(error.message).toBe('Import 7 failed at GATHERING: no reason given.')
  })

  it('name their classes', async () => {
    expect(new ImportFailedError(7, [], undefined).name).toBe('ImportFailedError')
    expect(new ImportTimeoutError('Slow.', { maxWaitMs: 1, elapsedMs: 1, attempts: 1 }).name).toBe('ImportTimeoutError')
  })
})

describe('waiting for an import', () => {
  it('takes only the COMPLETE event as the end, not another finished step', async () => {
    const { client, fake } = cloudspongeWith([[initializing], [initializing, complete]])
    await client.waitForImport(7)
    expect(fake.requests.filter((sent) => sent.url.pathname.startsWith('/events'))).toHaveLength(2)
  })
})

describe('importContacts', () => {
  it('begins nothing when its signal is already aborted', async () => {
    const { client, fake } = cloudspongeWith([[complete]], [{ contacts: [], total: 0 }])
    const stop = new Error('user went away')
    await expect(client.importContacts(input, { signal: AbortSignal.abort(stop) })).rejects.toBe(stop)
    expect(fake.requests).toEqual([])
  })

  it('calls onConsentUrl only when the import gives a consent URL', async () => {
    const { client } = cloudspongeWith([[complete]], [{ contacts: [], total: 0 }])
    const urls: string[] = []
    await client.importContacts(input, { onConsentUrl: (url) => void urls.push(url) })
    expect(urls).toEqual([])
  })

  it('goes on without onConsentUrl when the import gives a consent URL', async () => {
    const { client } = cloudspongeWith(
      [[complete]],
      [{ contacts: [{ first_name: 'Ada' }], total: 1 }],
      'https://consent.test',
    )
    expect((await client.importContacts(input)).contacts).toEqual([{ first_name: 'Ada' }])
  })

  it('asks for pages of pageSize, and takes the total the vendor gives over the contacts counted', async () => {
    const { client, fake } = cloudspongeWith(
      [[complete]],
      [
        { contacts: [{ first_name: 'Ada' }, { first_name: 'Ben' }], contacts_owner: null, total: 5 },
        { contacts: [], contacts_owner: null, total: 5 },
      ],
    )
    const imported = await client.importContacts(input, { pageSize: 2 })
    expect(imported.total).toBe(5)
    const counts = fake.requests
      .filter((sent) => sent.url.pathname.startsWith('/contacts'))
      .map((sent) => sent.url.searchParams.get('count'))
    expect(counts).toEqual(['2', '2'])
  })
})
