import { describe, expect, it } from 'vitest'
import {
  adminErrorMessage,
  clockText,
  exampleCommand,
  faultRuleOf,
  gatheredShare,
  isTime,
  keptBody,
  label,
  listText,
  numberText,
  pad,
  phaseKind,
  queryText,
  relativeTime,
  statusKind,
  tableColumns,
  timeOnly,
  withToken,
} from './format.js'

const now = Date.parse('2026-03-01T12:00:00Z')

describe('times as the dashboard writes them', () => {
  it('pads numbers to their width and leaves longer ones alone', () => {
    expect([pad(0), pad(7), pad(42), pad(5, 3), pad(1234, 3)]).toEqual(['00', '07', '42', '005', '1234'])
  })

  it('writes the clock in UTC, whatever the browser time zone', () => {
    expect(clockText(Date.parse('2026-03-01T04:05:06.789-08:00'))).toBe('2026-03-01 12:05:06 UTC')
    expect(clockText(Date.parse('2026-12-31T23:59:59Z'))).toBe('2026-12-31 23:59:59 UTC')
  })

  it('writes a request time of day to the millisecond', () => {
    expect(timeOnly('2026-03-01T09:08:07.006Z')).toBe('09:08:07.006')
    expect(timeOnly('2026-03-01T23:00:00Z')).toBe('23:00:00.000')
  })

  it('says how far an instant is from the simulator clock, in the largest unit that fits', () => {
    const at = (ms: number) => new Date(now + ms).toISOString()
    expect(relativeTime(at(999), now)).toBe('now')
    expect(relativeTime(at(-999), now)).toBe('now')
    expect(relativeTime(at(1000), now)).toBe('in 1 s')
    expect(relativeTime(at(-59_000), now)).toBe('59 s ago')
    expect(relativeTime(at(5 * 60_000), now)).toBe('in 5 min')
    expect(relativeTime(at(-90 * 60_000), now)).toBe('2 h ago')
    expect(relativeTime(at(47 * 3_600_000), now)).toBe('in 47 h')
    expect(relativeTime(at(-3 * 86_400_000), now)).toBe('3 d ago')
  })

  it('treats only keys ending in At with a date as instants', () => {
    expect(isTime('createdAt', '2026-03-01T12:00:00Z')).toBe(true)
    expect(isTime('createdAt', 'soon')).toBe(false)
    expect(isTime('created', '2026-03-01T12:00:00Z')).toBe(false)
    expect(isTime('expiresAt', now)).toBe(false)
  })
})

describe('colours and labels', () => {
  it('colours statuses: 2xx ok, 3xx information, 4xx a warning, 5xx bad', () => {
    expect([200, 204, 302, 400, 429, 500, 503].map(statusKind)).toEqual([
      'ok',
      'ok',
      'info',
      'warn',
      'warn',
      'bad',
      'bad',
    ])
  })

  it('colours the phases it knows and no others, not even names every object has', () => {
    expect(['complete', 'ready', 'error', 'waiting-for-user', 'gathering'].map(phaseKind)).toEqual([
      'ok',
      'ok',
      'bad',
      'warn',
      'info',
    ])
    expect([phaseKind('queued'), phaseKind('constructor'), phaseKind(undefined)]).toEqual(['', '', ''])
  })

  it('turns camelCase keys into words', () => {
    expect(label('deleteAfterMs')).toBe('delete after ms')
    expect(label('s3Bucket')).toBe('s3 bucket')
    expect(label('imports')).toBe('imports')
  })

  it('writes ids as they are and other numbers with thousands separators', () => {
    expect(numberText('importId', 1126123)).toBe('1126123')
    expect(numberText('id', 4096)).toBe('4096')
    expect(numberText('total', 2500)).toBe('2,500')
    expect(numberText('ratio', 0.5)).toBe('0.5')
  })
})

describe('journal and state text', () => {
  it('writes a query after its path, or nothing', () => {
    expect(queryText({ start: '0', count: '10' })).toBe('?start=0&count=10')
    expect(queryText({})).toBe('')
    expect(queryText(undefined)).toBe('')
  })

  it('notes a body the journal kept only the start of', () => {
    expect(keptBody('{"a":1}', false, 7)).toBe('{"a":1}')
    expect(keptBody('abc', true, 9000)).toBe('abc\n… (9000 bytes in all; the journal keeps the first 4 KB)')
  })

  it('shares out the gathered bar, never past full, an empty book full', () => {
    expect(gatheredShare(50, 200)).toBe(0.25)
    expect(gatheredShare(300, 200)).toBe(1)
    expect(gatheredShare(0, 0)).toBe(1)
  })

  it('makes table columns of every key in the order first seen', () => {
    expect(tableColumns([{ id: 1, phase: 'a' }, { id: 2, total: 3 }, { name: 'x' }])).toEqual([
      'id',
      'phase',
      'total',
      'name',
    ])
  })

  it('writes a list of plain values on one line, nested values as JSON', () => {
    expect(listText(['a', 1, true, [2, 3], null])).toBe('a, 1, true, [2,3], null')
  })
})

describe('links, forms and the admin API', () => {
  it('carries the admin token on links, encoded, after any query', () => {
    expect(withToken('reference', '')).toBe('reference')
    expect(withToken('reference', 'a b&c')).toBe('reference?admin_token=a%20b%26c')
    expect(withToken('state?snapshot=1', 't')).toBe('state?snapshot=1&admin_token=t')
  })

  it('makes a fault rule of the form: blanks left out, numbers as numbers, the path trimmed', () => {
    const blank = { method: '', path: ' /** ', status: '', delayMs: '', times: '', probability: '' }
    expect(faultRuleOf(blank)).toEqual({ path: '/**' })
    expect(
      faultRuleOf({
        method: 'GET',
        path: '/events/*',
        status: '503',
        delayMs: ' 250 ',
        times: '2',
        probability: '0.5',
      }),
    ).toEqual({ path: '/events/*', method: 'GET', status: 503, delayMs: 250, times: 2, probability: 0.5 })
    // A number the form could not check still goes to the admin API, which says what is wrong.
    expect(faultRuleOf({ ...blank, status: 'abc' }).status).toBeNaN()
  })

  it("shows the admin API's own sentence, or its status when it sent none", () => {
    expect(adminErrorMessage(400, { error: { message: 'Failed to add the fault rule.' } })).toBe(
      'Failed to add the fault rule.',
    )
    expect(adminErrorMessage(502, {})).toBe('The admin API answered 502.')
    expect(adminErrorMessage(500, null)).toBe('The admin API answered 500.')
    expect(adminErrorMessage(500, { error: { message: '' } })).toBe('The admin API answered 500.')
  })

  it("puts the simulator's URL in every place of a curl example", () => {
    expect(exampleCommand('curl {baseUrl}/a -H "Origin: {baseUrl}"', 'http://127.0.0.1:4010')).toBe(
      'curl http://127.0.0.1:4010/a -H "Origin: http://127.0.0.1:4010"',
    )
  })
})
