import fc from 'fast-check'
import {
  type EncodedBody,
  encodeBody,
  formEntries,
  formText,
  multipartBoundary,
  multipartText,
} from './body-encoding.js'
import { encodeComponent } from './fuzz-request.js'

/** A change to how a body is written: given the valid fields and the declared media type. */
export interface BodyOddity {
  note: string
  apply(fields: unknown, declared: string): EncodedBody
}

/** A change to how the query string is written: given its pairs, unencoded. */
export interface QueryOddity {
  note: string
  apply(pairs: [string, string][]): string
}

/** Extra or replaced headers that should not change the answer's format. */
export interface HeaderOddity {
  note: string
  headers: [string, string][]
}

const json = 'application/json'
const form = 'application/x-www-form-urlencoded'
const latin1 = (text: string) =>
  Uint8Array.from(text, (char) => (char.charCodeAt(0) > 0xff ? 0x3f : char.charCodeAt(0)))
const utf16le = (text: string) => {
  const bytes = new Uint8Array(text.length * 2)
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    bytes[index * 2] = unit & 0xff
    bytes[index * 2 + 1] = unit >> 8
  }
  return bytes
}
const concat = (...chunks: Uint8Array[]) => {
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0))
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}
/** The fields written unencoded (`a=é b`), as a sloppy client would. */
const rawForm = (fields: unknown) =>
  formEntries(fields)
    .map(([name, value]) => `${name}=${value}`)
    .join('&')

const body = (note: string, apply: (fields: unknown, declared: string) => EncodedBody): BodyOddity => ({ note, apply })

/**
 * Bodies that are not what their Content-Type says, invalid or odd JSON, broken multipart, wrong
 * or odd Content-Types and charsets, invalid UTF-8, compression claimed but absent, empty and
 * oversized bodies.
 *
 * @example
 * const oddity = fc.sample(bodyOddity, 1)[0]
 * oddity.apply({ service: 'icloud' }, 'application/x-www-form-urlencoded')
 */
export const bodyOddity: fc.Arbitrary<BodyOddity> = fc.oneof(
  // The long list of mismatches weighs as much as the three families below together.
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      body('JSON body labelled as a form', (fields) => ({ contentType: form, body: JSON.stringify(fields) })),
      body('form body labelled as JSON', (fields) => ({ contentType: json, body: formText(fields) })),
      body('valid JSON instead of the declared type', (fields) => encodeBody(json, fields)),
      body('valid form instead of the declared type', (fields) => encodeBody(form, fields)),
      body('valid multipart instead of the declared type', (fields) => encodeBody('multipart/form-data', fields)),
      body('multipart without a boundary parameter', (fields) => ({
        contentType: 'multipart/form-data',
        body: multipartText(fields),
      })),
      body('multipart with an empty boundary', (fields) => ({
        contentType: 'multipart/form-data; boundary=',
        body: multipartText(fields),
      })),
      body('multipart whose boundary is not the one used', (fields) => ({
        contentType: 'multipart/form-data; boundary=another-boundary',
        body: multipartText(fields),
      })),
      body('multipart cut before its closing boundary', (fields) => ({
        contentType: `multipart/form-data; boundary=${multipartBoundary}`,
        body: multipartText(fields)
          .replace(/--\r\n$/, '')
          .slice(0, -10),
      })),
      body('multipart with a file part', (fields) => ({
        contentType: `multipart/form-data; boundary=${multipartBoundary}`,
        body: multipartText(fields).replace(
          /Content-Disposition: form-data; name="([^"]*)"\r\n/,
          'Content-Disposition: form-data; name="$1"; filename="contacts.csv"\r\nContent-Type: text/csv\r\n',
        ),
      })),
      body('multipart with filename before name', (fields) => ({
        contentType: `multipart/form-data; boundary=${multipartBoundary}`,
        body: multipartText(fields).replace(
          'Content-Disposition: form-data; name="',
          'Content-Disposition: form-data; filename="contacts.csv"; name="',
        ),
      })),
      body('form body labelled multipart', (fields) => ({
        contentType: `multipart/form-data; boundary=${multipartBoundary}`,
        body: formText(fields),
      })),
      body('text/plain', (fields) => ({ contentType: 'text/plain', body: formText(fields) })),
      body('application/xml', (fields) => ({
        contentType: 'application/xml',
        body: `<?xml version="1.0"?><request>${formText(fields)}</request>`,
      })),
      body('application/octet-stream', (fields) => ({
        contentType: 'application/octet-stream',
        body: formText(fields),
      })),
      body('no Content-Type', (fields) => ({ body: formText(fields) })),
      body('an empty Content-Type', (fields) => ({ contentType: '', body: formText(fields) })),
      body('upper-case form type', (fields) => ({ contentType: form.toUpperCase(), body: formText(fields) })),
      body('form with charset=utf-8', (fields) => ({ contentType: `${form}; charset=utf-8`, body: formText(fields) })),
      body('form with charset=bogus', (fields) => ({ contentType: `${form}; charset=bogus`, body: formText(fields) })),
      body('form with a quoted, duplicated charset', (fields) => ({
        contentType: `${form}; charset="UTF-8"; charset=latin1`,
        body: formText(fields),
      })),
      body('raw Latin-1 form with charset=iso-8859-1', (fields) => ({
        contentType: `${form}; charset=iso-8859-1`,
        body: latin1(`${rawForm(fields)}&note=caf\u00e9`),
      })),
      body('UTF-16LE form with charset=utf-16', (fields) => ({
        contentType: `${form}; charset=utf-16`,
        body: utf16le(formText(fields)),
      })),
      body('form with invalid UTF-8 bytes', (fields) => ({
        contentType: form,
        body: concat(
          new TextEncoder().encode(`${formText(fields)}&bad=`),
          new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0x80]),
        ),
      })),
      body('JSON with invalid UTF-8 bytes', (fields) => ({
        contentType: json,
        body: concat(
          new TextEncoder().encode(JSON.stringify(fields).replace(/}$/, ',"bad":"')),
          new Uint8Array([0xff, 0xc3, 0x28, 0x22, 0x7d]),
        ),
      })),
      body('form written raw, unencoded', (fields) => ({ contentType: form, body: rawForm(fields) })),
      body('form with a malformed percent sequence', (fields) => ({
        contentType: form,
        body: `${formText(fields)}&x=%E0%A4%A&%ZZ=1&%=`,
      })),
      body('form with duplicated fields', (fields) => ({
        contentType: form,
        body: `${formText(fields)}&${formText(fields)}`,
      })),
      body('form with bracketed names', (fields) => ({
        contentType: form,
        body: formEntries(fields)
          .map(([name, value]) => `${encodeComponent(name)}[]=${encodeComponent(value)}&${encodeComponent(name)}[x]=1`)
          .join('&'),
      })),
      body('form that is only separators', () => ({ contentType: form, body: '&&&==&=' })),
      body('empty body', (_, declared) => ({ contentType: declared, body: '' })),
      body('JSON with a byte-order mark', (fields) => ({ contentType: json, body: `\ufeff${JSON.stringify(fields)}` })),
      body('JSON with __proto__ and constructor keys', (fields) => ({
        contentType: json,
        body: JSON.stringify(fields).replace(
          /^\{/,
          '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},',
        ),
      })),
      body('JSON array nested 5,000 deep', () => ({
        contentType: json,
        body: `${'['.repeat(5000)}${']'.repeat(5000)}`,
      })),
      body('JSON object nested 3,000 deep', () => ({
        contentType: json,
        body: `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
      })),
      body('gzip claimed, plain body', (fields, declared) => ({
        ...encodeBody(declared, fields),
        headers: [['Content-Encoding', 'gzip']],
      })),
      body('body over 1.5 MiB', (fields) => ({
        contentType: form,
        body: `${formText(fields)}&padding=${'x'.repeat(1.5 * 1024 * 1024)}`,
      })),
    ),
  },
  fc
    .constantFrom(
      '{',
      '{"a":',
      '{"a":1}}',
      "{'a':1}",
      'nul',
      '[',
      '{"a":"\\ud800"}',
      '{"a":1,}',
      '{"a" 1}',
      '\u0000',
      '"unterminated',
    )
    .map((text) => body(`invalid JSON ${JSON.stringify(text)}`, () => ({ contentType: json, body: text }))),
  fc
    .constantFrom('[]', '1', '"a string"', 'null', 'true', '[{"service":"icloud"}]', '{}')
    .map((text) => body(`JSON that is not an object of fields: ${text}`, () => ({ contentType: json, body: text }))),
  fc
    .constantFrom(
      'a/b/c',
      '*/*',
      ';',
      'application/',
      'application/json;;;charset',
      'application/json; charset=utf-16',
      'application/vnd.api+json',
      'text/x-form',
      'multipart/mixed; boundary=x',
      'application/x-www-form-urlencoded, application/json',
      '\u00e9/\u00e9',
    )
    .map((contentType) =>
      body(`odd Content-Type ${JSON.stringify(contentType)}`, (fields) => ({ contentType, body: formText(fields) })),
    ),
)

/**
 * Query strings written oddly: `+` for spaces, repeated and bracketed keys, keys without values,
 * malformed percent sequences, raw Unicode, `;` separators, a very long string.
 *
 * @example
 * fc.sample(queryOddity, 1)[0].apply([['start', '0']]) // 'start=0&start=0'
 */
export const queryOddity: fc.Arbitrary<QueryOddity> = fc.constantFrom<QueryOddity>(
  { note: 'spaces as +', apply: (pairs) => new URLSearchParams(pairs).toString() },
  {
    note: 'every key twice',
    apply: (pairs) => encodePairs([...pairs, ...pairs.map(([k]) => [k, 'dup'] as [string, string])]),
  },
  { note: 'a key without a value', apply: (pairs) => joined(encodePairs(pairs), 'flag') },
  { note: 'a malformed percent sequence', apply: (pairs) => joined(encodePairs(pairs), 'echo=%E0%A4%A&%=x&a=%&%ZZ=1') },
  { note: 'raw Unicode', apply: (pairs) => joined(encodePairs(pairs), 'q=ü🙂\u202e') },
  { note: 'empty keys and separators', apply: (pairs) => `&&=x&${encodePairs(pairs)}&&` },
  { note: '; separators', apply: (pairs) => encodePairs(pairs).replace(/&/g, ';') },
  {
    note: 'bracketed keys',
    apply: (pairs) => pairs.map(([k, v]) => `${encodeComponent(k)}[]=${encodeComponent(v)}`).join('&'),
  },
  { note: 'upper-case keys', apply: (pairs) => encodePairs(pairs.map(([k, v]) => [k.toUpperCase(), v])) },
  { note: 'a 100,000-character value', apply: (pairs) => joined(encodePairs(pairs), `pad=${'a'.repeat(100_000)}`) },
  { note: 'a second question mark', apply: (pairs) => `?${encodePairs(pairs)}` },
  { note: 'a fragment', apply: (pairs) => `${encodePairs(pairs)}#frag` },
  { note: 'values left unencoded', apply: (pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&') },
)

/**
 * Headers that ask for odd things: other Accept types and charsets, method overrides, a
 * Content-Type or Content-Encoding with no body to match.
 *
 * @example
 * fc.sample(headerOddity, 1)[0].headers // [['Accept', 'text/html']]
 */
export const headerOddity: fc.Arbitrary<HeaderOddity> = fc.constantFrom<HeaderOddity>(
  { note: 'Accept XML', headers: [['Accept', 'application/xml']] },
  { note: 'Accept HTML', headers: [['Accept', 'text/html']] },
  { note: 'garbage Accept', headers: [['Accept', ';;;, q=abc, */*;q=2']] },
  { note: 'Accept-Charset utf-16', headers: [['Accept-Charset', 'utf-16']] },
  { note: 'Content-Type JSON without a body', headers: [['Content-Type', 'application/json']] },
  { note: 'Content-Type multipart without a body', headers: [['Content-Type', 'multipart/form-data']] },
  { note: 'Content-Encoding gzip', headers: [['Content-Encoding', 'gzip']] },
  { note: 'method override header', headers: [['X-HTTP-Method-Override', 'DELETE']] },
  {
    note: 'Content-Type twice',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Type', 'text/plain'],
    ],
  },
)

function encodePairs(pairs: [string, string][]): string {
  return pairs.map(([key, value]) => `${encodeComponent(key)}=${encodeComponent(value)}`).join('&')
}

function joined(query: string, extra: string): string {
  return query ? `${query}&${extra}` : extra
}
