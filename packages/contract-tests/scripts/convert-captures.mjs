// One-time conversion of the vendors' recorded captures and documented examples into the HAR
// recordings under recordings/: `node scripts/convert-captures.mjs <vendor-docs dir>`. Secrets
// become `<secret:N>` as the recording proxy writes them; personal data becomes made-up data of
// the same form (letters for letters, digits for digits); shapes, statuses, headers and key order
// stay as recorded. Its output is committed: nothing reads the captures at test time.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { parse as parseYaml } from 'yaml'

const source = process.argv[2]
if (!source) {
  console.error('Usage: node scripts/convert-captures.mjs <vendor-docs dir (with captures/)>')
  process.exit(2)
}
const out = new URL('../recordings/', import.meta.url).pathname
const read = (name) => readFileSync(join(source, name), 'utf8')
// Dates the sources do not give: the Java fixtures and the documentation carry none.
const undated = '2000-01-01T00:00:00.000Z'

function har(comment, entries) {
  return { log: { version: '1.2', creator: { name: 'contactkit convert-captures', version: '1' }, comment, entries } }
}

function entry({
  started,
  method,
  url,
  headers = [],
  body,
  status,
  statusText = '',
  responseHeaders = [],
  text = '',
  encoding,
  partialHeaders = false,
}) {
  const mimeType = responseHeaders.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? ''
  const requestType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? ''
  return {
    startedDateTime: new Date(started).toISOString(),
    time: 0,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headers.map(([name, value]) => ({ name, value })),
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      ...(body === undefined
        ? {}
        : {
            postData: { mimeType: requestType, text: body.text, ...(body.encoding ? { encoding: body.encoding } : {}) },
          }),
      headersSize: -1,
      bodySize: body === undefined ? 0 : body.text.length,
    },
    response: {
      status,
      statusText,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders.map(([name, value]) => ({ name, value })),
      content: { size: Buffer.byteLength(text), mimeType, text, ...(encoding ? { encoding } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(text),
      ...(partialHeaders ? { _partialHeaders: true } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  }
}

// Made-up data of the same form: each letter another letter of the same case, each digit another
// digit, the rest kept; the same input always gives the same output.
function scramble(text) {
  const hash = createHash('sha256').update(`contactkit:${text}`).digest()
  let index = 0
  const next = () => hash[index++ % hash.length]
  return text
    .replace(/[a-z]/g, () => String.fromCharCode(97 + (next() % 26)))
    .replace(/[A-Z]/g, () => String.fromCharCode(65 + (next() % 26)))
    .replace(/[0-9]/g, () => String(next() % 10))
}

function fakeEmail(text) {
  const at = text.indexOf('@')
  if (at < 0) {
    return scramble(text)
  }
  const trailing = /\s*$/.exec(text)[0]
  return `${scramble(text.slice(0, at))}@example.com${trailing}`
}

const keptKeys = new Set(['type', 'primary', 'owner'])

function fakePerson(value, key) {
  if (Array.isArray(value)) {
    return value.map((item) => fakePerson(item, key))
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, fakePerson(item, name)]))
  }
  if (typeof value !== 'string' || keptKeys.has(key)) {
    return value
  }
  return value.includes('@') ? fakeEmail(value) : scramble(value)
}

function signature(value) {
  if (Array.isArray(value)) {
    return `[${[...new Set(value.map(signature))].sort().join('|')}]`
  }
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}:${signature(item)}`)
      .join(',')}}`
  }
  return value === null ? 'null' : typeof value
}

// One contact per distinct shape keeps every shape of the recording without its whole address book.
function distinctShapes(contacts, limit = 40) {
  const seen = new Set()
  return contacts.filter((contact) => {
    const shape = signature(contact)
    if (seen.has(shape) || seen.size >= limit) {
      return false
    }
    seen.add(shape)
    return true
  })
}

const railsJson = (value) =>
  JSON.stringify(value).replace(/&/g, '\\u0026').replace(/</g, '\\u003c').replace(/>/g, '\\u003e')

function cloudspongeAnswer(text) {
  if (!text.includes('"contacts"')) {
    return { text, reduced: false }
  }
  const body = JSON.parse(text)
  const all = body.contacts
  body.contacts = distinctShapes(all).map((contact) => fakePerson(contact))
  body.contacts_owner = fakePerson(body.contacts_owner)
  if (typeof body.count === 'number') {
    body.count = body.contacts.length
  }
  if (typeof body.total === 'number') {
    body.total = body.contacts.length
  }
  return { text: railsJson(body), reduced: all.length !== body.contacts.length }
}

function convertCassette(file, name, about) {
  const cassette = parseYaml(read(`captures/${file}`))
  let reduced = false
  const entries = cassette.http_interactions.map((interaction) => {
    const uri = new URL(interaction.request.uri)
    uri.username = ''
    uri.password = ''
    const headers = [
      ...Object.entries(interaction.request.headers).map(([key, values]) => [key, values.join(', ')]),
      // The cassette kept the credentials in the URL; a client sends them as Basic auth.
      ['Authorization', 'Basic <secret:1>'],
    ]
    const requestText = interaction.request.body.string
    const answer = cloudspongeAnswer(interaction.response.body.string)
    reduced ||= answer.reduced
    const responseHeaders = Object.entries(interaction.response.headers).map(([key, values]) => [
      key,
      key === 'Content-Length' ? String(Buffer.byteLength(answer.text)) : values.join(', '),
    ])
    return entry({
      started: interaction.recorded_at,
      method: interaction.request.method.toUpperCase(),
      url: uri.href,
      headers,
      body: requestText ? { text: requestText.replace(/(^|&)password=[^&]*/, '$1password=<secret:2>') } : undefined,
      status: interaction.response.status.code,
      statusText: interaction.response.status.message,
      responseHeaders,
      text: answer.text,
    })
  })
  const note = reduced ? ' Contacts reduced to one per distinct shape (count and total follow).' : ''
  write(
    'cloudsponge',
    name,
    har(
      `${about} Converted from the Ruby client's VCR cassette ${file} (recorded ${cassette.http_interactions[0].recorded_at}); people made up.${note}`,
      entries,
    ),
  )
}

function write(vendor, name, document) {
  mkdirSync(join(out, vendor), { recursive: true })
  writeFileSync(join(out, vendor, name), `${JSON.stringify(document, null, 2)}\n`)
  console.log(`wrote recordings/${vendor}/${name} (${document.log.entries.length} exchanges)`)
}

// The Java fixtures are answers without their requests: each flow puts them behind the requests
// the Java client sends for them (parameters in the form and query, as that library does).
function javaXml(file, importId) {
  return read(`captures/${file}`).replace(/<import-id>\d+<\/import-id>/g, `<import-id>${importId}</import-id>`)
}

function fakeXmlContacts(xml) {
  const blocks = xml.match(/ {4}<contact>[\s\S]*?<\/contact>\n/g) ?? []
  const seen = new Set()
  const kept = blocks.filter((block) => {
    const shape = block.replace(/>[^<]*</g, '><')
    if (seen.has(shape) || seen.size >= 40) {
      return false
    }
    seen.add(shape)
    return true
  })
  const contacts = xml.replace(/ {4}<contact>[\s\S]*<\/contact>\n/, kept.join(''))
  return contacts.replace(
    /<(first-name|last-name|address|number|street|city|region|postal-code|formatted|name|job-title)>([^<]*)</g,
    (_, tag, text) => {
      const plain = text.replace(/&#\d+;/g, 'e').replace(/&amp;/g, '&')
      return `<${tag}>${(plain.includes('@') ? fakeEmail(plain) : scramble(plain)).replace(/&/g, '&amp;')}<`
    },
  )
}

const csBase = 'https://api.cloudsponge.com'
const xmlHeaders = [['Content-Type', 'application/xml; charset=utf-8']]
const formHeaders = [['Content-Type', 'application/x-www-form-urlencoded']]
const javaCredentials = 'domain_key=<secret:1>&domain_password=<secret:2>'
const minute = 60_000
const at = (offset) => Date.parse(undated) + offset

convertCassette('ruby_u_p_import.yml', '2016-plaxo-username-password.har', 'A Plaxo import by username and password.')
convertCassette('ruby_aol_import.yml', '2016-aol-user-consent.har', 'An AOL import by user consent.')
convertCassette('ruby_wl_import.yml', '2016-windowslive-user-consent.har', 'A Windows Live import by user consent.')
convertCassette(
  'ruby_contacts_with_mailing_addresses.yml',
  '2016-aol-mailing-addresses.har',
  'An AOL import by user consent with mailing addresses.',
)

write(
  'cloudsponge',
  'java-fixtures-username-password.har',
  har(
    "The Java client library's XML fixtures import.xml, progress_events.xml and user_contacts.xml, behind the requests that library sends (its fixtures name different imports; here they are one). The library's parser tests only: undated, headers other than Content-Type not recorded.",
    [
      entry({
        started: at(0),
        method: 'POST',
        url: `${csBase}/begin_import/import.xml`,
        headers: formHeaders,
        body: { text: `${javaCredentials}&service=icloud&username=foo&password=<secret:3>&user_id=myUserId_0003` },
        status: 200,
        responseHeaders: xmlHeaders,
        text: javaXml('java_import.xml', 1131),
        partialHeaders: true,
      }),
      entry({
        started: at(minute),
        method: 'GET',
        url: `${csBase}/events.xml/1131?${javaCredentials}`,
        status: 200,
        responseHeaders: xmlHeaders,
        text: javaXml('java_progress_events.xml', 1131),
        partialHeaders: true,
      }),
      entry({
        started: at(minute),
        method: 'GET',
        url: `${csBase}/contacts.xml/1131?${javaCredentials}`,
        status: 200,
        responseHeaders: xmlHeaders,
        text: javaXml('java_user_contacts.xml', 1131),
        partialHeaders: true,
      }),
    ],
  ),
)
write(
  'cloudsponge',
  'java-fixtures-consent.har',
  har(
    "The Java client library's XML fixtures user_consent.xml and applet_consent.xml behind the requests that library sends. Undated, headers other than Content-Type not recorded.",
    [
      entry({
        started: at(0),
        method: 'POST',
        url: `${csBase}/begin_import/user_consent.xml`,
        headers: formHeaders,
        body: { text: `${javaCredentials}&service=yahoo&user_id=myUserId_0003&echo=echo123` },
        status: 200,
        responseHeaders: xmlHeaders,
        text: javaXml('java_user_consent.xml', 1126),
        partialHeaders: true,
      }),
      entry({
        started: at(minute),
        method: 'POST',
        url: `${csBase}/begin_import/desktop_applet.xml`,
        headers: formHeaders,
        body: { text: `${javaCredentials}&service=outlook&user_id=You&echo=Hello%3F` },
        status: 200,
        responseHeaders: xmlHeaders,
        text: javaXml('java_applet_consent.xml', 1132),
        partialHeaders: true,
      }),
      entry({
        started: at(2 * minute),
        method: 'GET',
        url: `${csBase}/contacts.xml/1132?${javaCredentials}`,
        status: 200,
        responseHeaders: xmlHeaders,
        text: fakeXmlContacts(javaXml('java_large_contacts.xml', 1132)),
        partialHeaders: true,
      }),
    ],
  ),
)

// CloudSponge's documented examples: the documented account foo/bar, in JSON and XML.
const docs = read('cloudsponge-get-contacts.txt')
const jsonExample = JSON.parse(
  docs.slice(docs.indexOf('Example Response (JSON)') + 23, docs.indexOf('Example Response (XML)')).replace(/\n/g, ''),
)
const xmlExample = docs.slice(docs.indexOf('<?xml'))
const beginDocs = read('cloudsponge-begin-import-username-password.txt')
const beginXml = beginDocs.slice(beginDocs.indexOf('<?xml'))
const basic = [['Authorization', 'Basic <secret:1>']]
const jsonHeaders = [['Content-Type', 'application/json; charset=utf-8']]
write(
  'cloudsponge',
  'docs-documented-account.har',
  har(
    "CloudSponge's documented examples: begin_import/import for the documented account (icloud, foo/bar) and its contacts, in JSON and XML, as the documentation's curl commands send them. Undated, headers other than Content-Type not documented.",
    [
      entry({
        started: at(0),
        method: 'POST',
        url: `${csBase}/begin_import/import.json`,
        headers: [...basic, ...formHeaders],
        body: { text: 'service=icloud&username=foo&password=<secret:2>' },
        status: 200,
        responseHeaders: jsonHeaders,
        text: JSON.stringify({ status: 'success', import_id: 1126 }),
        partialHeaders: true,
      }),
      entry({
        started: at(minute),
        method: 'GET',
        url: `${csBase}/contacts/1126.json?start=0&count=10`,
        headers: basic,
        status: 200,
        responseHeaders: jsonHeaders,
        text: JSON.stringify(jsonExample),
        partialHeaders: true,
      }),
      entry({
        started: at(2 * minute),
        method: 'POST',
        url: `${csBase}/begin_import/import.xml`,
        headers: [...basic, ...formHeaders],
        body: { text: 'service=icloud&username=foo&password=<secret:2>' },
        status: 200,
        responseHeaders: xmlHeaders,
        text: beginXml.replace('1126', '1127'),
        partialHeaders: true,
      }),
      entry({
        started: at(3 * minute),
        method: 'GET',
        url: `${csBase}/contacts/1127.xml?start=0&count=10`,
        headers: basic,
        status: 200,
        responseHeaders: xmlHeaders,
        text: xmlExample.replace('<import-id>1126', '<import-id>1127'),
        partialHeaders: true,
      }),
    ],
  ),
)

// Aurinko's documented examples: a sync started, and its token refused once expired (410).
const auBase = 'https://api.aurinko.io/v1'
const bearer = [['Authorization', 'Bearer <secret:1>']]
const auJson = [['Content-Type', 'application/json']]
write(
  'aurinko',
  'docs-sync-token-expired.har',
  har(
    "Aurinko's documented examples: a sync started (ready, with its delta tokens) and, a week later, the updated contacts asked for with its token, refused with 410 syncToken.expired. The request as the TypeScript SDK sends it (awaitReady). Undated, headers other than Content-Type not documented.",
    [
      entry({
        started: at(0),
        method: 'POST',
        url: `${auBase}/contacts/sync?awaitReady=true`,
        headers: bearer,
        status: 200,
        responseHeaders: auJson,
        text: JSON.stringify({
          syncUpdatedToken: 'asdfghjklpoiuytrew',
          syncDeletedToken: 'zxcvbnmlkjhgfdsaq',
          ready: true,
        }),
        partialHeaders: true,
      }),
      entry({
        started: at(8 * 24 * 60 * minute),
        method: 'GET',
        url: `${auBase}/contacts/sync/updated?deltaToken=asdfghjklpoiuytrew`,
        headers: bearer,
        status: 410,
        responseHeaders: auJson,
        text: JSON.stringify({
          code: 'syncToken.expired',
          message: 'syncToken expired.',
          requestId: '82414de3-3815-47ef-aca1-6745e42a60d6',
        }),
        partialHeaders: true,
      }),
    ],
  ),
)

await convertOmnigage()

async function convertOmnigage() {
  const base = 'https://api.omnigage.io/api/v1'
  const auth = [
    ['Authorization', 'Basic <secret:1>'],
    ['X-Account-Key', 'example-account'],
  ]
  const json = [['Content-Type', 'application/json']]
  const bucket = 'https://contactkit-example.s3.amazonaws.com/'
  const policyOf = (expiration, prefix) =>
    Buffer.from(
      JSON.stringify({
        expiration,
        conditions: [
          { acl: 'private' },
          { bucket: 'contactkit-example' },
          ['starts-with', '$key', prefix],
          ['starts-with', '$Content-Type', ''],
          ['content-length-range', 0, 5368724480],
        ],
      }),
    ).toString('base64')
  const uploadAnswer = (id, expires, prefix, policy) => ({
    data: {
      type: 'uploads',
      id,
      attributes: {
        'expires-at': expires,
        'max-length-in-bytes': 5368724480,
        'request-url': bucket,
        'request-method': 'post',
        'request-headers': [{ 'x-amz-server-side-encryption': 'AES256' }],
        'request-form-data': [
          { acl: 'private' },
          { AWSAccessKeyId: 'AKIAEXAMPLEKEY000000' },
          { key: `${prefix}\${filename}` },
          { policy },
          { signature: '<secret:2>' },
        ],
      },
    },
  })
  // .NET's MultipartFormDataContent, as the SDK's recorded post shows it: unquoted names, a
  // boundary with spaces and slashes, the file part typed multipart/form-data.
  const dotnetForm = (boundary, fields, fileName, file) => {
    const parts = fields.map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=${name}\r\n\r\n${value}\r\n`,
    )
    const head = `${parts.join('')}--${boundary}\r\nContent-Type: multipart/form-data\r\nContent-Disposition: form-data; name=file; filename=${fileName}; filename*=utf-8''${fileName}\r\n\r\n`
    return Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)])
  }

  // 1. The SDK's recorded exchange of 2020-07-10: the upload and its S3 post (the rest of that
  // exchange, engagements and voice templates, is outside what contactkit simulates).
  const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(52, 1)])
  const prefix = 'uploads/5f0c1d2e3a4b5c6d7e8f901a2b3c4d5e/'
  const policy = policyOf('2020-07-10T23:29:08.000Z', prefix)
  const cdn = [
    ['Connection', 'keep-alive'],
    ['Access-Control-Allow-Origin', '*'],
    ['Server', 'nginx/1.16.1'],
    ['X-Cache', 'Miss from cloudfront'],
    ['Content-Type', 'application/json'],
  ]
  const boundary = 'Upload----07/10/2020 17:29:08'
  const fields = [
    ['acl', 'private'],
    ['AWSAccessKeyId', 'AKIAEXAMPLEKEY000000'],
    ['key', `${prefix}\${filename}`],
    ['policy', policy],
    ['signature', '<secret:2>'],
    ['Content-Type', 'audio/x-wav'],
  ]
  write(
    'omnigage',
    '2020-sdk-upload.har',
    har(
      "The official .NET SDK's recorded exchange (2020-07-10): an upload created with the SDK's single-quoted body, keys, ids and the file made up (a short WAV instead of the 263 KB one). Its S3 post is in s3-2020-sdk-upload.har.",
      [
        entry({
          started: '2020-07-10T22:29:08.000Z',
          method: 'POST',
          url: `${base}/uploads`,
          headers: [
            ['Authorization', 'Basic <secret:1>'],
            ['Content-Type', 'application/json; charset=utf-8'],
          ],
          body: {
            text: `{\n                'name': 'you-have-new-mail-waiting.wav',\n                'type': 'audio/x-wav',\n                'size': ${wav.length}\n            }`,
          },
          status: 201,
          statusText: 'CREATED',
          responseHeaders: cdn,
          text: JSON.stringify(uploadAnswer('zQ4bKe7mLpR2sT9vWxY3aB', 'Fri, 10 Jul 2020 23:29:08 GMT', prefix, policy)),
        }),
      ],
    ),
  )
  write(
    'omnigage',
    's3-2020-sdk-upload.har',
    har(
      "The S3 post of the .NET SDK's recorded upload (2020-07-10), written as .NET's MultipartFormDataContent writes it; the recorded answer's headers (the request ids, ETag and Location made up).",
      [
        entry({
          started: '2020-07-10T22:29:09.000Z',
          method: 'POST',
          url: bucket,
          headers: [
            ['x-amz-server-side-encryption', 'AES256'],
            ['Content-Type', `multipart/form-data; boundary="${boundary}"`],
          ],
          body: {
            text: dotnetForm(boundary, fields, 'you-have-new-mail-waiting.wav', wav).toString('base64'),
            encoding: 'base64',
          },
          status: 204,
          statusText: 'No Content',
          responseHeaders: [
            ['x-amz-id-2', 'Q2Vu+dGFjdGtpdEV4YW1wbGVJZDI='],
            ['x-amz-request-id', '0A1B2C3D4E5F6A7B'],
            ['Date', 'Fri, 10 Jul 2020 22:29:09 GMT'],
            ['ETag', '"0123456789abcdef0123456789abcdef"'],
            ['Location', `${bucket}uploads%2F5f0c1d2e3a4b5c6d7e8f901a2b3c4d5e%2Fyou-have-new-mail-waiting.wav`],
            ['Server', 'AmazonS3'],
          ],
        }),
      ],
    ),
  )

  // 2. The documented contact import: an upload for an XLSX, the file posted, the import created.
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Contacts')
  sheet.addRow(['First Name', 'Last Name', 'Company', 'Phone Number', 'Email Address'])
  sheet.addRow(['Rowan', 'Ellery', 'Contactkit', '14155550123', 'rowan.ellery@example.com'])
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
  const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  const docPrefix = 'uploads/28a1b2c3d4e5f60718293a4b5c6d7e8f/'
  const docPolicy = policyOf('2020-02-28T21:27:24.000Z', docPrefix)
  const browserBoundary = '----WebKitFormBoundaryHA24Z2hmBNFyzQmA'
  const browserForm = Buffer.concat([
    Buffer.from(
      [
        ['acl', 'private'],
        ['AWSAccessKeyId', 'AKIAEXAMPLEKEY000000'],
        ['key', `${docPrefix}\${filename}`],
        ['policy', docPolicy],
        ['signature', '<secret:2>'],
        ['Content-Type', xlsxType],
      ]
        .map(
          ([name, value]) =>
            `--${browserBoundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        )
        .join('') +
        `--${browserBoundary}\r\nContent-Disposition: form-data; name="file"; filename="import-5.xlsx"\r\nContent-Type: ${xlsxType}\r\n\r\n`,
    ),
    xlsx,
    Buffer.from(`\r\n--${browserBoundary}--\r\n`),
  ])
  const started = Date.parse('2020-02-28T20:27:24.000Z')
  write(
    'omnigage',
    'docs-import-contacts.har',
    har(
      "Omnigage's documented contact import (its example of 2020-02-28): an upload for an XLSX, and the import created from it. Made-up person, keys and ids; headers other than Content-Type not documented. Its S3 post is in s3-docs-import-contacts.har.",
      [
        entry({
          started,
          method: 'POST',
          url: `${base}/uploads`,
          headers: [...auth, ...json],
          body: { text: JSON.stringify({ name: 'import-5.xlsx', type: xlsxType, size: xlsx.length }) },
          status: 201,
          responseHeaders: json,
          text: JSON.stringify(
            uploadAnswer('Q8x3fc2UoJf4B5CrQxQ6Cd', 'Fri, 28 Feb 2020 21:27:24 GMT', docPrefix, docPolicy),
          ),
          partialHeaders: true,
        }),
        entry({
          started: started + 17 * minute,
          method: 'POST',
          url: `${base}/import-contacts`,
          headers: [...auth, ...json],
          body: {
            text: JSON.stringify({
              data: {
                attributes: { status: 'queued', 'unique-primary-phone': true },
                relationships: { upload: { data: { type: 'uploads', id: 'Q8x3fc2UoJf4B5CrQxQ6Cd' } } },
                type: 'import-contacts',
              },
            }),
          },
          status: 201,
          responseHeaders: json,
          text: JSON.stringify({
            data: {
              type: 'import-contacts',
              id: 'rgpAPfNsdJf2Rkcwv2gVEM',
              attributes: {
                status: 'queued',
                'unique-primary-email': false,
                'unique-primary-phone': true,
                'update-pruning': false,
                'enable-preflights': false,
                header: ['First Name', 'Last Name', 'Company', 'Phone Number', 'Email Address'],
                mapping: ['first-name', 'last-name', 'company', 'phone1-phone-number', 'email1-email-address'],
                sample: ['Rowan', 'Ellery', 'Contactkit', '14155550123', 'rowan.ellery@example.com'],
                'count-created': 0,
                'count-updated': 0,
                'count-erred': 0,
                'count-total': 0,
                'count-resolved': 0,
                'count-skipped': 0,
                'created-at': '2020-02-28T20:44:47.940610+00:00',
                'updated-at': '2020-02-28T20:44:47.940616+00:00',
              },
              relationships: {
                'created-by': { data: { type: 'memberships', id: 'FJ653kkb36jbqBUNPx9sqJ' } },
                'updated-by': { data: { type: 'memberships', id: 'FJ653kkb36jbqBUNPx9sqJ' } },
                list: { data: null },
                results: {
                  links: {
                    related: 'https://testing.omnigage.io/api/v1/import-contacts/rgpAPfNsdJf2Rkcwv2gVEM/results',
                  },
                },
                'original-file': { data: { type: 'files', id: 'mAC86Wxd4JnhgKxjydEbed' } },
                'errors-file': { data: null },
              },
            },
          }),
          partialHeaders: true,
        }),
      ],
    ),
  )
  write(
    'omnigage',
    's3-docs-import-contacts.har',
    har(
      "The S3 post of Omnigage's documented contact import (2020-02-28), as a browser sends it, with the documented answer's headers (request ids, ETag and version made up).",
      [
        entry({
          started: started + 2_000,
          method: 'POST',
          url: bucket,
          headers: [
            ['x-amz-server-side-encryption', 'AES256'],
            ['Content-Type', `multipart/form-data; boundary=${browserBoundary}`],
          ],
          body: { text: browserForm.toString('base64'), encoding: 'base64' },
          status: 204,
          responseHeaders: [
            ['Access-Control-Allow-Origin', '*'],
            ['ETag', '"fbf34faef3f8a54e4"'],
            ['Location', `${bucket}uploads%2F28a1b2c3d4e5f60718293a4b5c6d7e8f%2Fimport-5.xlsx`],
            ['Server', 'AmazonS3'],
            ['x-amz-request-id', '307857C5'],
            ['x-amz-server-side-encryption', 'AES256'],
          ],
        }),
      ],
    ),
  )
}
