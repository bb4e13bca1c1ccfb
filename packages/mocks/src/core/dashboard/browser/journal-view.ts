import type { JournalEntry } from '../../journal.js'
import { el, pill, replace } from './dom.js'
import { keptBody, queryText, statusKind, timeOnly } from './format.js'

/**
 * Draws the request journal, newest first: one row a request, and under each row opened (by id in
 * `open`) its request and answer in full. `toggle` is called with the id of a row clicked.
 *
 * @example
 * renderJournal(answer.requests, state.open, (id) => { state.open[id] = !state.open[id]; poll() })
 */
export function renderJournal(requests: JournalEntry[], open: Record<number, boolean>, toggle: (id: number) => void) {
  if (requests.length === 0) {
    replace(
      'journal-body',
      el(
        'tr',
        null,
        el('td', {
          colspan: 6,
          class: 'empty',
          text: 'No requests yet. Send one with a curl command above, or try it in the API reference.',
        }),
      ),
    )
    return
  }
  const rows: HTMLTableRowElement[] = []
  for (const entry of requests) {
    const isOpen = open[entry.id]
    rows.push(
      el(
        'tr',
        {
          class: 'entry',
          'data-id': entry.id,
          'aria-expanded': isOpen ? 'true' : 'false',
          onclick: () => toggle(entry.id),
        },
        el('td', { class: 'mono muted', text: timeOnly(entry.at) }),
        el('td', null, el('span', { class: 'method', text: entry.method })),
        el('td', { class: 'path', text: entry.path + queryText(entry.query) }),
        el('td', null, statusPill(entry.status)),
        el('td', { class: 'mono muted', text: `${entry.durationMs.toFixed(1)} ms` }),
        el('td', null, entry.faultId ? pill('bad', entry.faultId) : ''),
      ),
    )
    if (isOpen) {
      rows.push(el('tr', { class: 'detail' }, el('td', { colspan: 6 }, journalDetail(entry))))
    }
  }
  replace('journal-body', rows)
}

function statusPill(status: number): HTMLSpanElement {
  return pill(statusKind(status), String(status))
}

function keyValues(record: Record<string, string> | undefined): HTMLElement {
  const keys = Object.keys(record ?? {})
  if (keys.length === 0) {
    return el('div', { class: 'muted', text: 'none' })
  }
  return el(
    'dl',
    { class: 'kv' },
    keys.map((key) => [el('dt', { class: 'mono', text: key }), el('dd', { class: 'mono', text: record?.[key] })]),
  )
}

function responseBody(response: JournalEntry['response'] | undefined): HTMLElement {
  if (!response || response.body === null) {
    return el('div', { class: 'muted', text: 'not kept (streamed, or a page): send the request again to see it' })
  }
  if (!response.body) {
    return el('div', { class: 'muted', text: 'none' })
  }
  return el('pre', { class: 'block', text: keptBody(response.body, response.bodyTruncated, response.bodyBytes) })
}

function journalDetail(entry: JournalEntry): HTMLElement {
  const body = entry.body ? keptBody(entry.body, entry.bodyTruncated, entry.bodyBytes) : ''
  return el(
    'div',
    { class: 'detail-grid' },
    el(
      'div',
      null,
      el('h3', { text: 'Request' }),
      el('div', { class: 'mono', text: `${entry.method} ${entry.path}${queryText(entry.query)}` }),
      el('h3', { text: 'Headers' }),
      keyValues(entry.headers),
      el('h3', { text: `Body${entry.bodyBytes ? ` (${entry.bodyBytes} bytes)` : ''}` }),
      body ? el('pre', { class: 'block', text: body }) : el('div', { class: 'muted', text: 'none' }),
    ),
    el(
      'div',
      null,
      el('h3', { text: 'Response' }),
      el(
        'dl',
        { class: 'kv' },
        el('dt', { text: 'status' }),
        el('dd', null, statusPill(entry.status)),
        el('dt', { text: 'duration' }),
        el('dd', { class: 'mono', text: `${entry.durationMs} ms` }),
        el('dt', { text: 'request id' }),
        el('dd', { class: 'mono', text: entry.requestId || '' }),
        el('dt', { text: 'clock time' }),
        el('dd', { class: 'mono', text: entry.at }),
        el('dt', { text: 'fault' }),
        el('dd', { class: 'mono', text: entry.faultId || 'none' }),
      ),
      el('h3', { text: 'Headers' }),
      keyValues(entry.response?.headers),
      el('h3', { text: `Body${entry.response?.bodyBytes ? ` (${entry.response.bodyBytes} bytes)` : ''}` }),
      responseBody(entry.response),
      el('p', { class: 'muted', text: 'Secrets (credentials, passwords, tokens, signatures) show as [redacted].' }),
    ),
  )
}
