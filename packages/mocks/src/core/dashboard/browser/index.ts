import type { FaultRule } from '../../faults.js'
import type { JournalEntry } from '../../journal.js'
import type { DashboardProfile } from '../profile.js'
import { adminApi } from './admin-api.js'
import { renderConnect } from './connect-view.js'
import { byId, pill, replace, toast } from './dom.js'
import { readFaultForm, renderFaults } from './faults-view.js'
import { clockText, withToken } from './format.js'
import { renderJournal } from './journal-view.js'
import { renderState } from './state-view.js'

/**
 * The dashboard's script, run in the browser: it reads the admin API of the simulator that served
 * it (relative URLs under `/__admin/`), polls it once a second and draws with the DOM. Bundled at
 * build time into one script that the page inlines (`scripts/generate.mjs`).
 */

/** What the page embeds in `#dashboard-config`. */
interface DashboardConfig {
  name: string
  profile: DashboardProfile
}

interface ClockView {
  mode: string
  now: string
  nowMs: number
}

const config = JSON.parse(byId('dashboard-config').textContent ?? '{}') as DashboardConfig
const token = new URLSearchParams(location.search).get('admin_token') ?? ''
const api = adminApi(token)
const state = {
  nowMs: 0,
  /** Journal rows opened, by request id. */
  open: {} as Record<number, boolean>,
  /** What each view last drew, as JSON: a view is drawn again only when its data changed. */
  last: {} as Record<string, string | undefined>,
}
const clockInput = byId('clock-set', HTMLInputElement)

function showError(id: string) {
  return (error: Error) => {
    byId(id).textContent = error.message
  }
}

function renderClock(clock: ClockView): void {
  state.nowMs = clock.nowMs
  replace('clock-mode', pill(clock.mode === 'manual' ? 'info' : 'ok', clock.mode))
  replace('clock-now', clockText(clock.nowMs))
  // Not while someone is typing a time into it.
  if (document.activeElement !== clockInput && !clockInput.dataset.touched) {
    clockInput.value = clock.now
  }
}

function advance(ms: number): void {
  api<ClockView>('POST', 'clock', { advanceMs: ms }).then((clock) => {
    renderClock(clock)
    refresh()
  }, showError('clock-error'))
}

function changed(name: string, data: unknown): boolean {
  const text = JSON.stringify(data)
  if (state.last[name] === text) {
    return false
  }
  state.last[name] = text
  return true
}

let polling = false

async function poll(): Promise<void> {
  if (polling) {
    return
  }
  polling = true
  const live = byId('live')
  try {
    const [clock, requests, faults, vendorState] = await Promise.all([
      api<ClockView>('GET', 'clock'),
      api<{ requests: JournalEntry[] }>('GET', 'requests?limit=100'),
      api<{ faults: FaultRule[] }>('GET', 'faults'),
      api<Record<string, unknown>>('GET', 'state'),
    ])
    renderClock(clock)
    const clockMoved = changed('clock', clock.nowMs)
    if (changed('requests', requests.requests)) {
      renderJournal(requests.requests, state.open, toggleEntry)
    }
    if (changed('faults', faults.faults)) {
      renderFaults(faults.faults, removeFault)
    }
    // Relative times in the state move with the clock, so it is drawn again when the clock moves.
    if (changed('state', vendorState) || clockMoved) {
      renderState(vendorState, state.nowMs)
    }
    live.className = 'pill ok'
    live.textContent = 'live'
  } catch (error) {
    live.className = 'pill bad'
    live.textContent = 'offline'
    byId('clock-error').textContent = (error as Error).message
  } finally {
    polling = false
  }
}

function refresh(): Promise<void> {
  state.last = {}
  return poll()
}

function toggleEntry(id: number): void {
  state.open[id] = !state.open[id]
  state.last.requests = undefined
  poll()
}

function removeFault(id: string): void {
  api('DELETE', `faults/${encodeURIComponent(id)}`).then(refresh, showError('fault-error'))
}

for (const button of document.querySelectorAll<HTMLElement>('[data-advance]')) {
  button.addEventListener('click', () => advance(Number(button.getAttribute('data-advance'))))
}
clockInput.addEventListener('input', () => {
  clockInput.dataset.touched = '1'
})
byId('clock-form').addEventListener('submit', (event) => {
  event.preventDefault()
  byId('clock-error').textContent = ''
  api<ClockView>('POST', 'clock', { now: clockInput.value.trim() }).then((clock) => {
    delete clockInput.dataset.touched
    renderClock(clock)
    refresh()
  }, showError('clock-error'))
})
byId('fault-form', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault()
  byId('fault-error').textContent = ''
  api<{ faults: FaultRule[] }>('POST', 'faults', readFaultForm(event.currentTarget as HTMLFormElement)).then(
    (answer) => {
      toast(`Added ${answer.faults[0]?.id}`)
      refresh()
    },
    showError('fault-error'),
  )
})
byId('faults-clear').addEventListener('click', () => {
  api('DELETE', 'faults').then(refresh, showError('fault-error'))
})
byId('journal-clear').addEventListener('click', () => {
  state.open = {}
  api('DELETE', 'requests').then(refresh)
})
byId('state-reset').addEventListener('click', () => {
  api('POST', 'reset').then(() => {
    state.open = {}
    toast('Reset: imports, seeded data, journal and faults are gone')
    refresh()
  })
})
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-token]')) {
  link.href = withToken(link.getAttribute('href') ?? '', token)
}
renderConnect(config.profile, location.origin)
poll()
setInterval(poll, 1000)
