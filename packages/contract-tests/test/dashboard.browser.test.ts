import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createSimulators, manualClock, type SimulatorSet } from '@contactkit/mocks'
import { documentedTenant } from '@contactkit/mocks/cloudsponge'
import { type RunningServer, serve } from '@contactkit/mocks/node'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchChromium } from '../src/browser.js'

// The dashboard and the API reference of real simulators over HTTP, driven in headless Chromium.
// Screenshots go to artifacts/ (ignored by git) for a person to look at.

const skipReason = browserSkipReason()
if (skipReason) {
  console.log(`Dashboard browser tests skipped: ${skipReason}`)
}
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const basic = `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`

describe.skipIf(skipReason)('the dashboard and the API reference in a browser', () => {
  let browser: Browser
  let set: SimulatorSet
  const servers: RunningServer[] = []
  const urls: Record<string, string> = {}
  let page: Page
  let consoleErrors: string[]
  let foreignRequests: string[]

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true })
    set = createSimulators({
      clock: manualClock('2026-03-02T09:30:00Z'),
      only: ['cloudsponge', 'aurinko', 'omnigage', 's3'],
    })
    for (const simulator of set.simulators) {
      const server = await serve(simulator, { port: 0 })
      servers.push(server)
      set.setUrl(simulator.name, server.url)
      urls[simulator.name] = server.url
    }
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await Promise.all(servers.map((server) => server.close()))
  })

  const open = async (url: string) => {
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 } })
    consoleErrors = []
    foreignRequests = []
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors.push(message.text())
      }
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    page.on('request', (request) => {
      const { hostname, protocol } = new URL(request.url())
      if (hostname !== '127.0.0.1' && protocol !== 'data:' && protocol !== 'blob:') {
        foreignRequests.push(request.url())
      }
    })
    await page.goto(url)
  }
  afterEach(async () => {
    expect(consoleErrors).toEqual([])
    expect(foreignRequests).toEqual([])
    await page?.close()
    set.reset()
  })

  it('loads at / and /__admin/; "+5 s" completes a pending import that the state view then shows', async () => {
    await open(`${urls.cloudsponge}/`)
    expect(new URL(page.url()).pathname).toBe('/__admin/')
    await page.getByText('live', { exact: true }).waitFor()
    const begun = await fetch(`${urls.cloudsponge}/begin_import/import.json`, {
      method: 'POST',
      headers: { Authorization: basic },
      body: new URLSearchParams({ service: 'icloud', username: 'foo', password: 'bar' }),
    })
    expect(begun.status).toBe(200)
    const imports = page.locator('[data-section="imports"] tbody tr')
    await expect.poll(() => imports.first().textContent()).toContain('initializing')
    await page.getByRole('button', { name: '+5 s' }).click()
    await expect.poll(() => imports.first().textContent()).toContain('complete')
    expect(await imports.first().textContent()).toContain('2 / 2')
    await page.getByText('POST', { exact: true }).first().click()
    await page.getByText('[redacted]').first().waitFor()
    await page.screenshot({ path: `${artifacts}dashboard-cloudsponge.png`, fullPage: true })
  })

  it('adds a fault through the form: the next API request fails with its status and shows in the journal', async () => {
    await open(`${urls.cloudsponge}/__admin/`)
    const form = page.locator('#fault-form')
    await form.locator('select[name=method]').selectOption('GET')
    await form.locator('input[name=path]').fill('/events/*')
    await form.locator('input[name=status]').fill('429')
    await form.locator('input[name=times]').fill('1')
    await form.getByRole('button', { name: 'Add fault rule' }).click()
    await expect.poll(() => page.locator('#faults-body').textContent()).toContain('GET /events/*')
    const faulted = await fetch(`${urls.cloudsponge}/events/1126.json`, { headers: { Authorization: basic } })
    expect(faulted.status).toBe(429)
    const row = page.locator('#journal-body tr.entry').first()
    await expect.poll(() => row.textContent()).toContain('429')
    expect(await row.textContent()).toContain(faulted.headers.get('x-contactkit-fault') ?? 'no fault id')
    await expect.poll(() => page.locator('#faults-body').textContent()).toMatch(/GET \/events\/\*.*1\s*Remove/)
    await page.screenshot({ path: `${artifacts}dashboard-faults.png`, fullPage: true })
    // The row opens the request and the answer: the vendor's error body the fault sent.
    await row.click()
    const answered = await faulted.text()
    await expect.poll(() => page.locator('.detail-grid').first().textContent()).toContain(answered.slice(0, 40))
    await page.screenshot({ path: `${artifacts}dashboard-journal-detail.png`, fullPage: true })
  })

  it('shows Omnigage and its S3, with their accounts and buckets', async () => {
    await fetch(`${urls.omnigage}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa('omnigage-sandbox-key:omnigage-sandbox-secret')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ name: 'contacts.csv', type: 'text/csv', size: 64 }),
    })
    await open(`${urls.omnigage}/__admin/`)
    await expect.poll(() => page.locator('[data-section="accounts"]').textContent()).toContain('firstbank')
    await expect.poll(() => page.locator('#journal-body').textContent()).toContain('/api/v1/uploads')
    await page.screenshot({ path: `${artifacts}dashboard-omnigage.png`, fullPage: true })
    await open(`${urls.s3}/__admin/`)
    await expect.poll(() => page.locator('body').textContent()).toContain('contactkit-uploads')
    await page.screenshot({ path: `${artifacts}dashboard-s3.png`, fullPage: true })
  })

  it('shows Aurinko too, from the same core', async () => {
    await open(`${urls.aurinko}/__admin/`)
    await expect.poll(() => page.locator('[data-section="accounts"]').textContent()).toContain('1001')
    await page.screenshot({ path: `${artifacts}dashboard-aurinko.png`, fullPage: true })
  })

  it('renders the reference with every operation of the spec, and "try it" gets a 200 from the simulator', async () => {
    const simulator = set.get('aurinko')
    await open(`${urls.aurinko}/__admin/reference`)
    const operations = Object.values(simulator.document.paths ?? {}).flatMap((item) =>
      ['get', 'post', 'put', 'patch', 'delete']
        .map((method) => (item as Record<string, { summary?: string } | undefined>)[method])
        .filter((operation) => operation !== undefined),
    )
    expect(operations.length).toBeGreaterThan(5)
    await page
      .getByText(operations[0]?.summary ?? '')
      .first()
      .waitFor({ timeout: 20_000 })
    const text = (await page.locator('body').textContent()) ?? ''
    for (const operation of operations) {
      expect(text).toContain(operation.summary)
    }
    await page.screenshot({ path: `${artifacts}reference-aurinko.png` })

    const before = simulator.journal.list().length
    // The first operation, "Start a new contacts sync", answers 200 ({"ready":false}) with the filled-in token.
    await page
      .getByRole('button', { name: /test request/i })
      .first()
      .click()
    await page.getByRole('button', { name: /^send/i }).first().click()
    await expect
      .poll(
        () =>
          simulator.journal
            .list()
            .slice(before)
            .map((entry) => entry.status),
        { timeout: 5000 },
      )
      .toContain(200)
      .catch((error) => {
        throw new Error(`${error.message}: ${JSON.stringify(simulator.journal.list().slice(before))}`)
      })
    const sent = simulator.journal
      .list()
      .slice(before)
      .find((entry) => entry.status === 200)
    expect(sent?.path).toBe('/v1/contacts/sync')
    expect(sent?.headers.authorization).toBe('Bearer [redacted]')
    await page.screenshot({ path: `${artifacts}reference-try-it.png` })
  })

  it('renders the CloudSponge reference with every operation', async () => {
    const simulator = set.get('cloudsponge')
    await open(`${urls.cloudsponge}/__admin/reference`)
    const summaries = Object.values(simulator.document.paths ?? {}).flatMap((item) =>
      ['get', 'post', 'put', 'patch', 'delete']
        .map((method) => (item as Record<string, { summary?: string } | undefined>)[method]?.summary)
        .filter((summary): summary is string => summary !== undefined),
    )
    await page
      .getByText(summaries[0] ?? '')
      .first()
      .waitFor({ timeout: 20_000 })
    const text = (await page.locator('body').textContent()) ?? ''
    for (const summary of summaries) {
      expect(text).toContain(summary)
    }
    await page.screenshot({ path: `${artifacts}reference-cloudsponge.png` })
  })
})
