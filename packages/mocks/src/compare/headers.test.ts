import { describe, expect, it } from 'vitest'
import { compareHeaders, defaultHeaderRules } from './headers.js'

describe('compareHeaders', () => {
  it('compares media type and charset, Cache-Control as a set of directives, and presence alone for ETag', () => {
    const recorded: [string, string][] = [
      ['content-type', 'application/json; charset=utf-8'],
      ['cache-control', 'no-cache, private'],
      ['etag', '"a"'],
      ['date', 'Tue, 12 Apr 2016 22:18:57 GMT'],
    ]
    const simulated: [string, string][] = [
      ['content-type', 'application/json;charset="UTF-8"'],
      ['cache-control', 'private, no-cache'],
      ['etag', '"b"'],
      ['date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
    ]
    expect(compareHeaders(recorded, simulated, defaultHeaderRules, false)).toEqual([])
    expect(compareHeaders(recorded, [['content-type', 'application/xml']], defaultHeaderRules, false)).toEqual([
      {
        kind: 'header',
        path: 'header.content-type',
        recorded: 'application/json; charset=utf-8',
        simulated: 'application/xml',
      },
      { kind: 'header', path: 'header.cache-control', recorded: 'present', simulated: 'missing' },
      { kind: 'header', path: 'header.etag', recorded: 'present', simulated: 'missing' },
    ])
  })

  it('reports a header the simulator adds, unless the recording shows only some headers', () => {
    const simulated: [string, string][] = [['location', '/x']]
    expect(compareHeaders([], simulated, defaultHeaderRules, false)).toEqual([
      { kind: 'header', path: 'header.location', recorded: 'missing', simulated: 'present' },
    ])
    expect(compareHeaders([], simulated, defaultHeaderRules, true)).toEqual([])
  })
})
