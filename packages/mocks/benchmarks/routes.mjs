// The small-answer and write routes `pnpm bench` measures, one entry each: which simulator answers,
// how its state is prepared (in the server process, over HTTP, as a client would), the requests
// autocannon sends, and the aim against raw node:http serving the same bytes in the same run.
// A request's path may hold `{id}`: the `id` of the JSON answer to the route's first request.

import { aurinkoVendor, contactGenerator, sandboxAccount } from '../dist/aurinko/index.js'
import { cloudspongeVendor, documentedTenant } from '../dist/cloudsponge/index.js'
import { omnigageVendor } from '../dist/omnigage/index.js'
import { s3Vendor } from '../dist/s3/index.js'

const bearer = { Authorization: `Bearer ${sandboxAccount.accessToken}` }
const cloudspongeAuth = {
  Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`,
}
const omnigageAuth = { Authorization: `Basic ${btoa('omnigage-sandbox-key:omnigage-sandbox-secret')}` }
const jsonType = { 'Content-Type': 'application/json' }
const formType = { 'Content-Type': 'application/x-www-form-urlencoded' }
const beginImportForm = 'service=icloud&username=contacts-10&password=x'

async function call(url, init = {}) {
  const response = await fetch(url, init)
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 300)}`)
  }
  return text ? JSON.parse(text) : undefined
}

/** An Omnigage upload and the S3 form for it, as a browser would post it: fields, then a file of `fileBytes`. */
async function uploadForm(urls, fileBytes) {
  const upload = await call(`${urls.omnigage}/api/v1/uploads`, {
    method: 'POST',
    headers: { ...omnigageAuth, ...jsonType },
    body: JSON.stringify({ name: 'people.csv', type: 'text/csv', size: fileBytes }),
  })
  const attributes = upload.data.attributes
  const boundary = '----contactkitbench7MA4YWxkTrZu0gW'
  const lines = []
  const fields = [
    ...attributes['request-form-data'].flatMap((entry) => Object.entries(entry)),
    ['Content-Type', 'text/csv'],
  ]
  for (const [name, value] of fields) {
    lines.push(`--${boundary}`, `Content-Disposition: form-data; name="${name}"`, '', value)
  }
  const header = 'First Name,Phone Number\n'
  const row = 'Ann,+14155550100\n'
  const csv = `${(header + row.repeat(Math.ceil(fileBytes / row.length))).slice(0, fileBytes - 1)}\n`
  lines.push(
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="people.csv"',
    'Content-Type: text/csv',
    '',
    csv,
    `--${boundary}--`,
    '',
  )
  return {
    upload,
    url: new URL(attributes['request-url']),
    body: lines.join('\r\n'),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/** The routes, by name. `vendors` are the simulators the server runs; `target` is the one loaded. */
export const routes = {
  'aurinko-get': {
    title: 'Aurinko GET a contact',
    vendors: [aurinkoVendor],
    target: 'aurinko',
    aim: 0.6,
    async prepare({ urls }) {
      const list = await call(`${urls.aurinko}/v1/contacts?limit=1`, { headers: bearer })
      return [{ method: 'GET', path: `/v1/contacts/${list.records[0].id}`, headers: bearer }]
    },
  },
  'aurinko-cycle': {
    title: 'Aurinko create, get, patch, delete',
    vendors: [aurinkoVendor],
    target: 'aurinko',
    aim: 0.35,
    prepare: () => [
      {
        method: 'POST',
        path: '/v1/contacts',
        headers: { ...bearer, ...jsonType },
        body: '{"name":{"givenName":"Bench","familyName":"Mark"}}',
      },
      { method: 'GET', path: '/v1/contacts/{id}', headers: bearer },
      { method: 'PATCH', path: '/v1/contacts/{id}', headers: { ...bearer, ...jsonType }, body: '{"notes":"updated"}' },
      { method: 'DELETE', path: '/v1/contacts/{id}', headers: bearer },
    ],
  },
  'aurinko-list': {
    title: 'Aurinko list a page of 100 contacts',
    vendors: [aurinkoVendor],
    target: 'aurinko',
    aim: 0.6,
    prepare({ set }) {
      const generate = contactGenerator(100)
      set.get('aurinko').providerEdit({
        accountId: sandboxAccount.accountId,
        create: Array.from({ length: 100 }, (_, index) => generate(index)),
      })
      return [{ method: 'GET', path: '/v1/contacts?limit=100', headers: bearer }]
    },
  },
  'cloudsponge-begin': {
    title: 'CloudSponge begin_import (form POST)',
    vendors: [cloudspongeVendor],
    target: 'cloudsponge',
    aim: 0.35,
    prepare: () => [
      {
        method: 'POST',
        path: '/begin_import/import',
        headers: { ...cloudspongeAuth, ...formType },
        body: beginImportForm,
      },
    ],
  },
  'cloudsponge-events': {
    title: 'CloudSponge events GET',
    vendors: [cloudspongeVendor],
    target: 'cloudsponge',
    aim: 0.6,
    async prepare({ urls, set }) {
      const begun = await call(`${urls.cloudsponge}/begin_import/import`, {
        method: 'POST',
        headers: { ...cloudspongeAuth, ...formType },
        body: beginImportForm,
      })
      set.clock.advance(60_000)
      return [{ method: 'GET', path: `/events/${begun.import_id}`, headers: cloudspongeAuth }]
    },
  },
  'omnigage-upload': {
    title: 'Omnigage create upload (JSON POST)',
    vendors: [omnigageVendor, s3Vendor],
    target: 'omnigage',
    aim: 0.35,
    prepare: () => [
      {
        method: 'POST',
        path: '/api/v1/uploads',
        headers: { ...omnigageAuth, ...jsonType },
        body: '{"name":"people.csv","type":"text/csv","size":4096}',
      },
    ],
  },
  'omnigage-import': {
    title: 'Omnigage GET an import',
    vendors: [omnigageVendor, s3Vendor],
    target: 'omnigage',
    aim: 0.6,
    async prepare({ urls, set }) {
      const form = await uploadForm(urls, 4096)
      const posted = await fetch(form.url, {
        method: 'POST',
        headers: { 'Content-Type': form.contentType },
        body: form.body,
      })
      if (posted.status !== 204) {
        throw new Error(`S3 answered ${posted.status}: ${await posted.text()}`)
      }
      const created = await call(`${urls.omnigage}/api/v1/import-contacts`, {
        method: 'POST',
        headers: { ...omnigageAuth, ...jsonType },
        body: JSON.stringify({
          data: {
            type: 'import-contacts',
            attributes: { 'unique-primary-phone': true },
            relationships: { upload: { data: { type: 'uploads', id: form.upload.data.id } } },
          },
        }),
      })
      set.clock.advance(24 * 60 * 60 * 1000)
      const path = `/api/v1/import-contacts/${created.data.id}`
      const done = await call(`${urls.omnigage}${path}`, { headers: omnigageAuth })
      if (done.data.attributes.status !== 'completed') {
        throw new Error(`The import ended ${done.data.attributes.status}.`)
      }
      return [{ method: 'GET', path, headers: omnigageAuth }]
    },
  },
  's3-form': {
    title: 'S3 presigned form POST, 4 KB file',
    vendors: [omnigageVendor, s3Vendor],
    target: 's3',
    aim: 0.35,
    async prepare({ urls }) {
      const form = await uploadForm(urls, 4096)
      return [
        {
          method: 'POST',
          path: form.url.pathname,
          headers: { 'Content-Type': form.contentType },
          body: form.body,
        },
      ]
    },
  },
}

/** The route each vendor is loaded with for the sustained-load rows: a small GET, or S3's one write (it has no GET). */
export const sustainedRoutes = ['cloudsponge-events', 'aurinko-get', 'omnigage-import', 's3-form']
