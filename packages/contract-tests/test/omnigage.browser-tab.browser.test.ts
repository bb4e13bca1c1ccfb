import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TabImport } from '../browser-tab/omnigage/page.js'
import { browserSkipReason, launchChromium } from '../src/browser.js'
import { bundledSite } from '../src/browser-page.js'

// The Omnigage and S3 simulators of one set, bundled for the browser, answering the page's plain
// fetch calls to api.omnigage.io and s3.amazonaws.com through MSW's service worker: the S3 form is
// signed and checked with WebCrypto in the tab. Neither host resolves on this machine.

const skipReason = browserSkipReason()
if (skipReason) {
  console.log(`Omnigage browser-tab tests skipped: ${skipReason}`)
}

const pageDir = fileURLToPath(new URL('../browser-tab/omnigage/', import.meta.url))

async function workbook(rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Contacts')
  for (const row of rows) {
    sheet.addRow(row)
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}

describe.skipIf(skipReason !== undefined)('Omnigage and S3 in a browser tab, behind an MSW service worker', () => {
  let site: Awaited<ReturnType<typeof bundledSite>>
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    site = await bundledSite(pageDir)
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // The worker controls the page from its second load on.
    for (let load = 0; load < 2; load++) {
      await page.goto(site.url)
      await page.waitForFunction(() => window.omnigageTab !== undefined, undefined, { timeout: 30_000 })
      await page.evaluate(() => window.omnigageTab?.ready)
    }
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  const importFile = (name: string, base64: string): Promise<TabImport> =>
    page.evaluate(
      ([file, content]) => (window.omnigageTab as NonNullable<typeof window.omnigageTab>).importFile(file, content),
      [name, base64] as const,
    )

  it('uploads an XLSX through the S3 form and imports it, the pair running in the tab', async () => {
    const result = await importFile(
      'people.xlsx',
      await workbook([
        ['First Name', 'Phone Number', 'Email'],
        ['Ann', 14155550100, 'ann@example.com'],
        ['Bo', '555', 'bo@example.com'],
      ]),
    )
    expect(result).toMatchObject({
      s3Status: 204,
      requestUrl: 'https://s3.amazonaws.com/contactkit-uploads/',
      status: 'completed',
      counts: { created: 1, erred: 1, total: 2 },
      failureReason: null,
    })
    expect(result.contacts).toEqual([{ firstName: 'Ann', phoneNumber: '+14155550100' }])
    expect(pageErrors).toEqual([])
  })

  it('imports a CSV in the tab too, read by the browser build of the CSV parser', async () => {
    const csv = 'First Name,Phone\r\nCy,+14155550102\r\n"Di, Jr.",+14155550103\r\nEd,555\r\n'
    const result = await importFile('people.csv', Buffer.from(csv).toString('base64'))
    expect(result).toMatchObject({
      s3Status: 204,
      status: 'completed',
      counts: { created: 2, erred: 1, total: 3 },
      failureReason: null,
    })
    // The account's newest contacts: the tab keeps what the XLSX test imported before them.
    expect(result.contacts.slice(-2)).toEqual([
      { firstName: 'Cy', phoneNumber: '+14155550102' },
      { firstName: 'Di, Jr.', phoneNumber: '+14155550103' },
    ])
    expect(pageErrors).toEqual([])
  })
})
