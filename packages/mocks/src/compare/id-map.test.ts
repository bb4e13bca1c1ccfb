import { describe, expect, it } from 'vitest'
import { createIdMap } from './id-map.js'

describe('createIdMap', () => {
  it('maps handed-out ids, tokens and etags wherever a later request names them as whole words', () => {
    const ids = createIdMap()
    ids.learn(
      { id: 'c1_p', etag: '1cz39jt1', nextDeltaToken: 'a+b/c=', name: 'Ada', count: 5 },
      { id: 'c9_q', etag: '7abc', nextDeltaToken: 'zz', name: 'Bob', count: 6 },
    )
    expect(ids.apply('/v1/contacts/c1_p')).toBe('/v1/contacts/c9_q')
    expect(ids.apply('/v1/contacts/c1_pp')).toBe('/v1/contacts/c1_pp')
    expect(ids.apply('deltaToken=a%2Bb%2Fc%3D')).toBe('deltaToken=zz')
    expect(ids.apply('If-Match: 1cz39jt1')).toBe('If-Match: 7abc')
    // Data and counts are not ids: a name in a later request stays as recorded.
    expect(ids.apply('Ada 5')).toBe('Ada 5')
    expect(ids.mapValue('no contact c1_p.')).toBe('no contact c9_q.')
  })

  it('keeps a numeric id a number when mapping a recorded value', () => {
    const ids = createIdMap()
    ids.learn({ import_id: 89709297 }, { import_id: 1126 })
    expect(ids.mapValue(89709297)).toBe(1126)
    expect(ids.apply('/events/89709297.json?_=1')).toBe('/events/1126.json?_=1')
  })
})
