import { describe, expect, it } from 'vitest'
import { PostForm } from './form.js'
import { checkConditions, decodePolicy, encodePolicy, extraField, type PolicyDocument, rangeMaxima } from './policy.js'

const encode = (document: unknown) => btoa(JSON.stringify(document))
const expiration = '2026-01-01T01:00:00Z'

describe('decodePolicy, edges', () => {
  it('reads a policy whose base64 is wrapped in lines, as MIME encoders write it', () => {
    const document = { expiration, conditions: [{ bucket: 'contactkit-uploads' }, ['starts-with', '$key', 'uploads/']] }
    const wrapped = (encode(document).match(/.{1,76}/g) ?? []).join('\r\n')
    expect(wrapped).toContain('\r\n')
    expect(decodePolicy(wrapped)).toEqual({ document, expiresAt: Date.parse(expiration) })
  })

  it.each([
    ['a date without its time', '2026-12-31', "Invalid 'expiration' value: '2026-12-31'"],
    ['the time in an array', [expiration], `Invalid 'expiration' value: '["${expiration}"]'`],
    ['an object', {}, "Invalid 'expiration' value: '{}'"],
    // Date.parse reads ECMAScript's extended years; S3 takes only the four-digit form.
    ['a year in the extended form', '+002026-01-01T01:00:00Z', "Invalid 'expiration' value: '+002026-01-01T01:00:00Z'"],
  ])('refuses an expiration that is %s, printing it as written', (_, value, reason) => {
    expect(decodePolicy(encode({ expiration: value, conditions: [] }))).toBe(reason)
  })

  it('refuses a null condition', () => {
    expect(decodePolicy(encode({ expiration, conditions: [null] }))).toBe(
      'Invalid Condition: null must be an object or an array of three.',
    )
  })
})

describe('rangeMaxima, edges', () => {
  it('takes the maxima of content-length-range conditions only, whatever else holds numbers', () => {
    const document = {
      expiration,
      conditions: [{ acl: 'private' }, ['eq', '1', '10'], ['starts-with', '2', '20'], ['content-length-range', 0, 99]],
    } as PolicyDocument
    expect(rangeMaxima(document)).toEqual([99])
  })
})

describe('content-length-range bounds', () => {
  const withRange = (min: unknown, max: unknown) =>
    ({ expiration, conditions: [['content-length-range', min, max]] }) as PolicyDocument

  it('takes whole numbers and strings of digits, and no number past the safe integers', () => {
    expect(rangeMaxima(withRange(0, '1048576'))).toEqual([1048576])
    expect(rangeMaxima(withRange(0, 2 ** 53 + 2))).toEqual([])
    expect(rangeMaxima(withRange(0, 1.5))).toEqual([])
    expect(rangeMaxima(withRange(-1, 10))).toEqual([])
  })

  it('fails a range whose maximum is not a number, whatever the file size', () => {
    for (const [min, max] of [
      [0, 'ten'],
      ['zero', 10],
    ]) {
      expect(checkConditions(withRange(min, max), new PostForm([]), { bucket: 'b', fileSize: 5 })).toEqual({
        kind: 'condition',
        condition: `["content-length-range", ${JSON.stringify(min)}, ${JSON.stringify(max)}]`,
      })
    }
  })
})

describe('checkConditions, how a condition compares', () => {
  const form = new PostForm([
    { name: 'acl', value: 'private-read' },
    { name: 'key', value: 'uploads/a.csv' },
  ])
  const check = (condition: unknown, fileSize?: number) =>
    checkConditions({ expiration, conditions: [condition] } as PolicyDocument, form, {
      bucket: 'b',
      ...(fileSize === undefined ? {} : { fileSize }),
    })

  it('holds an object condition to the whole value, not its start', () => {
    expect(check({ acl: 'private' })).toEqual({ kind: 'condition', condition: '["eq", "$acl", "private"]' })
    expect(check(['eq', '$acl', 'private'])).toEqual({ kind: 'condition', condition: '["eq", "$acl", "private"]' })
    expect(check({ acl: 'private-read' })).toBeUndefined()
    expect(check(['starts-with', '$acl', 'private'])).toBeUndefined()
  })

  it('fails a condition whose field is not written with its "$"', () => {
    expect(check(['eq', 'xacl', 'private-read'])).toEqual({
      kind: 'condition',
      condition: '["eq", "xacl", "private-read"]',
    })
  })

  it('leaves content-length-range to later when the size is not known, and checks both ends when it is', () => {
    const range = ['content-length-range', 10, 20]
    expect(check(range)).toBeUndefined()
    expect(check(range, 9)).toEqual({ kind: 'too-small', proposed: 9, min: 10 })
    expect(check(range, 10)).toBeUndefined()
    expect(check(range, 20)).toBeUndefined()
    expect(check(range, 21)).toEqual({ kind: 'too-large', proposed: 21, max: 20 })
    expect(check(['content-length-range', 0, 20], 0)).toBeUndefined()
  })
})

describe('extraField, edges', () => {
  const sent = new PostForm([
    { name: 'key', value: 'a' },
    { name: 'X-Amz-Meta-Owner', value: 'ann' },
  ])

  it('counts a field covered only by a condition that names it with its "$"', () => {
    const document = {
      expiration,
      conditions: [
        ['eq', '$key', 'a'],
        ['eq', '#x-amz-meta-owner', 'ann'],
      ],
    }
    expect(extraField(document as PolicyDocument, sent)).toBe('X-Amz-Meta-Owner')
  })

  it('finds none when every field is covered', () => {
    const document = {
      expiration,
      conditions: [
        ['eq', '$key', 'a'],
        ['starts-with', '$x-amz-meta-owner', ''],
      ],
    }
    expect(extraField(document as PolicyDocument, sent)).toBeUndefined()
  })
})

describe('encodePolicy, edges', () => {
  it('writes null as JSON does, in either style', () => {
    const document = { expiration, conditions: [['starts-with', '$key', null]] } as unknown as PolicyDocument
    for (const style of ['python', 'compact'] as const) {
      expect(JSON.parse(atob(encodePolicy(document, style)))).toEqual(document)
    }
    expect(atob(encodePolicy(document, 'python'))).toBe(
      `{"expiration": "${expiration}", "conditions": [["starts-with", "$key", null]]}`,
    )
  })
})
