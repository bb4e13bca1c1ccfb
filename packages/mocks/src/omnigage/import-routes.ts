import { Hono } from 'hono'
import { json, jsonText } from '../core/kit/json.js'
import type { Account } from './accounts.js'
import { importResource, listDocument, pageOf, rowResource } from './documents.js'
import { omnigageError } from './errors.js'
import { xlsxType } from './files.js'
import type { ContactField } from './import/index.js'
import { importAnswer } from './import-answer.js'
import { importEngine } from './import-engine.js'
import { type ImportJob, importTimeline, type RowStatus, settleImport, statusAt } from './imports.js'
import { type Env, type Guard, originOf, type RoutesOptions } from './route-env.js'
import { uploadedObject } from './uploads.js'

interface CreateImportBody {
  data: {
    attributes?: {
      'unique-primary-phone'?: boolean
      'unique-primary-email'?: boolean
      'update-pruning'?: boolean
      'enable-preflights'?: boolean
      mapping?: (ContactField | null)[]
    }
    relationships: { upload: { data: { id: string } } }
  }
}

/**
 * `import-contacts`: create one from an upload whose file has been posted, list them, get one,
 * list its row results. An import past its timeline is settled (its file read and applied) by the
 * first request that sees it.
 *
 * @example
 * routes.route('/', importRoutes(options, guard))
 */
export function importRoutes(options: RoutesOptions, guard: Guard): Hono<Env> {
  const routes = new Hono<Env>()
  const { clock, ids } = options

  routes.post('/api/v1/import-contacts', guard(), async (c) => {
    const account = c.get('account')
    const body = (c.get('request').body as CreateImportBody).data
    const uploadId = body.relationships.upload.data.id
    const upload = account.uploads.get(uploadId)
    if (!upload) {
      return omnigageError(
        c,
        404,
        `There is no upload "${uploadId}" in this account; create one with POST /api/v1/uploads.`,
      )
    }
    const object = uploadedObject(upload, options.s3())
    if (!object) {
      return omnigageError(
        c,
        400,
        `Upload "${uploadId}" has no file yet; POST the file to its request-url with its request-form-data first.`,
      )
    }
    const { checkMapping, previewFile, UnreadableFileError } = await importEngine()
    const name = object.key.slice(object.key.lastIndexOf('/') + 1) || upload.name
    const file = { bytes: object.bytes, name, contentType: object.contentType }
    let preview: { header: string[]; mapping: (ContactField | null)[]; sample: string[] } = {
      header: [],
      mapping: [],
      sample: [],
    }
    let previewFailure: string | undefined
    try {
      preview = await previewFile(file)
    } catch (error) {
      // A file that cannot be read fails its import with the reason; so does anything else that goes
      // wrong reading it, never a 500.
      previewFailure =
        error instanceof UnreadableFileError
          ? error.message
          : `The simulator could not read "${name}" (${error instanceof Error ? error.message : String(error)}).`
    }
    const attributes = body.attributes ?? {}
    if (attributes.mapping !== undefined && previewFailure === undefined) {
      const checked = checkMapping(attributes.mapping, preview.header)
      if (!checked.ok) {
        return omnigageError(c, 400, checked.reason)
      }
      preview = { ...preview, mapping: checked.mapping }
    } else if (previewFailure === undefined && !checkMapping(preview.mapping, preview.header).ok) {
      // The automatic mapping found no phone or email column: nothing sent was wrong, the file
      // cannot be imported as it is, so the import fails like an unreadable file.
      previewFailure = noReachableColumn(name, preview.header)
    }
    const now = clock.now()
    const originalFileId = ids.next()
    account.files.set(originalFileId, {
      id: originalFileId,
      name,
      type: name.toLowerCase().endsWith('.xlsx') ? xlsxType : object.contentType,
      bytes: object.bytes,
      createdAt: now,
    })
    const job: ImportJob = {
      id: ids.next(),
      uploadId,
      createdAt: now,
      settings: {
        uniquePrimaryPhone: attributes['unique-primary-phone'] ?? false,
        uniquePrimaryEmail: attributes['unique-primary-email'] ?? false,
        updatePruning: attributes['update-pruning'] ?? false,
        enablePreflights: attributes['enable-preflights'] ?? false,
      },
      ...preview,
      file,
      originalFileId,
      // Undefined when the file could be read: the import reads it then.
      previewFailure,
      timeline: importTimeline(now, object.bytes.byteLength, options.timing),
    }
    account.imports.set(job.id, job)
    return json(c, { data: importResource(job, now, originOf(c, options), account.membershipId) }, 201)
  })

  routes.get('/api/v1/import-contacts', guard(), async (c) => {
    const account = c.get('account')
    const query = c.get('request').query as { 'page[offset]': number; 'page[limit]': number; 'filter[status]'?: string }
    const now = clock.now()
    const wanted = query['filter[status]']
    const jobs = [...account.imports.values()]
      .reverse()
      .filter((job) => wanted === undefined || statusAt(job, now) === wanted)
    const page = pageOf(query)
    const origin = originOf(c, options)
    const data = jobs
      .slice(page.offset, page.offset + page.limit)
      .map((job) => importResource(job, now, origin, account.membershipId))
    return json(c, listDocument(data, jobs.length, page, new URL(c.req.url), origin))
  })

  routes.get('/api/v1/import-contacts/:id', guard(), async (c) => {
    const job = c.get('account').imports.get(c.req.param('id'))
    if (!job) {
      return omnigageError(c, 404, `There is no import "${c.req.param('id')}" in this account.`)
    }
    return jsonText(c, importAnswer(job, clock.now(), originOf(c, options), c.get('account').membershipId))
  })

  routes.get('/api/v1/import-contacts/:id/results', guard(), async (c) => {
    const job = c.get('account').imports.get(c.req.param('id'))
    if (!job) {
      return omnigageError(c, 404, `There is no import "${c.req.param('id')}" in this account.`)
    }
    const query = c.get('request').query as {
      'page[offset]': number
      'page[limit]': number
      'filter[status]'?: RowStatus
    }
    const page = pageOf(query)
    const result = job.result
    const origin = originOf(c, options)
    if (!result) {
      return json(c, listDocument([], 0, page, new URL(c.req.url), origin))
    }
    const wanted = query['filter[status]']
    // Row indexes of the wanted status; every row when unfiltered, without building a list of them.
    const rows =
      wanted === undefined
        ? undefined
        : indexesWith(result.rows.length, (index) => result.rows.statusAt(index) === wanted)
    const total = rows?.length ?? result.rows.length
    const data: ReturnType<typeof rowResource>[] = []
    for (let position = page.offset; position < Math.min(total, page.offset + page.limit); position++) {
      data.push(rowResource(job, result, rows ? (rows[position] as number) : position))
    }
    return json(c, listDocument(data, total, page, new URL(c.req.url), origin))
  })

  return routes
}

/**
 * Settles every import of the account whose timeline has ended, in the order they ended: contacts
 * appear once the clock passes an import's end, whether or not anyone asked about the import, and
 * a later import matches the contacts an earlier one made. Every account request runs it first.
 *
 * @example
 * await settleDue(account, options)
 */
export async function settleDue(account: Account, options: RoutesOptions): Promise<void> {
  const now = options.clock.now()
  const due = [...account.imports.values()].filter((job) => !job.result && job.timeline.endsAt <= now)
  due.sort((a, b) => a.timeline.endsAt - b.timeline.endsAt)
  for (const job of due) {
    await settleImport(job, account, options.ids)
  }
}

// A sentence names this many columns at most, each cut to 40 characters: a file may have thousands.
const maxColumnsNamed = 10

/** Why a file whose automatic mapping has no phone or email column cannot be imported, and what to do. */
function noReachableColumn(name: string, header: readonly string[]): string {
  const shown = header.slice(0, maxColumnsNamed).map((column) => JSON.stringify(column.slice(0, 40)))
  const more = header.length - shown.length
  const columns = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
  return (
    `No column of "${name}" (${columns}) is recognised as a phone or an email, so no row could be imported: ` +
    'name one "Phone" or "Email", or send a mapping that maps a column to a phoneN-phone-number or ' +
    'emailN-email-address field.'
  )
}

function indexesWith(length: number, wanted: (index: number) => boolean): number[] {
  const indexes: number[] = []
  for (let index = 0; index < length; index++) {
    if (wanted(index)) {
      indexes.push(index)
    }
  }
  return indexes
}
