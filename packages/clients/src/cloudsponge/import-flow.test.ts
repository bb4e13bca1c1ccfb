import { describe, expect, it } from 'vitest'
import { PollTimeoutError } from '../core/errors.js'
import { fakeFetch, json } from '../testing/fake-fetch.js'
import { instantSleep } from '../testing/fake-sleep.js'
import { createCloudSpongeClient, type ImportEvent } from './client.js'
import { ImportFailedError, type ImportProgress, ImportTimeoutError } from './import-flow.js'

type Step = Pick<ImportEvent, 'event_type' | 'status' | 'value'> & { description?: string }

const initializing: Step = { event_type: 'INITIALIZING', status: 'COMPLETED', value: 0 }
const gathering = (value: number, status: Step['status'] = 'INPROGRESS'): Step => ({
  event_type: 'GATHERING',
  status,
  value,
})
const complete: Step = { event_type: 'COMPLETE', status: 'COMPLETED', value: 0 }

/** A CloudSponge that answers begin_import, then plays the given events, then serves contacts. */
function cloudspongeWith(timeline: Step[][]) {
  const { sleep, waits } = instantSleep()
  let poll = 0
  const fake = fakeFetch((request) => {
    const path = new URL(request.url).pathname
    if (path.startsWith('/begin_import')) {
      return json(200, {
        status: 'success',
        import_id: 7,
        url: path.includes('consent') ? 'https://consent.test' : undefined,
      })
    }
    if (path.startsWith('/events')) {
      const events = timeline[Math.min(poll++, timeline.length - 1)] ?? []
      return json(200, { import_id: 7, events })
    }
    return json(200, {
      import_id: 7,
      contacts: [{ first_name: 'Ada' }],
      contacts_owner: { first_name: 'Me' },
      total: 1,
    })
  })
  const client = createCloudSpongeClient({
    domainKey: 'KEY',
    domainPassword: 'PASS',
    fetch: fake.fetch,
    sleep,
  })
  return { client, fake, waits }
}

describe('waitForImport', () => {
  it('polls once a second until COMPLETE, reporting phases and each new or changed event', async () => {
    const { client, waits } = cloudspongeWith([
      [initializing],
      [initializing, gathering(10)],
      [initializing, gathering(25)],
      [initializing, gathering(25, 'COMPLETED'), complete],
    ])
    const phases: Array<[ImportProgress['phase'], number]> = []
    const seen: string[] = []
    const result = await client.waitForImport(7, {
      onProgress: (progress) => phases.push([progress.phase, progress.gathered]),
      onEvent: (event) => seen.push(`${event.event_type}/${event.status}/${event.value}`),
    })
    expect(result.events.at(-1)?.event_type).toBe('COMPLETE')
    expect(phases).toEqual([
      ['waiting', 0],
      ['gathering', 10],
      ['gathering', 25],
      ['complete', 25],
    ])
    expect(seen).toEqual([
      'INITIALIZING/COMPLETED/0',
      'GATHERING/INPROGRESS/10',
      'GATHERING/INPROGRESS/25',
      'GATHERING/COMPLETED/25',
      'COMPLETE/COMPLETED/0',
    ])
    expect(waits).toEqual([1000, 1000, 1000])
  })

  it('never polls faster than once a second', async () => {
    const { client, waits } = cloudspongeWith([[initializing], [initializing, complete]])
    await client.waitForImport(7, { pollIntervalMs: 10 })
    expect(waits).toEqual([1000])
  })

  it('reports the failed state, then throws ImportFailedError with the error code', async () => {
    const failed: Step = { event_type: 'GATHERING', status: 'ERROR', value: 0, description: 'Wrong password' }
    const { client } = cloudspongeWith([[initializing], [initializing, failed, { ...complete, value: 1 }]])
    const phases: string[] = []
    const error = await client
      .waitForImport(7, { onProgress: (progress) => phases.push(progress.phase) })
      .catch((caught: unknown) => caught)
    expect(phases).toEqual(['waiting', 'complete'])
    expect(error).toBeInstanceOf(ImportFailedError)
    expect(error).toMatchObject({ importId: 7, errorCode: 1 })
    expect((error as Error).message).toBe('Import 7 failed at GATHERING: Wrong password.')
  })

  it('ends the failure message with one full stop when the vendor wrote its own', async () => {
    const failed: Step = {
      event_type: 'INITIALIZING',
      status: 'ERROR',
      value: 0,
      description: 'ICLOUD did not accept the username or password of foo.',
    }
    const { client } = cloudspongeWith([[failed, { ...complete, status: 'ERROR', value: 1 }]])
    const error = await client.waitForImport(7).catch((caught: unknown) => caught)
    expect((error as Error).message).toBe(
      'Import 7 failed at INITIALIZING: ICLOUD did not accept the username or password of foo.',
    )
  })

  it('adds no full stop after a description ending in ! or ?, and names a blank one as no reason', async () => {
    const messages: string[] = []
    for (const description of ['Error!', 'Did the user answer?', 'Error!.', ' ']) {
      const failed: Step = { event_type: 'GATHERING', status: 'ERROR', value: 0, description }
      const { client } = cloudspongeWith([[failed, { ...complete, status: 'ERROR', value: 1 }]])
      const error = await client.waitForImport(7).catch((caught: unknown) => caught)
      messages.push((error as Error).message)
    }
    expect(messages).toEqual([
      'Import 7 failed at GATHERING: Error!',
      'Import 7 failed at GATHERING: Did the user answer?',
      'Import 7 failed at GATHERING: Error!',
      'Import 7 failed at GATHERING: no reason given.',
    ])
  })

  it('throws ImportTimeoutError, a PollTimeoutError, once maxWaitMs has passed', async () => {
    const { client, fake } = cloudspongeWith([[initializing]])
    const error = await client.waitForImport(7, { maxWaitMs: 3000 }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImportTimeoutError)
    expect(error).toBeInstanceOf(PollTimeoutError)
    expect(error).toMatchObject({ maxWaitMs: 3000, elapsedMs: 3000, attempts: 4 })
    expect((error as Error).message).toMatch(/^Import 7 did not complete within 3000 ms; raise maxWaitMs/)
    expect(fake.requests).toHaveLength(4)
  })

  it('stops polling when the signal aborts', async () => {
    const controller = new AbortController()
    const { client, fake } = cloudspongeWith([[initializing]])
    const error = await client
      .waitForImport(7, {
        signal: controller.signal,
        onProgress: () => controller.abort(new Error('The user closed the import dialog.')),
      })
      .catch((caught: unknown) => caught)
    expect((error as Error).message).toBe('The user closed the import dialog.')
    expect(fake.requests).toHaveLength(1)
  })
})

describe('importContacts', () => {
  it('begins, hands over the consent URL, waits and pages every contact', async () => {
    const { client, fake } = cloudspongeWith([[initializing], [initializing, complete]])
    const urls: string[] = []
    const book = await client.importContacts({ service: 'gmail' }, { onConsentUrl: (url) => void urls.push(url) })
    expect(urls).toEqual(['https://consent.test'])
    expect(book).toMatchObject({
      importId: 7,
      total: 1,
      owner: { first_name: 'Me' },
      contacts: [{ first_name: 'Ada' }],
    })
    expect(fake.requests.map((sent) => `${sent.method} ${sent.url.pathname}`)).toEqual([
      'POST /begin_import/user_consent.json',
      'GET /events/7.json',
      'GET /events/7.json',
      'GET /contacts/7.json',
    ])
  })
})
