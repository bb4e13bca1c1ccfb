import { describe, expect, it } from 'vitest'
import { PostForm } from './form.js'
import {
  checkConditions,
  decodePolicy,
  encodePolicy,
  extraField,
  formatCondition,
  type PolicyDocument,
  rangeMaxima,
} from './policy.js'

const encode = (document: unknown) => btoa(JSON.stringify(document))
const form = (fields: Record<string, string>) =>
  new PostForm(Object.entries(fields).map(([name, value]) => ({ name, value })))

describe('decodePolicy', () => {
  it('reads the expiration with or without milliseconds', () => {
    for (const expiration of ['2026-01-01T01:00:00Z', '2026-01-01T01:00:00.000Z']) {
      expect(decodePolicy(encode({ expiration, conditions: [] }))).toEqual({
        document: { expiration, conditions: [] },
        expiresAt: Date.parse('2026-01-01T01:00:00Z'),
      })
    }
  })

  it('gives the reason S3 writes after "Invalid Policy: "', () => {
    expect(decodePolicy('not base64!')).toBe('Invalid JSON.')
    expect(decodePolicy(btoa('{"expiration":'))).toBe('Invalid JSON.')
    expect(decodePolicy(encode({ conditions: [] }))).toBe('Policy missing expiration.')
    expect(decodePolicy(encode({ expiration: 'tomorrow', conditions: [] }))).toBe(
      "Invalid 'expiration' value: 'tomorrow'",
    )
    expect(decodePolicy(encode({ expiration: '2026-01-01T00:00:00Z' }))).toBe('Policy missing conditions.')
    expect(
      decodePolicy(encode({ expiration: '2026-01-01T00:00:00Z', conditions: [{ acl: 'private', key: 'a' }] })),
    ).toBe('Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.')
    expect(decodePolicy(encode({ expiration: '2026-01-01T00:00:00Z', conditions: [['in', '$acl', 'x']] }))).toBe(
      'Invalid Condition: unknown operation "in".',
    )
  })

  it('refuses a document that is not an object, and conditions of the wrong shape', () => {
    for (const document of [null, 7, '"text"', []]) {
      expect(decodePolicy(encode(document))).toBe('Invalid JSON.')
    }
    const withCondition = (condition: unknown) =>
      decodePolicy(encode({ expiration: '2026-01-01T00:00:00Z', conditions: [condition] }))
    expect(withCondition({ acl: 1 })).toBe('Invalid Simple-Condition: value must be a string.')
    expect(withCondition(['eq', '$acl'])).toBe(
      'Invalid Condition: ["eq","$acl"] must be an object or an array of three.',
    )
    expect(withCondition('acl')).toBe('Invalid Condition: "acl" must be an object or an array of three.')
    expect(withCondition(['eq', 5, 'private'])).toBe(
      'Invalid Condition: ["eq", 5, "private"] must name a field and a string value.',
    )
    expect(withCondition(['starts-with', '$key', null])).toBe(
      'Invalid Condition: ["starts-with", "$key", null] must name a field and a string value.',
    )
    expect(withCondition(['content-length-range', 0, 10])).toMatchObject({ expiresAt: expect.any(Number) })
  })
})

describe('conditions', () => {
  const document: PolicyDocument = {
    expiration: '2026-01-01T01:00:00Z',
    conditions: [
      { acl: 'private' },
      { bucket: 'contactkit-uploads' },
      ['starts-with', '$key', 'uploads/'],
      ['eq', '$x-amz-meta-TEST-2', 'yes'],
      ['starts-with', '$Content-Type', ''],
      ['content-length-range', '5', 10],
    ],
  }
  const good = form({ acl: 'private', key: 'uploads/a.csv', 'x-amz-meta-test-2': 'yes', 'Content-Type': 'text/csv' })

  it('holds for a form that meets each, field names in any case, the bucket from the request', () => {
    expect(checkConditions(document, good, { bucket: 'contactkit-uploads', fileSize: 7 })).toBeUndefined()
  })

  it('names the first failing condition as written in the policy', () => {
    const fails = (fields: Record<string, string>, bucket = 'contactkit-uploads') =>
      checkConditions(document, form({ ...Object.fromEntries(good.fields.map((f) => [f.name, f.value])), ...fields }), {
        bucket,
      })
    expect(fails({ acl: 'public-read' })).toEqual({ kind: 'condition', condition: '["eq", "$acl", "private"]' })
    expect(fails({}, 'other-bucket')).toEqual({
      kind: 'condition',
      condition: '["eq", "$bucket", "contactkit-uploads"]',
    })
    expect(fails({ key: 'UPLOADS/a.csv' })).toEqual({
      kind: 'condition',
      condition: '["starts-with", "$key", "uploads/"]',
    })
    // A condition on a field the form does not carry fails, even starts-with "".
    const withoutType = form({ acl: 'private', key: 'uploads/a', 'x-amz-meta-test-2': 'yes' })
    expect(checkConditions(document, withoutType, { bucket: 'contactkit-uploads' })).toEqual({
      kind: 'condition',
      condition: '["starts-with", "$Content-Type", ""]',
    })
  })

  it('compares the size with content-length-range, numbers or strings of digits', () => {
    expect(checkConditions(document, good, { bucket: 'contactkit-uploads', fileSize: 11 })).toEqual({
      kind: 'too-large',
      proposed: 11,
      max: 10,
    })
    expect(checkConditions(document, good, { bucket: 'contactkit-uploads', fileSize: 4 })).toEqual({
      kind: 'too-small',
      proposed: 4,
      min: 5,
    })
    const words: PolicyDocument = {
      expiration: document.expiration,
      conditions: [['content-length-range', 'test', '10']],
    }
    expect(checkConditions(words, good, { bucket: 'b' })).toEqual({
      kind: 'condition',
      condition: '["content-length-range", "test", "10"]',
    })
    expect(rangeMaxima(document)).toEqual([10])
  })

  it('leaves out of the maxima a range that is not whole numbers', () => {
    const ranges = (...conditions: PolicyDocument['conditions']) =>
      rangeMaxima({ expiration: '2026-01-01T01:00:00Z', conditions })
    expect(ranges(['content-length-range', 0, 1.5], ['content-length-range', '0', '20'], { acl: 'private' })).toEqual([
      20,
    ])
    expect(ranges(['content-length-range', -1, 10], ['content-length-range', 0, 'ten'])).toEqual([])
  })

  it('finds a field no condition covers, and lets signature fields, policy, file and x-ignore-* through', () => {
    expect(extraField(document, good)).toBeUndefined()
    const extra = form({
      ...{ acl: 'private', AWSAccessKeyId: 'A', Signature: 's', Policy: 'p', 'X-Ignore-me': '1' },
      Tag: 'x',
    })
    expect(extraField(document, extra)).toBe('Tag')
  })

  it('prints conditions with ", " between items', () => {
    expect(formatCondition(['eq', '$success_action_redirect', 'http://localhost.test/random'])).toBe(
      '["eq", "$success_action_redirect", "http://localhost.test/random"]',
    )
    expect(formatCondition({ acl: 'aws-exec-read' })).toBe('["eq", "$acl", "aws-exec-read"]')
  })
})

describe('encodePolicy', () => {
  it('writes Python-style JSON for V2 forms and compact JSON for V4, both UTF-8 in base64', () => {
    const document: PolicyDocument = {
      expiration: '2026-01-01T01:00:00.000Z',
      conditions: [{ acl: 'private' }, ['content-length-range', 0, 9]],
    }
    expect(atob(encodePolicy(document, 'python'))).toBe(
      '{"expiration": "2026-01-01T01:00:00.000Z", "conditions": [{"acl": "private"}, ["content-length-range", 0, 9]]}',
    )
    expect(atob(encodePolicy(document, 'compact'))).toBe(JSON.stringify(document))
    const unicode: PolicyDocument = { expiration: document.expiration, conditions: [{ key: 'é' }] }
    expect(decodePolicy(encodePolicy(unicode, 'compact'))).toMatchObject({ document: unicode })
  })
})
