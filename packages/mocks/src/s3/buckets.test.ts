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
})
