import { fileURLToPath } from 'node:url'
import { firstImportId } from '@contactkit/mocks/cloudsponge'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserTabApi, CallResult } from '../browser-tab/page.js'
import { browserSkipReason, launchChromium } from '../src/browser.js'
import { bundledSite } from '../src/browser-page.js'

// The whole stateful CloudSponge simulator, bundled for the browser, answering the page's plain
// fetch calls to https://api.cloudsponge.com through MSW's service worker. That host does not
// resolve on this machine, so every successful answer proves the worker intercepted it.

const skipReason = browserSkipReason()
if (skipReason) {
  console.log(`Browser-tab simulator tests skipped: ${skipReason}`)
}

const pageDir = fileURLToPath(new URL('../browser-tab/', import.meta.url))
const vendorOrigin = 'https://api.cloudsponge.com'

/** Opens the page and waits until the MSW worker is active and controls it. */
async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(() => window.contactkit !== undefined, undefined, { timeout: 30_000 })
  await page.evaluate(() => window.contactkit?.ready)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
}

interface VendorEvent {
  event_type: string
  status: string
  value: number
  description: string | null
}

const eventsOf = (result: CallResult) => (result.body as { events: VendorEvent[] }).events
const eventTypes = (result: CallResult) => eventsOf(result).map((event) => event.event_type)
const importIdOf = (result: CallResult) => (result.body as { import_id: number }).import_id
const shownContacts = ['John Doe <johndoe@nowhere.com>', 'Jane Smith <janesmith@nowhere.com>']

describe.skipIf(Boolean(skipReason))('The CloudSponge simulator in a browser tab, behind an MSW service worker', () => {
  let site: { url: string; close(): Promise<void> }
  let browser: Browser
  let page: Page
  const consoleErrors: string[] = []
  const vendorResponses: { url: string; status: number; fromServiceWorker: boolean }[] = []
  const vendorRequestFailures: string[] = []

  /** Runs `run(window.contactkit, arg)` in the page; `run` must not close over anything. */
  const inTab = <T, A = null>(run: (api: BrowserTabApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> =>
    page.evaluate(`(${run.toString()})(window.contactkit, ${JSON.stringify(arg ?? null)})`) as Promise<T>
  const events = (importId: number) => inTab((api, id) => api.events(id), importId)
  const contacts = (importId: number) => inTab((api, id) => api.contacts(id), importId)

  beforeAll(async () => {
    site = await bundledSite(pageDir)
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('console', (message) => {
      // Chromium logs every 4xx answer as "Failed to load resource"; the test asks the simulator
      // for some on purpose (401, 404), so only those from the vendor URL are let through.
      const expectedVendorError =
        message.text().startsWith('Failed to load resource') && message.location().url.startsWith(vendorOrigin)
      if (message.type() === 'error' && !expectedVendorError) {
        consoleErrors.push(`${message.text()} (${message.location().url})`)
      }
    })
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`))
    page.on('response', (response) => {
      if (response.url().startsWith(vendorOrigin)) {
        vendorResponses.push({
          url: response.url(),
          status: response.status(),
          fromServiceWorker: response.fromServiceWorker(),
        })
      }
    })
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(vendorOrigin)) {
        vendorRequestFailures.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`)
      }
    })
    await openPage(page, site.url)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  it('starts the worker and shows it as active', async () => {
    expect(await page.locator('#worker').textContent()).toBe('active')
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${site.url}mockServiceWorker.js`,
    )
  })

  it('imports foo’s documented address book, completing only after the clock moves (admin API)', async () => {
    const begun = await inTab((api) => api.begin({ service: 'icloud', username: 'foo', password: 'bar' }))
    expect(begun.status).toBe(200)
    expect(begun.body).toMatchObject({ status: 'success', import_id: expect.any(Number) })
    const importId = importIdOf(begun)
    expect(await page.locator('#import-id').textContent()).toBe(String(importId))

    // The simulator's clock stands still: however long the test takes, nothing completes.
    const before = await events(importId)
    expect(before.status).toBe(200)
    expect(eventTypes(before)).toEqual(['INITIALIZING'])
    expect(await contacts(importId)).toMatchObject({
      status: 404,
      body: { error: { message: 'The contacts are not yet available.' } },
    })

    const clock = await inTab((api) => api.advanceClockByAdminApi(10_000))
    expect(clock).toMatchObject({ status: 200, body: { mode: 'manual', now: '2026-01-01T00:00:10.000Z' } })

    const after = await events(importId)
    expect(eventTypes(after)).toEqual(['INITIALIZING', 'GATHERING', 'COMPLETE'])
    expect(eventsOf(after).every((event) => event.status === 'COMPLETED')).toBe(true)

    const book = await contacts(importId)
    expect(book.status).toBe(200)
    expect(book.body).toMatchObject({
      contacts_owner: { first_name: 'Joe', last_name: 'Smith', email: [{ address: 'joe@example.com' }] },
      contacts: [
        {
          first_name: 'John',
          last_name: 'Doe',
          email: [{ address: 'johndoe@nowhere.com' }, { address: 'second@email.com' }],
          phone: [{ number: '555-1234' }, { number: '555-2468' }],
        },
        { first_name: 'Jane', last_name: 'Smith', email: [{ address: 'janesmith@nowhere.com' }] },
      ],
      total: 2,
    })

    // What the user sees.
    expect(await page.locator('#events li').allTextContents()).toEqual([
      'INITIALIZING COMPLETED',
      'GATHERING COMPLETED',
      'COMPLETE COMPLETED',
    ])
    expect(await page.locator('#owner').textContent()).toBe('Owner: Joe Smith')
    expect(await page.locator('#contacts li').allTextContents()).toEqual(shownContacts)
  })

  it('completes an import when the page advances the clock in-process', async () => {
    const importId = importIdOf(await inTab((api) => api.begin({ service: 'plaxo', username: 'foo', password: 'bar' })))
    expect(eventTypes(await events(importId))).toEqual(['INITIALIZING'])
    expect(await inTab((api) => api.advanceClockInProcess(5_000))).toBe('2026-01-01T00:00:15.000Z')
    expect(eventTypes(await events(importId))).toContain('COMPLETE')
    const book = await contacts(importId)
    expect((book.body as { contacts: { first_name: string }[] }).contacts.map((c) => c.first_name)).toEqual([
      'John',
      'Jane',
    ])
  })

  it('answers unknown domain credentials with 401 and the vendor’s JSON error body', async () => {
    const rejected = await inTab((api) =>
      api.begin(
        { service: 'icloud', username: 'foo', password: 'bar' },
        { domainKey: 'not-a-domain', domainPassword: 'nope' },
      ),
    )
    expect(rejected.status).toBe(401)
    expect(rejected.contentType).toMatch(/^application\/json/)
    expect(rejected.wwwAuthenticate).toBe('Basic realm="CloudSponge"')
    expect(rejected.body).toEqual({
      error: { message: expect.stringMatching(/^Access was denied to the requested resource\./) },
    })
    expect(await page.locator('#error').textContent()).toMatch(/^401: Access was denied/)
  })

  it('ends a sign-in with the wrong password in a COMPLETE event with status ERROR', async () => {
    const begun = await inTab((api) => api.begin({ service: 'icloud', username: 'foo', password: 'wrong' }))
    expect(begun.status).toBe(200)
    const importId = importIdOf(begun)
    await inTab((api) => api.advanceClockByAdminApi(10_000))
    // CloudSponge reports a failed sign-in as a COMPLETE event with status ERROR and value 1.
    expect(eventsOf(await events(importId)).at(-1)).toMatchObject({ event_type: 'COMPLETE', status: 'ERROR', value: 1 })
    expect(await page.locator('#events li').last().textContent()).toMatch(/^COMPLETE ERROR: ICLOUD did not accept/)
    expect((await contacts(importId)).status).toBeGreaterThanOrEqual(400)
  })

  it('keeps state in the tab: a reload starts a fresh simulator, and the button runs the whole import', async () => {
    const journalBefore = await inTab((api) => api.journal())
    expect(journalBefore.some((line) => line.path === '/begin_import/import.json')).toBe(true)

    await openPage(page, site.url)
    expect(await inTab((api) => api.journal())).toEqual([])

    await page.click('#run')
    await expect.poll(() => page.locator('#contacts li').allTextContents(), { timeout: 15_000 }).toEqual(shownContacts)
    // A fresh simulator hands out the first import id again.
    expect(await page.locator('#import-id').textContent()).toBe(String(firstImportId))
    const vendorCalls = (await inTab((api) => api.journal())).filter((line) => !line.path.startsWith('/__admin'))
    expect(vendorCalls).toEqual([
      { method: 'POST', path: '/begin_import/import.json', status: 200 },
      { method: 'GET', path: `/events/${firstImportId}.json`, status: 200 },
      { method: 'GET', path: `/events/${firstImportId}.json`, status: 200 },
      { method: 'GET', path: `/contacts/${firstImportId}.json`, status: 200 },
    ])
  })

  it('answered every vendor request through the service worker, with no console errors', () => {
    // A request that left the browser would not come from the service worker (and, on a machine
    // where api.cloudsponge.com does not resolve, would fail).
    expect(vendorRequestFailures).toEqual([])
    expect(vendorResponses.length).toBeGreaterThanOrEqual(15)
    expect(vendorResponses.filter((response) => !response.fromServiceWorker)).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
