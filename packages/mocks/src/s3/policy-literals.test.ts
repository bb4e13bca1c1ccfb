import { describe, expect, it } from 'vitest'
import { sandboxCredentials } from './credentials.js'
import { decodePolicy, rangeMaxima } from './policy.js'
import { presignPost } from './presign.js'

// The module-level tables and patterns of policies, each held to what a caller sees.

describe('a policy of bytes that are not UTF-8', () => {
  it('is refused as invalid JSON, not read with replacement characters', () => {
    const text = '{"expiration": "2026-01-01T00:00:00Z", "conditions": [], "note": "\u00ff"}'
    const bytes = Array.from(new TextEncoder().encode(text))
    // The two UTF-8 bytes of ÿ (C3 BF) become one Latin-1 byte FF: no longer UTF-8.
    const at = bytes.indexOf(0xc3)
    bytes.splice(at, 2, 0xff)
    expect(decodePolicy(btoa(String.fromCharCode(...bytes)))).toBe('Invalid JSON.')
  })
})

describe('content-length-range bounds written as strings', () => {
  it('counts a string only when it is all digits, refusing one with anything before or after', () => {
    const ranges = (low: string | number, high: string | number) =>
      rangeMaxima({ expiration: '2026-01-01T00:00:00Z', conditions: [['content-length-range', low, high]] })
    expect(ranges('0', '100')).toEqual([100])
    expect(ranges(0, 'x100')).toEqual([])
    expect(ranges(0, '100x')).toEqual([])
    expect(ranges('x0', 100)).toEqual([])
  })
})

describe('presignPost', () => {
  const reserved = [
    'key',
    'policy',
    'signature',
    'AWSAccessKeyId',
    'bucket',
    'file',
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-Signature',
    'X-Amz-Security-Token',
  ]
  it.each(reserved)('refuses %s among the extra fields: it writes that field itself', async (name) => {
    await expect(
      presignPost({
        bucket: 'contactkit-uploads',
        key: 'uploads/a.csv',
        credentials: sandboxCredentials,
        expiresAt: Date.parse('2026-01-01T01:00:00Z'),
        signatureVersion: 'v4',
        fields: { [name]: 'x' },
      }),
    ).rejects.toThrow(`Failed to presign a POST: "${name}" is a field presignPost writes itself`)
  })
})
