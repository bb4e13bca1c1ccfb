import { omnigageDocument } from '@contactkit/specs/omnigage'
import { manualClock } from '../../core/clock.js'
import { createSimulatorSet } from '../../core/simulator-set.js'
import { specCaller } from '../../core/testing/spec-caller.js'
import { s3Vendor } from '../../s3/index.js'
import { type OmnigageSimulator, type OmnigageSimulatorOptions, omnigageVendor } from '../index.js'
import { sandboxTenant } from '../tenants.js'

export type { Answer, CallOptions } from '../../core/testing/spec-caller.js'

export const sandboxToken = `${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret}`

/**
 * Omnigage and S3 simulators in one set on a manual clock, with helpers: `call` checks every
 * answer against the spec, `upload` runs the upload and the S3 POST as the vendor's clients do,
 * `importFile` adds the import, `finish` moves the clock past it.
 *
 * @example
 * const { call, importFile, finish } = omnigageHarness()
 * const job = await importFile('contacts.csv', 'First Name,Phone\nAnn,+14155550100\n')
 * await finish()
 */
export function omnigageHarness(options: OmnigageSimulatorOptions = {}) {
  const clock = manualClock('2026-03-01T12:00:00Z')
  const set = createSimulatorSet([omnigageVendor, s3Vendor], { clock, vendors: { omnigage: options } })
  const sim = set.get('omnigage') as OmnigageSimulator

  const call = specCaller({
    app: sim.app,
    document: omnigageDocument,
    authorize: (token) => `Basic ${btoa(token)}`,
    token: sandboxToken,
  })

  /** Creates an upload (the form) without posting a file. */
  async function createUpload(name: string, size: number, token?: string | null) {
    const type = mediaTypeOf(name)
    const created = await call('POST', '/api/v1/uploads', { body: { name, type, size }, token })
    if (created.status !== 201) {
      throw new Error(`uploads answered ${created.status}: ${created.text}`)
    }
    return { id: created.body.data.id as string, attributes: created.body.data.attributes }
  }

  /** Posts a file with an upload's form as the official clients do: the fields in order, Content-Type, the file last. */
  function postToS3(
    attributes: { 'request-url': string; 'request-form-data': Record<string, string>[] },
    name: string,
    content: string | Uint8Array,
  ) {
    const type = mediaTypeOf(name)
    const form = new FormData()
    for (const entry of attributes['request-form-data']) {
      const [[field, value]] = Object.entries(entry) as [[string, string]]
      form.append(field, value)
    }
    form.append('Content-Type', type)
    form.append('file', new File([content as BlobPart], name, { type }))
    return set.get('s3').app.request(new URL(attributes['request-url']).pathname, {
      method: 'POST',
      body: form,
      headers: { 'x-amz-server-side-encryption': 'AES256' },
    })
  }

  /** Creates an upload and posts the file to S3. */
  async function upload(name: string, content: string | Uint8Array, token?: string | null) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
    const created = await createUpload(name, bytes.byteLength, token)
    return { ...created, s3: await postToS3(created.attributes, name, bytes) }
  }

  /** Uploads a file and creates its import; answers the create's answer. */
  async function importFile(
    name: string,
    content: string | Uint8Array,
    attributes: Record<string, unknown> = {},
    token?: string | null,
  ) {
    const uploaded = await upload(name, content, token)
    if (uploaded.s3.status !== 204) {
      throw new Error(`S3 answered ${uploaded.s3.status}: ${await uploaded.s3.text()}`)
    }
    return createImport(uploaded.id, attributes, token)
  }

  /** Creates a queued import of an upload already made; answers the create's answer. */
  function createImport(uploadId: string, attributes: Record<string, unknown> = {}, token?: string | null) {
    return call('POST', '/api/v1/import-contacts', {
      token,
      body: {
        data: {
          type: 'import-contacts',
          attributes: { status: 'queued', ...attributes },
          relationships: { upload: { data: { type: 'uploads', id: uploadId } } },
        },
      },
    })
  }

  /** Moves the clock past every import's end (an hour). */
  function finish() {
    clock.advance(60 * 60 * 1000)
  }

  return { sim, set, clock, call, createUpload, postToS3, upload, createImport, importFile, finish }
}

function mediaTypeOf(name: string): string {
  return name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'
}
