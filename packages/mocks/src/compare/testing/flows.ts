import type { Har } from 'har-format'
import { documentedTenant } from '../../cloudsponge/index.js'
import { manualClock } from '../../core/clock.js'
import { createSimulatorSet, type SimulatorSetOptions } from '../../core/simulator-set.js'
import { sandboxTenant } from '../../omnigage/tenants.js'
import { presignedForm } from '../../recording/testing/omnigage-upload.js'
import { vendors } from '../../vendors.js'
import { inProcessRecorder, type Upstream } from './in-process-recorder.js'

/** Changes an upstream's answer before it is recorded: `(answer, path) => answer`, to inject drift. */
export type Alter = (response: Response, path: string) => Response | Promise<Response>

const keep: Alter = (response) => response
const start = '2026-03-02T10:00:00Z'
const formType = { 'content-type': 'application/x-www-form-urlencoded' }
const jsonType = { 'content-type': 'application/json' }

function upstreamSet(only: string[], options: SimulatorSetOptions = {}) {
  const set = createSimulatorSet(vendors, { clock: manualClock(start), only, ...options })
  const upstream =
    (name: string, alter: Alter): Upstream =>
    async (request) =>
      alter(await set.get(name).app.fetch(request), new URL(request.url).pathname)
  return { set, upstream }
}

export const cloudspongeAuth = `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`

/**
 * A CloudSponge import recorded against a simulator: begin (with echo and user_id), events while
 * it runs and once done, contacts in JSON and XML, and a request with a wrong domain password.
 *
 * @example
 * const har = await cloudspongeFlow()
 */
export async function cloudspongeFlow(alter: Alter = keep): Promise<Har> {
  const { set, upstream } = upstreamSet(['cloudsponge'])
  const send = upstream('cloudsponge', alter)
  const recorder = inProcessRecorder(set.clock, [cloudspongeAuth.slice(6), 'bar', 'wrong-secret'])
  const base = 'https://api.cloudsponge.com'
  const auth = { authorization: cloudspongeAuth }
  const begin = await recorder.send(send, `${base}/begin_import/import.json`, {
    method: 'POST',
    headers: { ...auth, ...formType },
    body: 'service=icloud&username=foo&password=bar&echo=from-the-test&user_id=user-7',
  })
  const { import_id: importId } = (await begin.clone().json()) as { import_id: number }
  set.clock.advance(1_500)
  await recorder.send(send, `${base}/events/${importId}.json`, { headers: auth })
  set.clock.advance(5_000)
  await recorder.send(send, `${base}/events/${importId}.json`, { headers: auth })
  await recorder.send(send, `${base}/contacts/${importId}.json?echo=again`, { headers: auth })
  await recorder.send(send, `${base}/contacts/${importId}.xml`, { headers: auth })
  await recorder.send(send, `${base}/events/${importId}.json`, {
    headers: { authorization: `Basic ${btoa(`${documentedTenant.domainKey}:wrong-secret`)}` },
  })
  return recorder.har()
}

/**
 * An Aurinko session recorded against a simulator: a page of contacts, a contact created, read,
 * updated with its etag and again with the stale one, a sync with its first delta, the contact
 * deleted and gone, and an unknown token.
 *
 * @example
 * const har = await aurinkoFlow()
 */
export async function aurinkoFlow(alter: Alter = keep, options: SimulatorSetOptions = {}): Promise<Har> {
  const { set, upstream } = upstreamSet(['aurinko'], options)
  const send = upstream('aurinko', alter)
  const token = 'aurinko-sandbox-token'
  const recorder = inProcessRecorder(set.clock, [token, 'not-a-token'])
  const base = 'https://api.aurinko.io'
  const auth = { authorization: `Bearer ${token}` }
  await recorder.send(send, `${base}/v1/contacts?limit=3`, { headers: auth })
  const created = await recorder.send(send, `${base}/v1/contacts`, {
    method: 'POST',
    headers: { ...auth, ...jsonType },
    body: JSON.stringify({
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emailAddresses: [{ address: 'ada@example.com', type: 'work' }],
    }),
  })
  const { id, etag } = (await created.clone().json()) as { id: string; etag: string }
  set.clock.advance(60_000)
  await recorder.send(send, `${base}/v1/contacts/${id}`, { headers: auth })
  const patch = (ifMatch: string) =>
    recorder.send(send, `${base}/v1/contacts/${id}`, {
      method: 'PATCH',
      headers: { ...auth, ...jsonType, 'if-match': ifMatch },
      body: JSON.stringify({ company: { name: 'Analytical Engines', jobTitle: 'Programmer' } }),
    })
  await patch(etag)
  await patch(etag)
  const sync = await recorder.send(send, `${base}/v1/contacts/sync?awaitReady=true`, { method: 'POST', headers: auth })
  const { syncUpdatedToken } = (await sync.clone().json()) as { syncUpdatedToken: string }
  await recorder.send(send, `${base}/v1/contacts/sync/updated?deltaToken=${encodeURIComponent(syncUpdatedToken)}`, {
    headers: auth,
  })
  await recorder.send(send, `${base}/v1/contacts/${id}`, { method: 'DELETE', headers: auth })
  await recorder.send(send, `${base}/v1/contacts/${id}`, { headers: auth })
  await recorder.send(send, `${base}/v1/contacts?limit=1`, { headers: { authorization: 'Bearer not-a-token' } })
  return recorder.har()
}

/**
 * An Omnigage import recorded against simulators: an upload created, the file posted to the S3 form
 * it hands out (recorded in a second HAR, as a second recording proxy would), the import created,
 * read while queued and once completed, its results and the contacts it made.
 *
 * @example
 * const [omnigage, s3] = await omnigageFlow()
 */
export async function omnigageFlow(alter: Alter = keep): Promise<[Har, Har]> {
  const { set, upstream } = upstreamSet(['omnigage', 's3'])
  const send = upstream('omnigage', alter)
  const credentials = btoa(`${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret}`)
  const recorder = inProcessRecorder(set.clock, [credentials])
  const s3Recorder = inProcessRecorder(set.clock)
  const base = 'https://api.omnigage.io/api/v1'
  const auth = { authorization: `Basic ${credentials}`, 'x-account-key': sandboxTenant.accountKey }
  const file = 'First Name,Last Name,Phone Number\nAnn,Archer,+14155550100\nBea,Baker,+14155550101\n'
  const upload = await recorder.send(send, `${base}/uploads`, {
    method: 'POST',
    headers: { ...auth, ...jsonType },
    body: JSON.stringify({ name: 'contacts.csv', type: 'text/csv', size: file.length }),
  })
  const { data } = (await upload.clone().json()) as {
    data: { id: string; attributes: { 'request-url': string; 'request-form-data': Record<string, string>[] } }
  }
  const form = presignedForm(data.attributes['request-form-data'], file)
  set.clock.advance(1_000)
  await s3Recorder.send(upstream('s3', keep), data.attributes['request-url'], {
    method: 'POST',
    body: form,
    headers: { 'x-amz-server-side-encryption': 'AES256' },
  })
  set.clock.advance(1_000)
  const created = await recorder.send(send, `${base}/import-contacts`, {
    method: 'POST',
    headers: { ...auth, ...jsonType },
    body: JSON.stringify({
      data: {
        type: 'import-contacts',
        attributes: { status: 'queued', 'unique-primary-phone': true },
        relationships: { upload: { data: { type: 'uploads', id: data.id } } },
      },
    }),
  })
  const importId = ((await created.clone().json()) as { data: { id: string } }).data.id
  await recorder.send(send, `${base}/import-contacts/${importId}`, { headers: auth })
  set.clock.advance(60_000)
  await recorder.send(send, `${base}/import-contacts/${importId}`, { headers: auth })
  await recorder.send(send, `${base}/import-contacts/${importId}/results`, { headers: auth })
  await recorder.send(send, `${base}/contacts?page[size]=10`, { headers: auth })
  return [recorder.har(), s3Recorder.har()]
}
