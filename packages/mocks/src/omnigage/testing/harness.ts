import { omnigageDocument } from '@contactkit/specs/omnigage'
import { createValidator } from '@contactkit/specs/validator'
import { manualClock } from '../../core/clock.js'
import { createSimulatorSet } from '../../core/simulator-set.js'
import { s3Vendor } from '../../s3/index.js'
import { type OmnigageSimulator, type OmnigageSimulatorOptions, omnigageVendor } from '../index.js'
import { sandboxTenant } from '../tenants.js'

/** An answer, its body parsed, and what the spec says is wrong with it (nothing, normally). */
export interface Answer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever fields the answer has.
  body: any
  text: string
  headers: Headers
  /** Problems with the answer against the spec: each test expects none. */
  conformance: string[]
}

export interface CallOptions {
  /** `key:secret`; `null` for no Authorization. Default: the sandbox token. */
  token?: string | null
  /** JSON-encoded unless it is a string. */
  body?: unknown
  headers?: Record<string, string>
}

const validator = createValidator(omnigageDocument)
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

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const token = options.token === undefined ? sandboxToken : options.token
    const headers: Record<string, string> = token === null ? {} : { Authorization: `Basic ${btoa(token)}` }
    if (options.body !== undefined && typeof options.body !== 'string') {
      headers['Content-Type'] = 'application/json'
    }
    Object.assign(headers, options.headers)
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body)
    const response = await sim.app.request(path, { method, headers, body })
    const text = await response.text()
    const mediaType = response.headers.get('content-type')?.split(';')[0] ?? ''
    const parsed = mediaType === 'application/json' && text ? JSON.parse(text) : undefined
    const match = validator.matchOperation(method, new URL(path, 'http://x').pathname)
    const conformance = match
      ? validator
          .validateResponse(match.operationId, response.status, text ? mediaType : '', parsed ?? text)
          .map((problem) => `${problem.location}: ${problem.message}`)
      : []
    return { status: response.status, body: parsed, text, headers: response.headers, conformance }
  }

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
    return call('POST', '/api/v1/import-contacts', {
      token,
      body: {
        data: {
          type: 'import-contacts',
          attributes: { status: 'queued', ...attributes },
          relationships: { upload: { data: { type: 'uploads', id: uploaded.id } } },
        },
      },
    })
  }

  /** Moves the clock past every import's end (an hour). */
  function finish() {
    clock.advance(60 * 60 * 1000)
  }

  return { sim, set, clock, call, createUpload, postToS3, upload, importFile, finish }
}

function mediaTypeOf(name: string): string {
  return name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'
}
