import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ByteCache } from './byte-cache.js'
import { manualClock } from './clock.js'
import { FaultBook } from './faults.js'
import { globProblem } from './glob.js'
import { RequestJournal } from './journal.js'
import { seededRandom } from './random.js'
import { redactBody } from './redaction.js'
import { defineVendor } from './registry.js'
import { createSimulator } from './simulator.js'
import { createSimulatorSet } from './simulator-set.js'
import { createToySimulator, toyDocument, toyError } from './testing/toy-vendor.js'

// The refusals a user meets when they configure the core wrongly: each names what to fix.

describe('refusals of bad configuration', () => {
  it('a byte cache with a negative size or a fractional entry count', () => {
    const sentence = 'Failed to create the byte cache: maxBytes and maxEntries must be 0 or more.'
    expect(() => new ByteCache({ maxBytes: -1 })).toThrow(new RangeError(sentence))
    expect(() => new ByteCache({ maxEntries: -1 })).toThrow(new RangeError(sentence))
    expect(() => new ByteCache({ maxEntries: 1.5 })).toThrow(new RangeError(sentence))
    expect(() => new ByteCache({ maxBytes: 0, maxEntries: 0 })).not.toThrow()
  })

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

  it('a fault rule that is not an object', () => {
    const faults = new FaultBook(seededRandom(1))
    for (const input of [null, 'x', 3, [{ path: '/x' }]]) {
      expect(() => faults.add(input as never)).toThrow(
        new RangeError('Failed to add the fault rule: send an object such as {"path": "/events/*", "status": 503}.'),
      )
    }
  })

  it('a glob that is not a string names what it got, or "nothing"', () => {
    expect(globProblem(undefined)).toBe(
      'must be a string starting with "/", such as "/events/*" or "/contacts/**", not nothing',
    )
    expect(globProblem(7)).toMatch(/, not 7$/)
    expect(globProblem('/x/*')).toBeUndefined()
  })

  it('a glob longer than 1,024 characters', () => {
    expect(globProblem(`/${'a'.repeat(1023)}`)).toBeUndefined()
    expect(globProblem(`/${'a'.repeat(1024)}`)).toBe('must be at most 1,024 characters long')
  })

  it('a pick from an empty list', () => {
    expect(() => seededRandom(1).pick([])).toThrow(new RangeError('Failed to pick from an empty list.'))
    expect(seededRandom(1).pick(['only'])).toBe('only')
  })

  it('a vendor name with capitals or punctuation', () => {
    const registration = { title: 'X', defaultPort: 1, baseUrl: 'https://x', credentials: [], create: () => null }
    expect(() => defineVendor({ ...registration, name: 'Bad-Name' } as never)).toThrow(
      new RangeError('Failed to register vendor "Bad-Name": use lower-case letters and digits only.'),
    )
    expect(() => defineVendor({ ...registration, name: 'good-name' } as never)).toThrow(/lower-case letters and digits/)
    expect(() => defineVendor({ ...registration, name: '2good' } as never)).toThrow(/lower-case letters and digits/)
    expect(defineVendor({ ...registration, name: 'good2' } as never).name).toBe('good2')
  })

  it('a set asked for the URL of a vendor it does not know', () => {
    const toy = defineVendor({
      name: 'toy',
      title: 'Toy',
      defaultPort: 4999,
      baseUrl: 'https://toy.example',
      baseUrlEnv: 'TOY_BASE_URL',
      credentials: [],
      create: createToySimulator,
    })
    const set = createSimulatorSet([toy], { clock: manualClock() })
    expect(() => set.urlOf('nope')).toThrow(new RangeError('There is no vendor nope; choose from toy.'))
    expect(set.urlOf('toy')).toBe('http://127.0.0.1:4999')
  })

  it('a vendor whose body limit path is not a glob', () => {
    const vendor = (path: string) => ({
      name: 'toy',
      document: toyDocument,
      clock: manualClock(),
      routes: new Hono(),
      state: { inspect: () => null, seed: () => null, reset: () => undefined },
      errorResponse: toyError,
      bodyLimits: [{ path, maxBytes: 1 }],
    })
    expect(() => createSimulator(vendor('upload'))).toThrow(
      new RangeError(
        'Failed to create the toy simulator: body limit path must be a string starting with "/", such as "/events/*" or "/contacts/**", not "upload".',
      ),
    )
    expect(createSimulator(vendor('/upload')).name).toBe('toy')
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

describe('redaction', () => {
  it('redacts a form field whose name is badly percent-encoded without failing', () => {
    expect(redactBody('%E0%A4%A=1&password=x', 'application/x-www-form-urlencoded')).toBe(
      '%E0%A4%A=1&password=[redacted]',
    )
    expect(redactBody('pass%77ord=x&a=%zz', 'application/x-www-form-urlencoded')).toBe('pass%77ord=[redacted]&a=%zz')
  })
})
