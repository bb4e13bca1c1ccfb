import { createCloudSpongeClient, ImportFailedError } from '@contactkit/clients/cloudsponge'
import { manualClock } from '@contactkit/mocks'
import { type CloudSpongeSimulator, createCloudSpongeSimulator, documentedTenant } from '@contactkit/mocks/cloudsponge'
import { type RunningServer, serve } from '@contactkit/mocks/node'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchChromium } from '../src/browser.js'

const skipReason = browserSkipReason()
if (skipReason) {
  console.log(`CloudSponge consent browser tests skipped: ${skipReason}`)
}

describe.skipIf(Boolean(skipReason))('CloudSponge consent page in headless Chromium', () => {
  let browser: Browser
  let sim: CloudSpongeSimulator
  let server: RunningServer

  beforeAll(async () => {
    browser = await launchChromium()
    sim = createCloudSpongeSimulator({ clock: manualClock() })
    server = await serve(sim)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  const client = () =>
    createCloudSpongeClient({ ...documentedTenant, baseUrl: server.url, sleep: async (ms) => sim.clock.advance(ms) })

  it('imports once the user clicks Allow, and sends the browser to redirect_url', async () => {
    const page = await browser.newPage()
    const redirectUrl = `${server.url}/openapi.json`
    const book = await client().importContacts(
      { service: 'gmail', redirectUrl },
      {
        onConsentUrl: async (url) => {
          await page.goto(url)
          expect(await page.locator('h1').textContent()).toBe('Share your GMAIL contacts?')
          await page.fill('input[name=username]', 'contacts-12')
          await Promise.all([page.waitForURL(redirectUrl), page.click('#approve')])
        },
      },
    )
    expect(page.url()).toBe(redirectUrl)
    expect(book.total).toBe(12)
    expect(book.contacts).toHaveLength(12)
    await page.close()
  })

  it('fails the import when the user clicks Deny, and shows them a closing page without redirect_url', async () => {
    const page = await browser.newPage()
    const error = await client()
      .importContacts(
        { service: 'yahoo' },
        {
          onConsentUrl: async (url) => {
            await page.goto(url)
            // Wait for the answer page itself: waitForLoadState would resolve on the page being left.
            await Promise.all([
              page.waitForResponse(
                (response) => response.request().method() === 'POST' && response.url().startsWith(url),
              ),
              page.click('#deny'),
            ])
            await page.locator('h1', { hasText: 'Access denied' }).waitFor()
          },
        },
      )
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImportFailedError)
    expect((error as ImportFailedError).errorCode).toBe(2)
    expect(await page.locator('h1').textContent()).toBe('Access denied')
    await page.close()
  })
})
