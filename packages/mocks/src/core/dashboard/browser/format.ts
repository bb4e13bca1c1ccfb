import type { FaultRuleInput } from '../../faults.js'

/**
 * What the dashboard writes: times, sizes, labels and query strings, as text. Pure functions of
 * their arguments (the clock's time comes in as `nowMs`), so they are tested without a browser.
 */

/** The colour class of a pill: `ok`, `info`, `warn` or `bad`. */
export type PillKind = 'ok' | 'info' | 'warn' | 'bad' | ''

/**
 * A number with leading zeros.
 *
 * @example
 * pad(7) // '07'
 * pad(5, 3) // '005'
 */
export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/**
 * The simulator clock as the dashboard shows it, always in UTC.
 *
 * @example
 * clockText(Date.parse('2026-03-01T12:00:05Z')) // '2026-03-01 12:00:05 UTC'
 */
export function clockText(ms: number): string {
  const d = new Date(ms)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
}

/**
 * The time of day of an instant, to the millisecond, in UTC.
 *
 * @example
 * timeOnly('2026-03-01T12:00:05.042Z') // '12:00:05.042'
 */
export function timeOnly(iso: string): string {
  const d = new Date(iso)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
}

/**
 * How far an instant is from the simulator's now, rounded to the largest unit that fits.
 *
 * @example
 * relativeTime('2026-03-01T12:05:00Z', Date.parse('2026-03-01T12:00:00Z')) // 'in 5 min'
 * relativeTime('2026-03-01T11:00:00Z', Date.parse('2026-03-01T12:00:00Z')) // '1 h ago'
 */
export function relativeTime(iso: string, nowMs: number): string {
  const diff = Date.parse(iso) - nowMs
  const abs = Math.abs(diff)
  if (abs < 1000) {
    return 'now'
  }
  const text =
    abs < 60_000
      ? `${Math.round(abs / 1000)} s`
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : abs < 172_800_000
          ? `${Math.round(abs / 3_600_000)} h`
          : `${Math.round(abs / 86_400_000)} d`
  return diff > 0 ? `in ${text}` : `${text} ago`
}

/**
 * The pill colour of an HTTP status: 5xx bad, 4xx a warning, 3xx information, the rest fine.
 *
 * @example
 * statusKind(429) // 'warn'
 */
export function statusKind(status: number): PillKind {
  return status >= 500 ? 'bad' : status >= 400 ? 'warn' : status >= 300 ? 'info' : 'ok'
}

const phaseKinds = new Map<string, PillKind>(
  Object.entries({
    complete: 'ok',
    ready: 'ok',
    error: 'bad',
    deleted: 'bad',
    'waiting-for-user': 'warn',
    gathering: 'info',
    initializing: 'info',
    provisioning: 'info',
  }),
)

/**
 * The pill colour of a vendor phase (`phase` or `sync` in the state); none for a phase it does not know.
 *
 * @example
 * phaseKind('waiting-for-user') // 'warn'
 */
export function phaseKind(phase: unknown): PillKind {
  return phaseKinds.get(String(phase)) ?? ''
}

/**
 * A state key as words: camelCase split and lower-cased.
 *
 * @example
 * label('deleteAfterMs') // 'delete after ms'
 */
export function label(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

/**
 * Whether a state value is an instant: a key ending in `At` whose value parses as a date.
 *
 * @example
 * isTime('createdAt', '2026-03-01T12:00:00Z') // true
 * isTime('created', '2026-03-01T12:00:00Z') // false
 */
export function isTime(key: string, value: unknown): value is string {
  return typeof value === 'string' && /At$/.test(key) && !Number.isNaN(Date.parse(value))
}

/**
 * A journal entry's query as it would be written after its path; empty without one.
 *
 * @example
 * queryText({ start: '0', count: '10' }) // '?start=0&count=10'
 */
export function queryText(query: Record<string, string> | undefined): string {
  const keys = Object.keys(query ?? {})
  if (keys.length === 0) {
    return ''
  }
  return `?${keys.map((key) => `${key}=${query?.[key]}`).join('&')}`
}

/**
 * A link that carries the admin token, so that a protected dashboard's links open without asking again.
 *
 * @example
 * withToken('reference', 's3cret') // 'reference?admin_token=s3cret'
 */
export function withToken(url: string, token: string): string {
  if (!token) {
    return url
  }
  return `${url}${url.includes('?') ? '&' : '?'}admin_token=${encodeURIComponent(token)}`
}

/**
 * A body the journal kept, with a note when it kept only the start of it.
 *
 * @example
 * keptBody('{"a":', true, 9000) // '{"a":\n… (9000 bytes in all; the journal keeps the first 4 KB)'
 */
export function keptBody(body: string, truncated: boolean, bytes: number | null): string {
  return truncated ? `${body}\n… (${bytes} bytes in all; the journal keeps the first 4 KB)` : body
}

/**
 * A number in the state: ids as they are, other numbers with thousands separators.
 *
 * @example
 * numberText('importId', 1126) // '1126'
 * numberText('total', 2500) // '2,500'
 */
export function numberText(key: string, value: number): string {
  return /id$/i.test(key) ? String(value) : value.toLocaleString('en')
}

/**
 * How much of an import is gathered, from 0 to 1; an empty book counts as done.
 *
 * @example
 * gatheredShare(50, 200) // 0.25
 */
export function gatheredShare(gathered: number, total: number): number {
  return total ? Math.min(1, gathered / total) : 1
}

/**
 * The columns of a table of records: every key any of them has, in the order first seen.
 *
 * @example
 * tableColumns([{ id: 1 }, { id: 2, name: 'Ann' }]) // ['id', 'name']
 */
export function tableColumns(rows: Record<string, unknown>[]): string[] {
  const columns = new Set<string>()
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      columns.add(key)
    }
  }
  return [...columns]
}

/**
 * A list of values that are not records, on one line.
 *
 * @example
 * listText(['a', 1, [2]]) // 'a, 1, [2]'
 */
export function listText(values: unknown[]): string {
  return values.map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value))).join(', ')
}

/** The fault form's fields as typed, each a string (empty when left blank). */
export interface FaultFormValues {
  method: string
  path: string
  status: string
  delayMs: string
  times: string
  probability: string
}

/**
 * The fault rule the form describes: blank fields left out, numbers as numbers (the admin API
 * says what is wrong with them).
 *
 * @example
 * faultRuleOf({ method: 'GET', path: ' /events/* ', status: '503', delayMs: '', times: '2', probability: '' })
 * // { path: '/events/*', method: 'GET', status: 503, times: 2 }
 */
export function faultRuleOf(values: FaultFormValues): FaultRuleInput {
  const rule: FaultRuleInput = { path: values.path.trim() }
  if (values.method) {
    rule.method = values.method
  }
  for (const key of ['status', 'delayMs', 'times', 'probability'] as const) {
    const raw = values[key].trim()
    if (raw !== '') {
      rule[key] = Number(raw)
    }
  }
  return rule
}

/**
 * The sentence an admin API refusal shows: the API's own message, or its status when it sent none.
 *
 * @example
 * adminErrorMessage(503, {}) // 'The admin API answered 503.'
 */
export function adminErrorMessage(status: number, body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message
  return typeof message === 'string' && message ? message : `The admin API answered ${status}.`
}

/**
 * A documented curl command with the simulator's own URL in it.
 *
 * @example
 * exampleCommand('curl {baseUrl}/events/1', 'http://127.0.0.1:4010') // 'curl http://127.0.0.1:4010/events/1'
 */
export function exampleCommand(command: string, baseUrl: string): string {
  return command.split('{baseUrl}').join(baseUrl)
}
