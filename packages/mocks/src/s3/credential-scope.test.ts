import { describe, expect, it } from 'vitest'
import { parseCredential } from './signatures.js'

// An `X-Amz-Credential` is five parts: access key id, yyyymmdd, region, service, `aws4_request`.
// Each part that is missing, empty or malformed makes it no credential at all.

describe('parseCredential, each part', () => {
  it.each([
    ['an empty access key id', '/20260101/us-east-1/s3/aws4_request'],
    ['a date with a digit too many', 'AKIA1/202601011/us-east-1/s3/aws4_request'],
    ['a date after a letter', 'AKIA1/x20260101/us-east-1/s3/aws4_request'],
    ['an empty date', 'AKIA1//us-east-1/s3/aws4_request'],
    ['an empty region', 'AKIA1/20260101//s3/aws4_request'],
    ['an empty service', 'AKIA1/20260101/us-east-1//aws4_request'],
    ['a sixth part', 'AKIA1/20260101/us-east-1/s3/aws4_request/more'],
    ['four parts', 'AKIA1/20260101/us-east-1/aws4_request'],
  ])('refuses %s', (_, credential) => {
    expect(parseCredential(credential)).toBeUndefined()
  })

  it('reads one with every part', () => {
    expect(parseCredential('AKIA1/20260101/us-east-1/s3/aws4_request')).toEqual({
      accessKeyId: 'AKIA1',
      date: '20260101',
      region: 'us-east-1',
      service: 's3',
    })
  })
})
