import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { httpDate } from '../core/time-format.js'
import { BucketStore, expiryOf, md5ETag } from './buckets.js'

const object = (key: string, text = 'hello') => ({
  bucket: 'contactkit-uploads',
  key,
  bytes: new TextEncoder().encode(text),
  contentType: 'text/plain',
  etag: md5ETag(new TextEncoder().encode(text)),
  metadata: {},
  headers: {},
})

describe('BucketStore', () => {
  it('keeps objects by bucket and key, lists them sorted without bytes, and resets to the configured buckets', () => {
    const clock = manualClock()
    const store = new BucketStore(clock, [{ name: 'contactkit-uploads' }])
    store.put(object('b.txt'))
    store.put(object('a.txt', 'hi'))
    store.create({ name: 'second-bucket' })
    expect(store.get('contactkit-uploads', 'a.txt')).toMatchObject({ size: 2, uploadedAt: clock.now() })
    expect(store.list().map((entry) => entry.key)).toEqual(['a.txt', 'b.txt'])
    expect(store.list()[0]).not.toHaveProperty('bytes')
    expect(store.buckets().map((bucket) => bucket.name)).toEqual(['contactkit-uploads', 'second-bucket'])
    store.reset()
    expect(store.list()).toEqual([])
    expect(store.has('second-bucket')).toBe(false)
    expect(() => store.put({ ...object('x'), bucket: 'second-bucket' })).toThrow(/there is no bucket second-bucket/)
  })

  it('expires objects at the next midnight UTC after the rule days, as S3 rounds it', () => {
    const uploadedAt = Date.parse('2020-07-10T22:29:08Z')
    expect(httpDate(expiryOf(uploadedAt, { expireAfterDays: 1, ruleId: 'Expire after 1 day' }))).toBe(
      'Sun, 12 Jul 2020 00:00:00 GMT',
    )
  })

  it('writes the MD5 ETag of the bytes and checks bucket names', () => {
    expect(md5ETag(new TextEncoder().encode('hello'))).toBe('"5d41402abc4b2a76b9719d911017c592"')
    const store = new BucketStore(manualClock(), [])
    for (const name of ['UPPER', 'a', 'under_score', 'two..dots', '-leading']) {
      expect(() => store.create({ name })).toThrow(/a bucket name is 3 to 63 lower-case letters/)
    }
    expect(() => store.create({ name: 'ok-bucket', lifecycle: { expireAfterDays: 0, ruleId: 'r' } })).toThrow(
      /expireAfterDays/,
    )
  })

  it('answers nothing for a bucket it does not have, and deletes only what is there', () => {
    const store = new BucketStore(manualClock(), [{ name: 'contactkit-uploads' }])
    store.put(object('a.txt'))
    expect(store.bucket('no-such-bucket')).toBeUndefined()
    expect(store.get('no-such-bucket', 'a.txt')).toBeUndefined()
    expect(store.list('no-such-bucket')).toEqual([])
    expect(store.delete('no-such-bucket', 'a.txt')).toBe(false)
    expect(store.delete('contactkit-uploads', 'b.txt')).toBe(false)
    expect(store.delete('contactkit-uploads', 'a.txt')).toBe(true)
    expect(store.get('contactkit-uploads', 'a.txt')).toBeUndefined()
  })

  it('lists by bucket name, then by key, and one bucket alone when named', () => {
    const store = new BucketStore(manualClock(), [{ name: 'zeta-bucket' }, { name: 'alpha-bucket' }])
    for (const [bucket, key] of [
      ['zeta-bucket', 'b'],
      ['alpha-bucket', 'c'],
      ['zeta-bucket', 'a'],
      ['alpha-bucket', 'a'],
      ['zeta-bucket', 'ab'],
      ['alpha-bucket', 'B'],
    ] as const) {
      store.put({ ...object(key), bucket })
    }
    expect(store.list().map((entry) => `${entry.bucket}/${entry.key}`)).toEqual([
      'alpha-bucket/B',
      'alpha-bucket/a',
      'alpha-bucket/c',
      'zeta-bucket/a',
      'zeta-bucket/ab',
      'zeta-bucket/b',
    ])
    expect(store.list('zeta-bucket').map((entry) => entry.key)).toEqual(['a', 'ab', 'b'])
  })

  it('says what it was given when a configuration has no name', () => {
    const store = new BucketStore(manualClock(), [])
    expect(() => store.create(undefined as never)).toThrow(
      /^Failed to create bucket undefined: a bucket name is 3 to 63/,
    )
  })
})
