import { describe, expect, it } from 'vitest'
import { RequestJournal } from './journal.js'

describe('refusals of bad configuration', () => {
  it('a request journal whose limit is not a whole number of at least 1', () => {
    expect(() => new RequestJournal(0)).toThrow(
      new RangeError('Failed to create the request journal: limit 0 must be a whole number >= 1.'),
    )
    expect(() => new RequestJournal({ limit: 2.5 })).toThrow(/limit 2.5 must be a whole number >= 1/)
    expect(new RequestJournal(1).limit).toBe(1)
    const two = new RequestJournal(2)
    for (const url of ['/a', '/b', '/c']) {
      two.record({
        atMs: 0,
        method: 'GET',
        url,
        headers: new Headers(),
        body: { text: '', truncated: false, bytes: 0 },
        status: 200,
        durationMs: 0,
        requestId: null,
        faultId: null,
      })
    }
    expect(two.list().map((entry) => entry.path)).toEqual(['/b', '/c'])
  })
})

describe('the journal', () => {
  const at = (method: string, url: string, status: number) => ({
    atMs: 0,
    method,
    url,
    headers: new Headers(),
    body: { text: '', truncated: false, bytes: 0 },
    status,
    durationMs: 1,
    requestId: 'r',
    faultId: null,
  })

  it('filters by method whatever its case', () => {
    const journal = new RequestJournal(10)
    journal.record(at('GET', '/a', 200))
    journal.record(at('POST', '/b', 201))
    expect(journal.list({ method: 'post' }).map((entry) => entry.method)).toEqual(['POST'])
    expect(journal.list().map((entry) => entry.method)).toEqual(['GET', 'POST'])
  })

  it('lists a request that has no response yet with no response headers or body', () => {
    const journal = new RequestJournal(10)
    journal.record(at('GET', '/a', 0))
    const [entry] = journal.list()
    expect(entry?.response).toEqual({ headers: {}, body: null, bodyTruncated: false, bodyBytes: null })
  })
})
