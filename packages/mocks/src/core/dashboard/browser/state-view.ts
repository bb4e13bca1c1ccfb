import { el, pill, replace } from './dom.js'
import {
  gatheredShare,
  isTime,
  label,
  listText,
  numberText,
  phaseKind,
  relativeTime,
  tableColumns,
  timeOnly,
} from './format.js'

type Row = Record<string, unknown>

/**
 * Draws a vendor's state as the admin API reports it, whatever its shape: lists of records as
 * tables first and wide, then the small settings (timing, policies). Instants show their time of
 * day and how far they are from the simulator's now (`nowMs`).
 *
 * @example
 * renderState(await api('GET', 'state'), clock.nowMs)
 */
export function renderState(data: Row, nowMs: number): void {
  const keys = Object.keys(data ?? {})
  if (keys.length === 0) {
    replace('state-body', el('div', { class: 'empty', text: 'This vendor reports no state.' }))
    return
  }
  const lists = keys.filter((key) => Array.isArray(data[key]))
  const rest = keys.filter((key) => !Array.isArray(data[key]))
  replace('state-body', [
    lists.map((key) =>
      el(
        'section',
        { 'data-section': key },
        el('h3', { text: `${label(key)} (${(data[key] as unknown[]).length})` }),
        renderValue(key, data[key], undefined, nowMs),
      ),
    ),
    rest.length
      ? el(
          'section',
          null,
          el('h3', { text: 'settings' }),
          el(
            'dl',
            { class: 'kv' },
            rest.map((key) => [
              el('dt', { text: label(key) }),
              el('dd', null, renderValue(key, data[key], data, nowMs)),
            ]),
          ),
        )
      : null,
  ])
}

function isRecord(value: unknown): value is Row {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value)
}

function renderValue(key: string, value: unknown, row: Row | undefined, nowMs: number): HTMLElement {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return el('span', { class: 'muted', text: 'none' })
    }
    if (value.every(isRecord)) {
      const columns = tableColumns(value)
      return el(
        'div',
        { class: 'scroll' },
        el(
          'table',
          { 'data-key': key },
          el(
            'thead',
            null,
            el(
              'tr',
              null,
              columns.map((column) => el('th', { text: label(column) })),
            ),
          ),
          el(
            'tbody',
            null,
            value.map((item) =>
              el(
                'tr',
                null,
                columns.map((column) => el('td', null, renderValue(column, item[column], item, nowMs))),
              ),
            ),
          ),
        ),
      )
    }
    return el('span', { class: 'mono', text: listText(value) })
  }
  if (isRecord(value)) {
    return el(
      'dl',
      { class: 'kv' },
      Object.keys(value).map((inner) => [
        el('dt', { text: label(inner) }),
        el('dd', null, renderValue(inner, value[inner], value, nowMs)),
      ]),
    )
  }
  return renderScalar(key, value, row, nowMs)
}

function renderScalar(key: string, value: unknown, row: Row | undefined, nowMs: number): HTMLElement {
  if (value === null || value === undefined) {
    return el('span', { class: 'muted', text: '—' })
  }
  if (key === 'phase' || key === 'sync') {
    return pill(phaseKind(value), String(value))
  }
  if (isTime(key, value)) {
    return el(
      'span',
      { title: value },
      el('span', { class: 'mono', text: timeOnly(value) }),
      ' ',
      el('span', { class: 'muted', text: `(${relativeTime(value, nowMs)})` }),
    )
  }
  if (key === 'gathered' && typeof value === 'number' && typeof row?.total === 'number') {
    const share = gatheredShare(value, row.total)
    return el(
      'span',
      null,
      el(
        'span',
        { class: `bar${share >= 1 ? ' done' : ''}` },
        el('span', { style: `width:${Math.round(share * 100)}%` }),
      ),
      `${value} / ${row.total}`,
    )
  }
  if (typeof value === 'boolean') {
    return pill(value ? 'warn' : '', String(value))
  }
  if (typeof value === 'number') {
    return el('span', { class: 'mono', text: numberText(key, value) })
  }
  return el('span', { class: 'mono', text: String(value) })
}
