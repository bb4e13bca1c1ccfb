import { createSimulatorSet, manualClock, type SimulatorSet } from '@contactkit/mocks'
import { type OmnigageSimulator, omnigageVendor, sandboxTenant } from '@contactkit/mocks/omnigage'
import { s3Vendor } from '@contactkit/mocks/s3'
import { omnigageDocument } from '@contactkit/specs/omnigage'
import fc from 'fast-check'
import { excludeAdmin, jsonErrorProblem, servedSpecRoute } from '../core-routes.js'
import { isObject } from '../flat-schema.js'
import type { FuzzExchange, FuzzProfile, FuzzTarget } from '../fuzz-profile.js'

const basic = `Basic ${btoa(`${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret}`)}`
const header = ['First Name', 'Last Name', 'Company', 'Phone Number', 'Email Address']
// Two contacts and a row that errs, so the import has contacts, results of each kind and an errors file.
const csv = `${header.join(',')}\r\nAda,Quill,Northwind,(415) 555-0100,ada@example.com\r\nBram,Oak,,+12125550101,\r\nCy,,,555-01,cy@\r\n`

/** A target whose reset builds a new set: Omnigage and the S3 simulator its forms point at. */
export interface OmnigageFuzzTarget extends FuzzTarget {
  set: SimulatorSet
  clock: ReturnType<typeof manualClock>
}

function freshSet() {
  const clock = manualClock('2026-03-01T12:00:00Z')
  return { clock, set: createSimulatorSet([omnigageVendor, s3Vendor], { clock }) }
}

function freshTarget(): OmnigageFuzzTarget {
  const target: OmnigageFuzzTarget = {
    ...freshSet(),
    app: { request: (request) => (target.set.get('omnigage') as OmnigageSimulator).app.request(request) },
    reset() {
      Object.assign(target, freshSet())
    },
  }
  return target
}

/** The ids `prepare` makes: the same in every new set, whose ids come from the same seed. */
interface PreparedIds {
  uploadId: string
  importId: string
  contactIds: string[]
  fileIds: string[]
}

/**
 * The state every case starts from: one upload with its file posted to S3, imported and completed
 * (two contacts, one erred row, an errors file). Only the sandbox token is used.
 */
async function prepareState(target: OmnigageFuzzTarget): Promise<PreparedIds> {
  const omnigage = target.set.get('omnigage')
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await omnigage.app.request(path, {
      method,
      headers: { Authorization: basic, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) {
      throw new Error(`The Omnigage fuzz profile could not prepare: ${method} ${path} answered ${response.status}.`)
    }
    // biome-ignore lint/suspicious/noExplicitAny: the documents are read field by field below.
    return (await response.json()) as any
  }
  const size = new TextEncoder().encode(csv).byteLength
  const upload = await call('POST', '/api/v1/uploads', { name: 'people.csv', type: 'text/csv', size })
  const { attributes } = upload.data
  const form = new FormData()
  for (const entry of attributes['request-form-data'] as Record<string, string>[]) {
    for (const [name, value] of Object.entries(entry)) {
      form.append(name, value)
    }
  }
  form.append('Content-Type', 'text/csv')
  form.append('file', new File([csv], 'people.csv', { type: 'text/csv' }))
  const posted = await target.set
    .get('s3')
    .app.request(new URL(attributes['request-url']).pathname, { method: 'POST', body: form })
  if (posted.status !== 204) {
    throw new Error(`The Omnigage fuzz profile could not post its file to S3: ${posted.status}.`)
  }
  const created = await call('POST', '/api/v1/import-contacts', {
    data: { type: 'import-contacts', relationships: { upload: { data: { type: 'uploads', id: upload.data.id } } } },
  })
  target.clock.advance(60_000)
  const done = await call('GET', `/api/v1/import-contacts/${created.data.id}`)
  const contacts = await call('GET', '/api/v1/contacts')
  return {
    uploadId: upload.data.id,
    importId: created.data.id,
    contactIds: contacts.data.map((contact: { id: string }) => contact.id),
    fileIds: [done.data.relationships['errors-file'].data.id, done.data.relationships['original-file'].data.id],
  }
}

const prepared = await prepareState(freshTarget())

/** Mappings that fit the prepared file's five columns: the fuzz varies them only within what is valid. */
const validMappings = [
  ['first-name', 'last-name', 'company', 'phone1-phone-number', 'email1-email-address'],
  [null, null, null, 'phone1-phone-number', null],
  ['last-name', 'first-name', 'title', 'phone2-phone-number', 'email3-email-address'],
  [null, 'first-name', null, null, 'email1-email-address'],
]

/** An import's create body naming the prepared upload (or an unknown one: a declared 404). */
function importBody(uploadId: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.record(
    {
      type: fc.constant('import-contacts'),
      attributes: fc.record(
        {
          status: fc.constant('queued'),
          'unique-primary-phone': fc.boolean(),
          'unique-primary-email': fc.boolean(),
          'update-pruning': fc.boolean(),
          'enable-preflights': fc.boolean(),
          mapping: fc.constantFrom(...validMappings),
        },
        { requiredKeys: [] },
      ),
      relationships: fc.record({
        upload: fc.record({ data: fc.record({ type: fc.constant('uploads'), id: uploadId }) }),
      }),
    },
    { requiredKeys: ['type', 'relationships'] },
  )
}

/** Mostly the prepared ids, sometimes what the schema gives (an id of no resource: a declared 404). */
function preparedOr(ids: string[], schemaValue: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: schemaValue, weight: 1 })
}

const idsByOperation: Record<string, string[]> = {
  getImportContact: [prepared.importId],
  listImportContactResults: [prepared.importId],
  getContact: prepared.contactIds,
  getFile: prepared.fileIds,
  getFileContent: prepared.fileIds,
}

/**
 * Omnigage for the fuzz: a new Omnigage and S3 set for every case holding one completed import
 * (two contacts, an erred row, an errors file), the sandbox token as Basic credentials, and the
 * vendor's error body `{"errors":[{"detail","code"}]}` as `application/json`. `X-Account-Key` is
 * mostly the token's own account and sometimes any string (a declared 403); import bodies name the
 * prepared upload with mappings that fit its file. `/__admin` has its own format and is not fuzzed.
 *
 * @example
 * const arbitraries = fuzzRequests(omnigageFuzzProfile)
 */
export const omnigageFuzzProfile: FuzzProfile<OmnigageFuzzTarget> = {
  vendor: 'omnigage',
  document: omnigageDocument,
  createTarget: freshTarget,
  credentials: { TokenAuth: { username: sandboxTenant.tokenKey, password: sandboxTenant.tokenSecret } },

  async prepare(target) {
    await prepareState(target)
    return {}
  },

  validValues({ operationId, location, name }, schemaValue) {
    if (location === 'path' && name === 'id') {
      const ids = idsByOperation[operationId]
      return ids ? preparedOr(ids, schemaValue) : undefined
    }
    if (location === 'header' && name === 'X-Account-Key') {
      // A header value loses its surrounding spaces on the way; either way it is not the account's.
      return fc.oneof(
        { arbitrary: fc.constant(sandboxTenant.accountKey), weight: 4 },
        { arbitrary: schemaValue, weight: 1 },
      )
    }
    if (location === 'body' && operationId === 'createImportContact' && name === 'data') {
      return importBody(preparedOr([prepared.uploadId], fc.string({ minLength: 1, maxLength: 30 })))
    }
    if (location === 'body' && operationId === 'deleteContacts' && name === 'data') {
      const reference = fc.record({
        type: fc.constant('contacts'),
        id: preparedOr(prepared.contactIds, fc.string({ minLength: 1, maxLength: 30 })),
      })
      return fc.array(reference, { minLength: 1, maxLength: 5 })
    }
    return undefined
  },

  extraRoutes: [servedSpecRoute],

  excludePath: excludeAdmin,

  errorFormatProblem: omnigageErrorProblem,
}

/**
 * Why an answer is not Omnigage's error format, or undefined when it is: `application/json`
 * (UTF-8 if a charset is named) holding `{"errors": [...]}` and nothing else, each entry exactly
 * a non-empty `detail` string and an integer `code`, as the one recorded error has it; a 401
 * carries `WWW-Authenticate`. HEAD answers carry no body, so only their headers are checked.
 *
 * @example
 * omnigageErrorProblem(exchange) // 'errors[0] has no non-empty "detail"'
 */
export function omnigageErrorProblem(exchange: FuzzExchange): string | undefined {
  if (exchange.status === 401 && !exchange.headers.get('www-authenticate')) {
    return 'a 401 without WWW-Authenticate'
  }
  return jsonErrorProblem(exchange, (body) => errorsProblem(exchange.status, body))
}

/** Why a JSON object is not Omnigage's `{"errors": [...]}`, or undefined when it is. */
function errorsProblem(status: number, body: Record<string, unknown>): string | undefined {
  if (!Array.isArray(body.errors)) {
    return 'the body is not an object with an "errors" list'
  }
  const extra = Object.keys(body).filter((key) => key !== 'errors')
  if (extra.length > 0) {
    return `the body has ${extra.join(', ')} beside "errors"`
  }
  if (body.errors.length === 0) {
    return '"errors" is empty'
  }
  for (const [index, entry] of body.errors.entries()) {
    if (!isObject(entry)) {
      return `errors[${index}] is not an object`
    }
    const keys = Object.keys(entry).sort()
    if (keys.join() !== 'code,detail') {
      return `errors[${index}] has ${keys.join(', ')}, not exactly detail and code`
    }
    if (typeof entry.detail !== 'string' || entry.detail.trim() === '') {
      return `errors[${index}] has no non-empty "detail"`
    }
    if (!Number.isInteger(entry.code)) {
      return `errors[${index}].code ${JSON.stringify(entry.code)} is not an integer`
    }
  }
  if (status === 400 && body.errors[0]?.code !== 100) {
    return `a 400 with code ${JSON.stringify(body.errors[0]?.code)}, not 100`
  }
  return undefined
}
