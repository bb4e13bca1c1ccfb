/**
 * The CloudSponge simulator inside a browser tab. An MSW service worker catches every request to
 * the vendor's real URL and hands it to a simulator that lives in this page's memory. The page's
 * own code is ordinary front-end code: plain `fetch` to https://api.cloudsponge.com.
 *
 * test/browser-tab.browser.test.ts bundles this file with esbuild and drives it through
 * `window.contactkit`; opened by hand, the button runs the whole import.
 */
import { manualClock } from '@contactkit/mocks'
import { createCloudSpongeSimulator, documentedTenant } from '@contactkit/mocks/cloudsponge'
import { createMswHandlers, vendorBaseUrls } from '@contactkit/mocks/msw'
import { setupWorker } from 'msw/browser'

/** What one call to the vendor URL gave back. */
export interface CallResult {
  status: number
  contentType: string | null
  wwwAuthenticate: string | null
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown
}

export interface Credentials {
  domainKey: string
  domainPassword: string
}

export interface BeginParams {
  service: string
  username: string
  password: string
}

/** A request as the in-tab simulator's journal recorded it. */
export interface JournalLine {
  method: string
  path: string
  status: number
}

/** What the page puts on `window.contactkit` once the worker is ready. */
export interface BrowserTabApi {
  /** Resolves when the worker is active and controls the page; rejects if it failed to start. */
  ready: Promise<void>
  baseUrl: string
  begin(params: BeginParams, credentials?: Credentials): Promise<CallResult>
  events(importId: number): Promise<CallResult>
  contacts(importId: number): Promise<CallResult>
  /** `POST /__admin/clock` through the worker, as any HTTP client would. */
  advanceClockByAdminApi(ms: number): Promise<CallResult>
  /** `sim.clock.advance(ms)` in-process; returns the new clock time, ISO 8601. */
  advanceClockInProcess(ms: number): string
  /** What reached the simulator, oldest first. */
  journal(): JournalLine[]
  /** Begins foo's iCloud import, advances the clock, then shows its events and contacts. */
  runScenario(): Promise<void>
}

declare global {
  interface Window {
    contactkit?: BrowserTabApi
  }
}

interface VendorEvent {
  event_type: string
  status: string
  value: number
  description: string | null
}

interface VendorContact {
  first_name?: string | null
  last_name?: string | null
  email?: { address: string }[] | null
}

const baseUrl = vendorBaseUrls.cloudsponge
const sim = createCloudSpongeSimulator({ clock: manualClock() })
const worker = setupWorker(...createMswHandlers(sim, { baseUrl }))

function element(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) {
    throw new Error(`The page has no #${id} element; index.html and page.ts disagree.`)
  }
  return found
}

function basicAuth(credentials: Credentials): string {
  return `Basic ${btoa(`${credentials.domainKey}:${credentials.domainPassword}`)}`
}

async function call(path: string, init: RequestInit = {}, credentials: Credentials = documentedTenant) {
  const headers = new Headers(init.headers)
  headers.set('Authorization', basicAuth(credentials))
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  const result: CallResult = {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    wwwAuthenticate: response.headers.get('WWW-Authenticate'),
    body,
  }
  renderClock()
  if (response.status >= 400) {
    element('error').textContent = `${response.status}: ${errorMessage(body)}`
  }
  return result
}

function errorMessage(body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message
  return typeof message === 'string' ? message : String(body)
}

function renderClock(): void {
  element('clock').textContent = new Date(sim.clock.now()).toISOString()
}

function renderEvents(events: VendorEvent[]): void {
  element('events').replaceChildren(
    ...events.map((event) => {
      const item = document.createElement('li')
      item.textContent = `${event.event_type} ${event.status}${event.description ? `: ${event.description}` : ''}`
      return item
    }),
  )
}

function renderContacts(owner: VendorContact | null, contacts: VendorContact[]): void {
  element('owner').textContent = owner ? `Owner: ${fullName(owner)}` : ''
  element('contacts').replaceChildren(
    ...contacts.map((contact) => {
      const item = document.createElement('li')
      const email = contact.email?.[0]?.address
      item.textContent = email ? `${fullName(contact)} <${email}>` : fullName(contact)
      return item
    }),
  )
}

function fullName(contact: VendorContact): string {
  return [contact.first_name, contact.last_name].filter(Boolean).join(' ')
}

const api: BrowserTabApi = {
  ready: Promise.resolve(),
  baseUrl,
  async begin(params, credentials) {
    element('error').textContent = ''
    const result = await call(
      '/begin_import/import.json',
      { method: 'POST', body: new URLSearchParams({ ...params }) },
      credentials,
    )
    const importId = (result.body as { import_id?: unknown } | null)?.import_id
    if (typeof importId === 'number') {
      element('import-id').textContent = String(importId)
    }
    return result
  },
  async events(importId) {
    const result = await call(`/events/${importId}.json`)
    const events = (result.body as { events?: VendorEvent[] } | null)?.events
    if (result.status === 200 && events) {
      renderEvents(events)
    }
    return result
  },
  async contacts(importId) {
    const result = await call(`/contacts/${importId}.json`)
    const body = result.body as { contacts?: VendorContact[]; contacts_owner?: VendorContact | null } | null
    if (result.status === 200 && body?.contacts) {
      renderContacts(body.contacts_owner ?? null, body.contacts)
    }
    return result
  },
  async advanceClockByAdminApi(ms) {
    const response = await fetch(`${baseUrl}/__admin/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    })
    renderClock()
    return {
      status: response.status,
      contentType: response.headers.get('Content-Type'),
      wwwAuthenticate: null,
      body: await response.json(),
    }
  },
  advanceClockInProcess(ms) {
    sim.clock.advance(ms)
    renderClock()
    return new Date(sim.clock.now()).toISOString()
  },
  journal() {
    return sim.journal.list().map(({ method, path, status }) => ({ method, path, status }))
  },
  async runScenario() {
    const begun = await api.begin({ service: 'icloud', username: 'foo', password: 'bar' })
    const importId = (begun.body as { import_id: number }).import_id
    await api.events(importId)
    await api.advanceClockByAdminApi(10_000)
    await api.events(importId)
    await api.contacts(importId)
  },
}

async function start(): Promise<void> {
  // quiet: no MSW banner; bypass: the page's own files still load from the static server.
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true })
  renderClock()
  element('worker').textContent = navigator.serviceWorker.controller ? 'active' : 'registered'
  const button = element('run') as HTMLButtonElement
  button.disabled = false
  button.addEventListener('click', () => {
    api.runScenario().catch((error: unknown) => {
      element('error').textContent = String(error)
    })
  })
}

api.ready = start()
window.contactkit = api
api.ready.catch((error: unknown) => {
  element('worker').textContent = `failed: ${String(error)}`
})
