/**
 * The Omnigage and S3 simulators of one set inside a browser tab, behind MSW's service worker:
 * an upload, the S3 form post (signed with WebCrypto), an import and its contacts, each with
 * plain `fetch` to the vendors' real URLs. test/omnigage.browser-tab.browser.test.ts bundles this
 * file and drives it through `window.omnigageTab`.
 */
import { createSimulatorSet, manualClock } from '@contactkit/mocks'
import { createSetHandlers } from '@contactkit/mocks/msw'
import { omnigageVendor, sandboxTenant } from '@contactkit/mocks/omnigage'
import { s3Vendor } from '@contactkit/mocks/s3'
import { setupWorker } from 'msw/browser'

/** What one import through the tab gave back. */
export interface TabImport {
  s3Status: number
  requestUrl: string
  status: string
  counts: { created: number; erred: number; total: number }
  failureReason: string | null
  contacts: { firstName: string | null; phoneNumber: string | null }[]
}

export interface OmnigageTabApi {
  ready: Promise<unknown>
  /** Uploads a file (base64) through the S3 form, imports it, moves the clock past it, reads it back. */
  importFile(name: string, base64: string): Promise<TabImport>
}

declare global {
  interface Window {
    omnigageTab?: OmnigageTabApi
  }
}

const api = 'https://api.omnigage.io'
const auth = { Authorization: `Basic ${btoa(`${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret}`)}` }
const set = createSimulatorSet([omnigageVendor, s3Vendor], { clock: manualClock('2026-03-01T12:00:00Z') })
const worker = setupWorker(...createSetHandlers(set))

async function json(response: Response) {
  if (!response.ok) {
    throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`)
  }
  return response.json()
}

window.omnigageTab = {
  ready: worker.start({ onUnhandledRequest: 'bypass', quiet: true }),
  async importFile(name, base64) {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const type = name.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv'
    const headers = { ...auth, 'Content-Type': 'application/json' }
    const upload = await json(
      await fetch(`${api}/api/v1/uploads`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name, type, size: bytes.byteLength }),
      }),
    )
    const form = new FormData()
    for (const entry of upload.data.attributes['request-form-data'] as Record<string, string>[]) {
      for (const [field, value] of Object.entries(entry)) {
        form.append(field, value)
      }
    }
    form.append('Content-Type', type)
    form.append('file', new File([bytes], name, { type }))
    const posted = await fetch(upload.data.attributes['request-url'], { method: 'POST', body: form })
    const created = await json(
      await fetch(`${api}/api/v1/import-contacts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          data: {
            type: 'import-contacts',
            relationships: { upload: { data: { type: 'uploads', id: upload.data.id } } },
          },
        }),
      }),
    )
    set.clock.advance(60_000)
    const done = (await json(await fetch(`${api}/api/v1/import-contacts/${created.data.id}`, { headers: auth }))).data
      .attributes
    const contacts = await json(await fetch(`${api}/api/v1/contacts`, { headers: auth }))
    return {
      s3Status: posted.status,
      requestUrl: upload.data.attributes['request-url'],
      status: done.status,
      counts: { created: done['count-created'], erred: done['count-erred'], total: done['count-total'] },
      failureReason: done['failure-reason'] ?? null,
      contacts: contacts.data.map((contact: { attributes: Record<string, string | null> }) => ({
        firstName: contact.attributes['first-name'] ?? null,
        phoneNumber: contact.attributes['phone-number'] ?? null,
      })),
    }
  },
}
