import type { paths } from '@contactkit/specs/aurinko'
import type { Client } from 'openapi-fetch'
import type { ApiClient } from '../core/api-client.js'
import { ApiError } from '../core/errors.js'
import { paginate } from '../core/paginate.js'
import { type CallOptions, callInit } from '../core/request-policy.js'
import type { Contact, ContactInput, ContactOrId, ContactsPage } from './client.js'
import { EtagMismatchError } from './errors.js'

export interface GetContactOptions extends CallOptions {
  /** Format of `notes`: `text` (the vendor's default) or `html`. */
  bodyType?: 'html' | 'text'
  /** Provider properties to return in `nativeProperties`, by name. */
  nativeProperties?: string[]
  /** Include `photo` with its content. */
  withPhoto?: boolean
  includeUpdateToken?: boolean
}

export interface UpdateContactOptions extends CallOptions {
  /**
   * The `etag` the contact had when it was read, sent as `If-Match`: a contact changed since
   * answers 412, thrown as EtagMismatchError. Pass `undefined` on purpose to update without a
   * precondition (last write wins; what the server does then is not documented).
   */
  etag: string | undefined
}

export interface ListContactsOptions extends CallOptions {
  /** Contacts per page (1 to 1,000); the server's default when left out. */
  limit?: number
}

export interface ContactsPageOptions extends ListContactsOptions {
  /** The previous page's `nextPageToken`; none for the first page. */
  pageToken?: string
}

/**
 * Contact CRUD over the typed client. Create and update are sent once (never retried unless the
 * call passes `idempotent: true`); get, list and delete are retried on 408, 429, 5xx and network
 * errors.
 *
 * @example
 * const contacts = createContactsApi(raw, unwrap)
 * const { id, etag } = await contacts.create({ name: { givenName: 'Sam', familyName: 'Black' } })
 * await contacts.update(id, { nickName: 'Sammy' }, { etag })
 */
export function createContactsApi(raw: Client<paths>, unwrap: ApiClient<paths>['unwrap']) {
  const contacts = {
    /** `POST /v1/contacts` (201): the new contact's id, etag and record. Not retried: a repeat would create a second contact. */
    create(contact: ContactInput, request: CallOptions = {}): Promise<ContactOrId> {
      return unwrap(raw.POST('/v1/contacts', { body: contact, ...callInit(request) }))
    },

    /** `GET /v1/contacts/{contId}`. Throws NotFoundError for an id this account does not have. */
    get(id: string, request: GetContactOptions = {}): Promise<Contact> {
      const query = {
        bodyType: request.bodyType,
        nativeProperties: request.nativeProperties,
        withPhoto: request.withPhoto,
        includeUpdateToken: request.includeUpdateToken,
      }
      return unwrap(raw.GET('/v1/contacts/{contId}', { params: { path: { contId: id }, query }, ...callInit(request) }))
    },

    /**
     * `PATCH /v1/contacts/{contId}` with `If-Match: <etag>`: only the top-level fields given are
     * replaced. Answers the new etag. A stale etag throws EtagMismatchError (412). Not retried.
     *
     * @example
     * const contact = await aurinko.contacts.get(id)
     * await aurinko.contacts.update(id, { company: { name: 'Aurinko, Inc' } }, { etag: contact.etag })
     */
    async update(id: string, patch: ContactInput, request: UpdateContactOptions): Promise<ContactOrId> {
      const { etag } = request
      try {
        return await unwrap(
          raw.PATCH('/v1/contacts/{contId}', {
            params: { path: { contId: id }, header: { 'If-Match': etag } },
            body: patch,
            ...callInit(request),
          }),
        )
      } catch (error) {
        throw error instanceof ApiError && error.status === 412 ? new EtagMismatchError(error, etag) : error
      }
    },

    /** `DELETE /v1/contacts/{contId}`. Throws NotFoundError when there is no such contact. */
    async delete(id: string, request: CallOptions = {}): Promise<void> {
      await unwrap(raw.DELETE('/v1/contacts/{contId}', { params: { path: { contId: id } }, ...callInit(request) }))
    },

    /**
     * One page of `GET /v1/contacts`, an endpoint the vendor's reference leaves out but its SDKs
     * call; the last page has no `nextPageToken`.
     */
    page(request: ContactsPageOptions = {}): Promise<ContactsPage> {
      const query = { limit: request.limit, pageToken: request.pageToken }
      return unwrap(raw.GET('/v1/contacts', { params: { query }, ...callInit(request) }))
    },

    /**
     * Every contact of the account, fetched a page at a time by following `nextPageToken`.
     *
     * @example
     * for await (const contact of aurinko.contacts.list({ limit: 200 })) {
     *   console.log(contact.name?.displayName)
     * }
     */
    list(request: ListContactsOptions = {}): AsyncGenerator<Contact> {
      return paginate<Contact, string>(async (pageToken) => {
        const page = await contacts.page({ ...request, pageToken })
        return { items: page.records, next: page.nextPageToken || undefined }
      })
    },
  }
  return contacts
}

export type ContactsApi = ReturnType<typeof createContactsApi>
