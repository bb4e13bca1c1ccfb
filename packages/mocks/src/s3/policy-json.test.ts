import { describe, expect, it } from 'vitest'
import { decodePolicy, encodePolicy, type PolicyDocument } from './policy.js'

// The policy field's bytes are what a form's signature covers: a V2 form's policy is written as
// Python's json.dumps writes it, byte for byte, whatever its strings hold.

/** Python's json.dumps with its default separators (and ensure_ascii off), one value at a time. */
function pythonDumps(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(pythonDumps).join(', ')}]`
  }
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([name, item]) => `${JSON.stringify(name)}: ${pythonDumps(item)}`)
      .join(', ')}}`
  }
  return JSON.stringify(value)
}

const utf8Base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))

const documents: PolicyDocument[] = [
  { expiration: '2026-01-01T01:00:00.000Z', conditions: [] },
  {
    expiration: '2026-03-01T13:00:00.000Z',
    conditions: [
      { acl: 'private' },
      { bucket: 'contactkit-uploads' },
      ['starts-with', '$key', 'uploads/0123456789abcdef0123456789abcdef/'],
      ['starts-with', '$Content-Type', ''],
      ['content-length-range', 0, 5368724480],
    ],
  },
  {
    expiration: '2026-01-01T00:00:00Z',
    conditions: [
      { 'x-amz-meta-note': 'a, b: c' },
      ['eq', '$x-amz-meta-quote', 'say "hi", then: {go} [now]'],
      ['starts-with', '$key', 'back\\slash\\", still: inside'],
      { 'x-amz-meta-lines': 'tab\there\nnewline\u0001' },
      { 'x-amz-meta-name': 'Zoë, Контакты: 連絡先 😀' },
      ['content-length-range', '1', '10'],
    ],
  },
]

describe('encodePolicy', () => {
  it('writes V2 policies as json.dumps does and V4 policies as JSON.stringify does, as UTF-8 in base64', () => {
    for (const document of documents) {
      expect(encodePolicy(document, 'python')).toBe(utf8Base64(pythonDumps(document)))
      expect(encodePolicy(document, 'compact')).toBe(utf8Base64(JSON.stringify(document)))
      for (const style of ['python', 'compact'] as const) {
        expect(decodePolicy(encodePolicy(document, style))).toEqual({
          document,
          expiresAt: Date.parse(document.expiration),
        })
      }
    }
  })
})
