import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { amzDate, parseCredential, sameSignature, signingKeyV4, signPolicyV2, signPolicyV4 } from './signatures.js'

describe('POST policy signatures', () => {
  it('signs V2 as base64 HMAC-SHA1 of the base64 policy', async () => {
    expect(await signPolicyV2('YWxwaGE=', 'secret')).toBe('aW0ggk0KMuwJkTodqZUi1JLDspY=')
    const policy = btoa('{"expiration":"2026-01-01T01:00:00Z","conditions":[]}')
    expect(await signPolicyV2(policy, 'another')).toBe(createHmac('sha1', 'another').update(policy).digest('base64'))
  })

  it('signs V4 as hex HMAC-SHA256 with the key derived from the day, region and service', async () => {
    expect(await signPolicyV4('YWxwaGE=', 'beta', { date: 'charlie', region: 'delta', service: 'echo' })).toBe(
      'dd31db20866393b4574324c3dadbba43f82c42e7d2713e9d4eb17fd22dade7d1',
    )
    // The chain written out with node:crypto, for a real scope.
    const chain = ['20260101', 'us-east-1', 's3', 'aws4_request'].reduce<Buffer>(
      (key, part) => createHmac('sha256', key).update(part).digest(),
      Buffer.from('AWS4secret'),
    )
    expect(Buffer.from(await signingKeyV4('secret', '20260101', 'us-east-1', 's3'))).toEqual(chain)
  })

  it('reads a credential scope and refuses a malformed one', () => {
    expect(parseCredential('AKIACONTACTKITSANDBOX/20260101/eu-west-1/s3/aws4_request')).toEqual({
      accessKeyId: 'AKIACONTACTKITSANDBOX',
      date: '20260101',
      region: 'eu-west-1',
      service: 's3',
    })
    for (const broken of [
      'AKIA/20260101/us-east-1/s3',
      'AKIA/2026-01-01/us-east-1/s3/aws4_request',
      'AKIA/20260101/us-east-1/s3/aws4',
    ]) {
      expect(parseCredential(broken)).toBeUndefined()
    }
  })

  it('writes X-Amz-Date and compares signatures exactly', () => {
    expect(amzDate(Date.parse('2026-03-04T05:06:07.890Z'))).toBe('20260304T050607Z')
    expect(sameSignature('abc', 'abc')).toBe(true)
    expect(sameSignature('abc', 'abd')).toBe(false)
    expect(sameSignature('abc', 'ABC')).toBe(false)
    expect(sameSignature('abc', 'abcd')).toBe(false)
  })
})
