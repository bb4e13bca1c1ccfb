import { describe, expect, it } from 'vitest'
import { type JournalRecord, RequestJournal, sentPreview } from './journal.js'

// What `GET /__admin/requests` shows for a request, built from the raw parts the core records.

function record(overrides: Partial<JournalRecord> = {}): JournalRecord {
  return {
    atMs: Date.parse('2026-01-01T00:00:00Z'),
    method: 'POST',
    url: '/items?page=2',
    headers: new Headers(),
    body: { text: '', truncated: false, bytes: 0 },
    status: 200,
    durationMs: 3,
    requestId: 'req-1',
    faultId: null,
    ...overrides,
  }
}

const answer = (body: string | Uint8Array, contentType = 'text/plain') => ({
  answer: { headers: new Headers({ 'content-type': contentType }) },
  body: sentPreview(body),
})

describe('journal entries', () => {
  it('numbers requests from 1 and lists the newest first when given a limit', () => {
    const journal = new RequestJournal(10)
    expect([1, 2, 3].map((n) => journal.record(record({ url: `/r/${n}` })))).toEqual([1, 2, 3])
    expect(journal.list({ limit: 2 }).map((entry) => entry.path)).toEqual(['/r/3', '/r/2'])
    expect(journal.list().map((entry) => entry.id)).toEqual([1, 2, 3])
  })

  it('reads a Node server’s raw header list: pairs appended, pseudo-headers and refused values left out', () => {
    const journal = new RequestJournal(10)
    const raw = [
      ':authority',
      'api.example',
      'Content-Type',
      'application/json',
      'X-Tag',
      'a',
      'x-tag',
      'b',
      'X-Broken',
      'bad\u0000value',
      'Authorization',
      'Bearer s3cret',
      'X-Dangling',
    ]
    journal.record(
      record({ headers: raw, body: { text: '{"password":"pw","name":"n"}', truncated: false, bytes: 29 } }),
    )
    const [entry] = journal.list()
    expect(entry?.headers).toEqual({
      'content-type': 'application/json',
      'x-tag': 'a, b',
      authorization: 'Bearer [redacted]',
    })
    // The raw list's Content-Type chooses how the body is redacted.
    expect(entry?.body).toBe('{"password":"[redacted]","name":"n"}')
  })

  it('keeps the scheme of a credential only when the value starts with it', () => {
    const journal = new RequestJournal(10)
    const headers = new Headers({ Authorization: 'Token abc bearer xyz', 'X-Api-Key': 'digest k', Cookie: 'a=1' })
    journal.record(record({ headers }))
    expect(journal.list()[0]?.headers).toEqual({
      authorization: '[redacted]',
      'x-api-key': 'digest [redacted]',
      cookie: '[redacted]',
    })
  })

  it('filters by path without the origin or the query of the URL as received', () => {
    const journal = new RequestJournal(10)
    journal.record(record({ url: 'http://example.test:8080/items?q=find' }))
    journal.record(record({ url: '/find/items' }))
    expect(journal.list({ path: 'example' })).toEqual([])
    expect(journal.list({ path: 'test:8080' })).toEqual([])
    expect(journal.list({ path: 'find' }).map((entry) => entry.path)).toEqual(['/find/items'])
    expect(journal.list({ path: '/items' }).map((entry) => entry.path)).toEqual(['/items', '/find/items'])
  })

  it('filters a path whose query carries another URL by the path alone', () => {
    const journal = new RequestJournal(10)
    journal.record(record({ url: '/go?next=https://example.test/items' }))
    expect(journal.list({ path: '/go' }).map((entry) => entry.path)).toEqual(['/go'])
    expect(journal.list({ path: 'items' })).toEqual([])
  })

  it('shows the first 4 KB of a text answer, counting its size in bytes', () => {
    const journal = new RequestJournal(10)
    journal.record(record({ response: answer('é'.repeat(3000)) }))
    journal.record(record({ response: answer('x'.repeat(4096)) }))
    const [long, exact] = journal.list()
    // 3,000 two-byte characters: the preview stops at 4,096 bytes, 2,048 characters.
    expect(long?.response.body).toBe('é'.repeat(2048))
    expect(long?.response.bodyBytes).toBe(6000)
    expect(long?.response.bodyTruncated).toBe(true)
    expect(exact?.response.body?.length).toBe(4096)
    expect(exact?.response.bodyTruncated).toBe(false)
  })

  it('shows a byte answer as text, and redacts secrets in it by its Content-Type unless asked to keep them', () => {
    const bytes = new TextEncoder().encode('{"access_token":"t0k","expires":3600}')
    const show = (keepSecrets: boolean) => {
      const journal = new RequestJournal({ keepSecrets })
      journal.record(record({ response: answer(bytes, 'application/json') }))
      return journal.list()[0]?.response
    }
    expect(show(false)).toEqual({
      headers: { 'content-type': 'application/json' },
      body: '{"access_token":"[redacted]","expires":3600}',
      bodyTruncated: false,
      bodyBytes: bytes.byteLength,
    })
    expect(show(true)?.body).toBe('{"access_token":"t0k","expires":3600}')
  })
})
