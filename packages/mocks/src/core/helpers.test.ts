import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ByteCache } from './byte-cache.js'
import { globProblem, globToRegExp } from './glob.js'
import { publicOrigin } from './public-origin.js'
import { seededRandom } from './random.js'
import { redactBody } from './redaction.js'
import { requestIds } from './request-id.js'
import { isLoopback } from './serve.js'
import { httpDate, isoMillis, isoSeconds, wholeSeconds } from './time-format.js'
import { timeline } from './timeline.js'

describe('timeline', () => {
  const steps = timeline(1000, [
    { phase: 'queued', durationMs: 1000 },
    { phase: 'processing', durationMs: 3000 },
  ])

  it('gives the phase and progress at any clock time', () => {
    expect(steps.at(500)).toMatchObject({ phase: 'queued', step: 0, stepProgress: 0, progress: 0 })
    expect(steps.at(1500)).toMatchObject({ phase: 'queued', stepProgress: 0.5, progress: 0.125 })
    expect(steps.at(2000)).toMatchObject({ phase: 'processing', step: 1, stepProgress: 0, stepStartedAt: 2000 })
    expect(steps.at(3500)).toMatchObject({ phase: 'processing', stepProgress: 0.5, progress: 0.625, stepEndsAt: 5000 })
    expect(steps.at(5000)).toMatchObject({ phase: 'done', step: 2, progress: 1 })
    expect(steps.startOf('processing')).toBe(2000)
    expect(steps.endsAt).toBe(5000)
  })

  it('skips a step of zero length and refuses a negative one', () => {
    const instant = timeline(0, [
      { phase: 'a', durationMs: 0 },
      { phase: 'b', durationMs: 10 },
    ])
    expect(instant.at(0).phase).toBe('b')
    expect(() => timeline(0, [{ phase: 'a', durationMs: -1 }])).toThrow('step "a" lasts -1 ms')
  })

  it('reports no progress, not NaN, for a zero-length step asked about before the start', () => {
    const instant = timeline(100, [{ phase: 'a', durationMs: 0 }])
    expect(instant.at(50)).toMatchObject({ phase: 'a', stepProgress: 0, progress: 0 })
  })
})

describe('ByteCache', () => {
  const bytes = (size: number) => new Uint8Array(size)

  it('renders once and serves the same bytes after', () => {
    const cache = new ByteCache()
    let renders = 0
    const render = () => {
      renders++
      return bytes(10)
    }
    expect(cache.get('a', render)).toBe(cache.get('a', render))
    expect(renders).toBe(1)
  })

  it('drops the least recently used entries past either bound, and never keeps one larger than the budget', () => {
    const cache = new ByteCache({ maxBytes: 30, maxEntries: 2 })
    cache.get('a', () => bytes(10))
    cache.get('b', () => bytes(10))
    cache.get('a', () => bytes(10)) // a is now the most recent
    cache.get('c', () => bytes(10))
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true])
    cache.get('big', () => bytes(31))
    expect(cache.has('big')).toBe(false)
    expect(cache.stats).toEqual({ entries: 2, bytes: 20 })
    cache.deletePrefix('a')
    expect(cache.stats).toEqual({ entries: 1, bytes: 10 })
  })

  it('holds 64 MiB in 1,024 entries unless told otherwise', () => {
    const cache = new ByteCache()
    expect([cache.maxBytes, cache.maxEntries]).toEqual([64 * 1024 * 1024, 1024])
  })

  it('keeps an entry of exactly the budget, and a total of exactly the budget', () => {
    const cache = new ByteCache({ maxBytes: 20 })
    cache.get('whole', () => bytes(20))
    expect(cache.has('whole')).toBe(true)
    cache.clear()
    cache.get('a', () => bytes(10))
    cache.get('b', () => bytes(10))
    expect(cache.stats).toEqual({ entries: 2, bytes: 20 })
  })

  it('drops the least recently used past the byte budget alone, with room for more entries', () => {
    const cache = new ByteCache({ maxBytes: 25, maxEntries: 10 })
    cache.get('a', () => bytes(10))
    cache.get('b', () => bytes(10))
    cache.get('c', () => bytes(10))
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true])
    expect(cache.stats).toEqual({ entries: 2, bytes: 20 })
  })

  it('caches nothing with room for no entries', () => {
    const cache = new ByteCache({ maxEntries: 0 })
    let renders = 0
    cache.get('a', () => bytes(++renders))
    cache.get('a', () => bytes(++renders))
    expect(renders).toBe(2)
    expect(cache.stats).toEqual({ entries: 0, bytes: 0 })
  })

  it('forgets by prefix only, and forgets everything on clear', () => {
    const cache = new ByteCache()
    cache.get('page/1', () => bytes(1))
    cache.get('other/page/', () => bytes(2))
    cache.deletePrefix('page/')
    expect([cache.has('page/1'), cache.has('other/page/')]).toEqual([false, true])
    cache.clear()
    expect(cache.stats).toEqual({ entries: 0, bytes: 0 })
    let rendered = false
    cache.get('other/page/', () => {
      rendered = true
      return bytes(2)
    })
    expect(rendered).toBe(true)
  })
})

describe('globs', () => {
  it('match one segment with * and any depth with **', () => {
    expect(globToRegExp('/events/*').test('/events/1126')).toBe(true)
    expect(globToRegExp('/events/*').test('/events/1126/x')).toBe(false)
    expect(globToRegExp('/events/*').test('/events')).toBe(false)
    expect(globToRegExp('/contacts/**').test('/contacts/1/2.json')).toBe(true)
    expect(globToRegExp('/a.json').test('/aXjson')).toBe(false)
    expect(globToRegExp('/items*').test('/other')).toBe(false)
    expect(globToRegExp('/items*').test('/items-2')).toBe(true)
  })

  it('explain what is wrong with a bad one', () => {
    expect(globProblem('/ok/*')).toBeUndefined()
    expect(globProblem(5)).toMatch(/must be a string starting with "\/"/)
    expect(globProblem(`/${'a'.repeat(1100)}`)).toMatch(/at most 1,024/)
  })
})

describe('seeded random draws', () => {
  it('draws every whole number from min to max inclusive, and nothing outside', () => {
    const random = seededRandom(3)
    const seen = new Set(Array.from({ length: 600 }, () => random.int(1, 6)))
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('picks every item of a list', () => {
    const random = seededRandom(3)
    const seen = new Set(Array.from({ length: 300 }, () => random.pick(['a', 'b', 'c'])))
    expect([...seen].sort()).toEqual(['a', 'b', 'c'])
  })
})

describe('request ids', () => {
  it('look like UUID v4 and repeat for a seed', () => {
    const first = requestIds(seededRandom(3))
    const again = requestIds(seededRandom(3))
    const ids = [first(), first()]
    expect(ids[0]).not.toBe(ids[1])
    expect([again(), again()]).toEqual(ids)
  })

  it('draw every random digit afresh, with the fixed version and variant digits', () => {
    const next = requestIds(seededRandom(5))
    const ids = Array.from({ length: 400 }, next)
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    // A position that never changes would make ids collide far more often than UUIDs should.
    const digitsAt = (position: number) => new Set(ids.map((id) => id[position])).size
    for (let position = 0; position < 36; position++) {
      const fixed = [8, 13, 14, 18, 23].includes(position)
      expect(digitsAt(position), `position ${position}`).toBe(fixed ? 1 : position === 19 ? 4 : 16)
    }
  })
})

describe('redaction of body previews', () => {
  it('covers forms, JSON and multipart, and leaves other fields alone', () => {
    expect(redactBody('a=1&domain_password=x&client_secret=y', 'application/x-www-form-urlencoded')).toBe(
      'a=1&domain_password=[redacted]&client_secret=[redacted]',
    )
    expect(redactBody('{"user":"u","apiKey":"k","pin":1234,"token":12}', 'application/json')).toBe(
      '{"user":"u","apiKey":"[redacted]","pin":1234,"token":"[redacted]"}',
    )
    const multipart = '--b\r\nContent-Disposition: form-data; name="X-Amz-Signature"\r\n\r\nabc\r\n--b\r\n'
    expect(redactBody(multipart, 'multipart/form-data; boundary=b')).toContain(
      'name="X-Amz-Signature"\r\n\r\n[redacted]',
    )
    const unquoted = '--b\r\nContent-Disposition: form-data; name=signature\r\n\r\nabc\r\n--b\r\n'
    expect(redactBody(unquoted, 'multipart/form-data; boundary=b')).toContain('name=signature\r\n\r\n[redacted]')
    const plain = '--b\r\nContent-Disposition: form-data; name=key\r\n\r\nuploads/a.csv\r\n--b\r\n'
    expect(redactBody(plain, 'multipart/form-data; boundary=b')).toBe(plain)
    expect(redactBody('password=x', 'text/plain')).toBe('password=x')
  })
})

describe('time formats', () => {
  it('write the clock in each wire format', () => {
    const ms = Date.parse('2026-04-12T15:18:57.123Z')
    expect(isoMillis(ms)).toBe('2026-04-12T15:18:57.123Z')
    expect(isoSeconds(ms)).toBe('2026-04-12T15:18:57Z')
    expect(httpDate(ms)).toBe('Sun, 12 Apr 2026 15:18:57 GMT')
    expect(wholeSeconds(ms)).toBe(Date.parse('2026-04-12T15:18:57Z'))
  })
})

describe('publicOrigin', () => {
  const app = new Hono()
  app.get('/', (c) => c.text(publicOrigin(c, c.req.query('configured'))))
  const origin = async (headers: Record<string, string> = {}, query = '') =>
    (await app.request(`http://127.0.0.1:4010/${query}`, { headers })).text()

  it('prefers the configured URL, then the proxy headers, then the request origin', async () => {
    expect(await origin({}, '?configured=https://mocks.example.com/')).toBe('https://mocks.example.com')
    expect(await origin({ 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'api.example.com' })).toBe(
      'https://api.example.com',
    )
    expect(await origin({ Forwarded: 'for=1.2.3.4;proto=https;host=proxy.example.com' })).toBe(
      'https://proxy.example.com',
    )
    expect(await origin()).toBe('http://127.0.0.1:4010')
  })

  it('takes a plain-http proxy in front of a simulator served over https', async () => {
    const response = await app.request('https://127.0.0.1:4010/', { headers: { 'X-Forwarded-Proto': 'http' } })
    expect(await response.text()).toBe('http://127.0.0.1:4010')
  })

  it('ignores forged proxy headers that are not a host or a web scheme', async () => {
    expect(await origin({ 'X-Forwarded-Host': '"><script>', 'X-Forwarded-Proto': 'javascript' })).toBe(
      'http://127.0.0.1:4010',
    )
  })

  it('takes a Forwarded header that names only the scheme or only the host', async () => {
    expect(await origin({ Forwarded: 'for=1.2.3.4;proto=https' })).toBe('https://127.0.0.1:4010')
    expect(await origin({ Forwarded: 'host="proxy.example:8443"' })).toBe('http://proxy.example:8443')
  })

  it('takes the first of a list of proxies, trimmed, in any case', async () => {
    expect(
      await origin({ 'X-Forwarded-Host': ' edge.example:8080 , inner.example', 'X-Forwarded-Proto': 'HTTPS , http' }),
    ).toBe('https://edge.example:8080')
  })

  it('refuses a host with anything before or after it, or a port that is not 1 to 5 digits', async () => {
    for (const host of ['edge.example/"><b>', '<b>edge.example', 'edge.example:80a', 'edge.example:123456']) {
      expect(await origin({ 'X-Forwarded-Host': host })).toBe('http://127.0.0.1:4010')
    }
  })
})

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['192.168.1.2', false],
    ['::', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected)
  })
})
