import { describe, expect, it } from 'vitest'
import { postForm, s3Fixture, signedFields } from './testing/harness.js'
import { xmlDocument, xmlText } from './xml.js'

// What XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
const xml10 = /^[\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u

describe('S3 XML', () => {
  it('escapes markup and writes what XML 1.0 forbids as U+FFFD, keeping what it allows', () => {
    expect(xmlText('a<b & "c">')).toBe('a&lt;b &amp; "c"&gt;')
    expect(xmlText('\u0000\u0001\u000b\u001f\ufffe\uffff\ud800')).toBe('\ufffd'.repeat(7))
    expect(xmlText('tab\tline\nreturn\r é 😀')).toBe('tab\tline\nreturn\r é 😀')
  })

  it('answers an error that repeats a NUL from the path or a control character from a field in XML that parses', async () => {
    const { sim } = s3Fixture()
    const path = await sim.app.request('/%00openapi.json')
    expect(path.status).toBe(404)
    const pathText = await path.text()
    expect(pathText).toMatch(xml10)
    expect(pathText).toContain('\ufffdopenapi.json')

    const fields = await signedFields(sim, { signatureVersion: 'v4' })
    const response = await postForm(sim, '/contactkit-uploads/', {
      fields: { ...fields, 'X-Amz-Algorithm': 'AWS4\u0001HMAC' },
    })
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).toMatch(xml10)
    expect(text).toContain('<ArgumentValue>AWS4\ufffdHMAC</ArgumentValue>')
  })

  it('writes a document without whitespace between elements', () => {
    expect(xmlDocument('Error', [['Code', 'A\u0000']])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>A\ufffd</Code></Error>',
    )
  })
})
