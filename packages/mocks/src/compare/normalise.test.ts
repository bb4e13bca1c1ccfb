import { describe, expect, it } from 'vitest'
import { classify, createNormaliser, Placeholder } from './normalise.js'

describe('normalisation', () => {
  it.each([
    ['import_id', 89709297, 'id'],
    ['import-id', 1126, 'id'],
    ['accountId', 'a1', 'id'],
    ['id', 'c1_p', 'id'],
    ['syncUpdatedToken', 'abc', 'token'],
    ['signature', 'xyz=', 'token'],
    ['etag', '"1cz"', 'etag'],
    ['created_at', 'yesterday', 'time'],
    ['createdTime', 'x', 'time'],
    ['anything', '2016-04-12T15:18:57.000-07:00', 'time'],
    ['anything', 'Fri, 10 Jul 2020 23:29:08 GMT', 'time'],
    ['anything', '82414de3-3815-47ef-aca1-6745e42a60d6', 'id'],
    ['url', 'https://api.cloudsponge.com/n/VTGHPM3', 'url'],
    ['password', '<secret:2>', 'token'],
    ['status', 'success', undefined],
    ['valid', 'yes', undefined],
    ['count', 3, undefined],
    ['user_id', null, undefined],
  ])('%s: %j is %s', (key, value, kind) => {
    expect(classify(key, value)).toBe(kind)
  })

  it('numbers ids in order of first appearance across answers, keeps their type, and leaves what the request sent', () => {
    const normaliser = createNormaliser()
    const first = normaliser.normalise(
      { id: 1126, import_id: 1126, user_id: 'u-7', echo: 'hi' },
      (key) => key === 'user_id',
    )
    const second = normaliser.normalise({ events: [{ import_id: 1126 }, { import_id: 1127 }], created_at: 'now' })
    expect(JSON.parse(JSON.stringify(first))).toEqual({ id: '<id:1>', import_id: '<id:1>', user_id: 'u-7', echo: 'hi' })
    expect(JSON.parse(JSON.stringify(second))).toEqual({
      events: [{ import_id: '<id:1>' }, { import_id: '<id:2>' }],
      created_at: '<time>',
    })
    expect((first as { id: Placeholder }).id).toEqual(new Placeholder('<id:1>', 'number'))
  })
})
