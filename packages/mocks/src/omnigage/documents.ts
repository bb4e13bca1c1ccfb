import type { StoredContact } from './contacts.js'
import type { StoredFile } from './files.js'
import { type ImportJob, type ImportResult, statusAt } from './imports.js'
import { isoMicros } from './iso-micros.js'

/**
 * JSON:API documents as the vendor writes them: dasherized attributes, `created-by`/`updated-by`
 * memberships, links to related lists on the API's own origin.
 */

const membership = (id: string) => ({ data: { type: 'memberships', id } })

/**
 * An import at a clock time. Counts are zero until it has completed (or failed); the documented
 * create answer has every count at zero.
 *
 * @example
 * importResource(job, clock.now(), 'https://api.omnigage.io', account.membershipId)
 */
export function importResource(job: ImportJob, now: number, origin: string, membershipId: string) {
  const status = statusAt(job, now)
  const result = status === 'completed' || status === 'failed' ? job.result : undefined
  const counts = result?.counts
  // When its current step began: its creation while queued, the start of processing, then its end,
  // which is when its result is dated.
  const updatedAt = job.timeline.at(now).stepStartedAt
  return {
    type: 'import-contacts',
    id: job.id,
    attributes: {
      status,
      'unique-primary-email': job.settings.uniquePrimaryEmail,
      'unique-primary-phone': job.settings.uniquePrimaryPhone,
      'update-pruning': job.settings.updatePruning,
      'enable-preflights': job.settings.enablePreflights,
      header: job.header,
      mapping: job.mapping,
      sample: job.sample,
      'count-created': counts?.created ?? 0,
      'count-updated': counts?.updated ?? 0,
      'count-erred': counts?.erred ?? 0,
      'count-total': counts?.total ?? 0,
      'count-resolved': counts?.resolved ?? 0,
      'count-skipped': counts?.skipped ?? 0,
      ...(result?.failureReason === undefined ? {} : { 'failure-reason': result.failureReason }),
      'created-at': isoMicros(job.createdAt),
      'updated-at': isoMicros(updatedAt),
    },
    relationships: {
      'created-by': membership(membershipId),
      'updated-by': membership(membershipId),
      list: { data: null },
      results: { links: { related: `${origin}/api/v1/import-contacts/${job.id}/results` } },
      'original-file': { data: { type: 'files', id: job.originalFileId } },
      'errors-file': { data: result?.errorsFileId ? { type: 'files', id: result.errorsFileId } : null },
    },
  }
}

/** A contact resource. */
export function contactResource(contact: StoredContact) {
  return {
    type: 'contacts',
    id: contact.id,
    attributes: {
      'first-name': contact.firstName,
      'last-name': contact.lastName,
      company: contact.company,
      title: contact.title,
      'phone-number': contact.phoneNumbers[0] ?? null,
      'email-address': contact.emailAddresses[0] ?? null,
      'phone-numbers': contact.phoneNumbers,
      'email-addresses': contact.emailAddresses,
      'created-at': isoMicros(contact.createdAt),
      'updated-at': isoMicros(contact.updatedAt),
    },
    relationships: {
      'created-by': membership(contact.createdBy),
      'updated-by': membership(contact.updatedBy),
    },
  }
}

/** A file resource; `url` is where the simulator serves its bytes. */
export function fileResource(file: StoredFile, origin: string) {
  return {
    type: 'files',
    id: file.id,
    attributes: {
      name: file.name,
      type: file.type,
      size: file.bytes.byteLength,
      url: `${origin}/api/v1/files/${file.id}/content`,
      'created-at': isoMicros(file.createdAt),
      'updated-at': isoMicros(file.createdAt),
    },
  }
}

/** The result of one data row (index 0 is row 1). Only erred rows carry their cells: the others' values are in the contact. */
export function rowResource(job: ImportJob, result: ImportResult, index: number) {
  const row = index + 1
  const status = result.rows.statusAt(index)
  const erred = result.erred.get(row)
  const contactId = result.rows.contactIdAt(index)
  return {
    type: 'import-contact-results',
    id: `${job.id}-${row}`,
    attributes: {
      row,
      status,
      ...(erred ? { values: erred.values } : {}),
      error: erred?.reason ?? null,
    },
    relationships: {
      contact: { data: contactId === undefined ? null : { type: 'contacts', id: contactId } },
    },
  }
}

/**
 * A list document: the page, how many there are in all, and links to the neighbouring pages that
 * keep the request's other parameters.
 *
 * @example
 * listDocument(items, total, { offset: 0, limit: 25 }, new URL(c.req.url), origin)
 */
export function listDocument<T>(
  data: T[],
  count: number,
  page: { offset: number; limit: number },
  requestUrl: URL,
  origin: string,
) {
  const link = (offset: number) => {
    const url = new URL(`${origin}${requestUrl.pathname}${requestUrl.search}`)
    url.searchParams.set('page[offset]', String(offset))
    url.searchParams.set('page[limit]', String(page.limit))
    return url.href
  }
  const links: { next?: string; prev?: string } = {}
  if (page.offset + data.length < count) {
    links.next = link(page.offset + page.limit)
  }
  if (page.offset > 0) {
    links.prev = link(Math.max(0, page.offset - page.limit))
  }
  return { data, meta: { count }, links }
}

/** Defaults of the spec's page parameters: the validator coerces them but fills nothing in. */
const defaultPageLimit = 25

/**
 * The page a list request asks for, with the spec's defaults.
 *
 * @example
 * pageOf({ 'page[limit]': 10 }) // { offset: 0, limit: 10 }
 */
export function pageOf(query: { 'page[offset]'?: number; 'page[limit]'?: number }): { offset: number; limit: number } {
  return { offset: query['page[offset]'] ?? 0, limit: query['page[limit]'] ?? defaultPageLimit }
}
