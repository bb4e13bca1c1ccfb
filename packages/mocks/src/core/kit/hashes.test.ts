import { describe, expect, it } from 'vitest'
import { digest, hmac, toHex } from './hashes.js'

const encode = (text: string) => new TextEncoder().encode(text)
const engines = ['node', 'javascript'] as const

describe('digest and hmac', () => {
  it.each(engines)('give the published test vectors (%s)', (engine) => {
    expect(toHex(digest('md5', encode(''), engine))).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(toHex(digest('md5', encode('message digest'), engine))).toBe('f96b697d7cb7938d525a2f31aaf161d0')
    expect(toHex(digest('sha1', encode('abc'), engine))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    // RFC 4231, test case 2.
    expect(toHex(hmac('sha256', encode('Jefe'), encode('what do ya want for nothing?'), engine))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
    // RFC 2202, test case 2.
    expect(toHex(hmac('sha1', encode('Jefe'), encode('what do ya want for nothing?'), engine))).toBe(
      'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
    )
  })

  it('answers the same by Node and in JavaScript, whatever the size of the input and key', () => {
    for (const size of [1, 55, 56, 64, 65, 4096, 100_003]) {
      const bytes = Uint8Array.from({ length: size }, (_, index) => (index * 31 + size) & 0xff)
      const key = bytes.subarray(0, Math.min(size, 100))
      for (const hash of ['md5', 'sha1', 'sha256'] as const) {
        expect(toHex(digest(hash, bytes))).toBe(toHex(digest(hash, bytes, 'javascript')))
      }
      for (const hash of ['sha1', 'sha256'] as const) {
        expect(toHex(hmac(hash, key, bytes))).toBe(toHex(hmac(hash, key, bytes, 'javascript')))
      }
    }
  })
})
