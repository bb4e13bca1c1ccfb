import { describe, expect, it } from 'vitest'
import { corsHeaders, preflightHeaders } from './cors.js'

// The CORS headers of S3's answers: only for a browser's request, and a preflight allowing the
// request headers the browser asked for, as it asked.

describe('corsHeaders', () => {
  it('gives none to a request without an Origin', () => {
    expect(corsHeaders(undefined)).toEqual({})
    expect(corsHeaders('')).toEqual({})
  })

  it('allows any origin and varies by what the browser sent', () => {
    expect(corsHeaders('https://app.example.org')).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, HEAD',
      'Access-Control-Expose-Headers':
        'ETag, Location, x-amz-request-id, x-amz-id-2, x-amz-server-side-encryption, X-Request-Id',
      'Access-Control-Max-Age': '3000',
      Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    })
  })
})

describe('preflightHeaders', () => {
  it('allows the request headers asked for, trimmed, and none when none or blank were asked', () => {
    const origin = 'https://app.example.org'
    expect(preflightHeaders(origin, ' content-type, x-amz-date \n')['Access-Control-Allow-Headers']).toBe(
      'content-type, x-amz-date',
    )
    expect(preflightHeaders(origin, undefined)).toEqual(corsHeaders(origin))
    expect(preflightHeaders(origin, '  ')).toEqual(corsHeaders(origin))
  })
})
