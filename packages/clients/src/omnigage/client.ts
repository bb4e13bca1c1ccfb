import type { components, operations, paths } from '@contactkit/specs/omnigage'
import { createApiClient } from '../core/api-client.js'
import { type Authenticator, basicAuth, combineAuth, headerAuth } from '../core/auth.js'
import { apiError } from '../core/errors.js'
import { paginate } from '../core/paginate.js'
import { type CallOptions, callInit, withRequestPolicy } from '../core/request-policy.js'
import { type RetryOptions, resilientFetch, retrySettings } from '../core/retry.js'
import { readOmnigageError } from './errors.js'
import type { ImportSource, ResolvedFile } from './file-source.js'
import { type ImportedFile, type ImportFileOptions, importFile } from './import-flow.js'
import { readS3Error, type S3UploadResult, type Upload, type UploadToS3Options, uploadToS3 } from './s3-upload.js'

type Schemas = components['schemas']

export type { Upload } from './s3-upload.js'
export type UploadRequest = Schemas['UploadRequest']
export type ImportContact = Schemas['ImportContact']
export type ImportStatus = Schemas['ImportStatus']
export type ImportContactList = Schemas['ImportContactList']
export type ImportContactResult = Schemas['ImportContactResult']
export type ImportContactResultList = Schemas['ImportContactResultList']
export type RowOutcome = Schemas['RowOutcome']
export type ContactField = Schemas['ContactField']
export type Contact = Schemas['Contact']
export type ContactList = Schemas['ContactList']
/** A file the account keeps (the errors file); `File` would shadow the global. */
export type OmnigageFile = Schemas['FileDocument']['data']

export interface OmnigageClientOptions extends RetryOptions {
  /** The API token's key (Developer, API Tokens), sent as the Basic user. */
  tokenKey: string
  /** The API token's secret, sent as the Basic password. */
  tokenSecret: string
  /** The account's key (Account, Settings, General), sent as `X-Account-Key`; needed for a token of several accounts. */
  accountKey?: string
  /** Default `https://api.omnigage.io`; point it at a simulator in development. Paths carry `/api/v1` themselves. */
  baseUrl?: string
  /** The fetch to use, for the API and S3 alike; looked up on `globalThis` at each call by default, so MSW can intercept it. */
  fetch?: (request: Request) => Promise<Response>
}

/** The attributes an import is created with; the vendor's dasherized names in camelCase. */
export interface ImportSettings {
  /** A row whose first phone is an existing contact's updates that contact. Default `false`. */
  uniquePrimaryPhone?: boolean
  /** A row whose first email is an existing contact's updates that contact. Default `false`. */
  uniquePrimaryEmail?: boolean
  /** When updating, an empty cell clears the contact's value. */
  updatePruning?: boolean
  enablePreflights?: boolean
  /** One target per header column, in order; null skips the column. Default: the vendor's automatic mapping. */
  mapping?: Array<ContactField | null>
}

export interface PageOptions extends CallOptions {
  /** Items to skip. Default 0. */
  offset?: number
  /** Items per page, 1 to 100. Default: the server's (25) for one page, 100 when paging through all. */
  limit?: number
}

export interface ListImportsOptions extends PageOptions {
  status?: ImportStatus
}

export interface ListImportResultsOptions extends PageOptions {
  /** Only rows with this outcome. */
  status?: RowOutcome
}

export interface ListContactsOptions extends PageOptions {
  firstName?: string
  lastName?: string
  company?: string
  /** Any of the contact's phones, in E.164 (`+14076341732`). */
  phoneNumber?: string
  /** Any of the contact's emails. */
  emailAddress?: string
  sort?: NonNullable<NonNullable<operations['listContacts']['parameters']['query']>['sort']>
}

/** What `uploadToS3` takes from the client (its fetch and retry settings) is filled in. */
export type ClientUploadOptions = Omit<UploadToS3Options, 'fetch'>

/** Where the API is when `baseUrl` does not say. */
const defaultBaseUrl = 'https://api.omnigage.io'
/** The most contacts one bulk delete takes. */
const maxBulkDelete = 1000
/** The largest page the API serves. */
const maxPageSize = 100

/**
 * A typed Omnigage client for contact imports: uploads, the S3 form post, imports and their row
 * results, contacts (paged, filtered, bulk delete) and files, plus `importFile`, the whole flow,
 * over openapi-fetch with retries, timeouts and typed errors.
 *
 * Retries: GETs and the bulk DELETE are retried on 408, 429, 5xx and network errors, and so is
 * `createUpload` (a repeated one only leaves an unused form that expires). `createImport` is sent
 * once: a repeat would import the file twice. The S3 post of a File, Blob or path is retried (the
 * same bytes under the same key), a stream's is not.
 *
 * @example
 * const omnigage = createOmnigageClient({ tokenKey, tokenSecret, accountKey: 'firstbank' })
 * const { counts, errors } = await omnigage.importFile('./contacts.csv', { uniquePrimaryPhone: true })
 * for await (const failed of errors) console.log(failed.row, failed.error)
 */
export function createOmnigageClient(options: OmnigageClientOptions) {
  if (!options.tokenKey || !options.tokenSecret) {
    throw new TypeError(
      'Failed to create the Omnigage client: give tokenKey and tokenSecret, the key and secret of an API token (Developer, API Tokens).',
    )
  }
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '')
  const auth = authenticator(options)
  const retryOptions = retrySettings(options)
  const { raw, unwrap } = createApiClient<paths>({
    defaultBaseUrl,
    baseUrl,
    auth,
    fetch: options.fetch,
    headers: { Accept: 'application/json' },
    readError: readOmnigageError,
    ...retryOptions,
  })
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const downloading = resilientFetch(send, retryOptions)

  const client = {
    /** The underlying openapi-fetch client, every path and parameter typed. */
    raw,

    /**
     * `POST /api/v1/uploads`: a presigned S3 form (one hour) for a file of this name, type and
     * size. Retried like a GET unless `idempotent: false`: a repeat only makes an unused form.
     */
    async createUpload(file: UploadRequest, request: CallOptions = {}): Promise<Upload> {
      const document = await unwrap(
        raw.POST('/api/v1/uploads', {
          body: file,
          ...callInit({ ...request, idempotent: request.idempotent ?? true }),
        }),
      )
      return document.data
    },

    /**
     * Posts a file to the upload's S3 form (see `uploadToS3`), with this client's fetch and retry
     * settings (but not its `timeoutMs`: an upload's timeout grows with the file).
     */
    uploadToS3(
      upload: Upload,
      file: ImportSource | ResolvedFile,
      request: ClientUploadOptions = {},
    ): Promise<S3UploadResult> {
      return uploadToS3(upload, file, {
        fetch: options.fetch,
        maxRetries: options.maxRetries,
        initialDelayMs: options.initialDelayMs,
        maxDelayMs: options.maxDelayMs,
        sleep: options.sleep,
        onRetry: options.onRetry,
        ...request,
      })
    },

    /**
     * `POST /api/v1/import-contacts`: imports the file posted for `upload`. It answers `queued`
     * with the file's header, mapping and sample. Sent once: a repeat would import the file twice.
     */
    async createImport(
      upload: string | { id: string },
      settings: ImportSettings = {},
      request: CallOptions = {},
    ): Promise<ImportContact> {
      // A setting not given is undefined here, and the JSON body leaves it out.
      const attributes: NonNullable<Schemas['ImportContactRequest']['data']['attributes']> = {
        status: 'queued',
        'unique-primary-phone': settings.uniquePrimaryPhone,
        'unique-primary-email': settings.uniquePrimaryEmail,
        'update-pruning': settings.updatePruning,
        'enable-preflights': settings.enablePreflights,
        mapping: settings.mapping,
      }
      const id = typeof upload === 'string' ? upload : upload.id
      const document = await unwrap(
        raw.POST('/api/v1/import-contacts', {
          body: {
            data: { type: 'import-contacts', attributes, relationships: { upload: { data: { type: 'uploads', id } } } },
          },
          ...callInit(request),
        }),
      )
      return document.data
    },

    /** `GET /api/v1/import-contacts/{id}`: `queued`, `processing`, then `completed` with its counts or `failed`. */
    async getImport(id: string, request: CallOptions = {}): Promise<ImportContact> {
      const document = await unwrap(
        raw.GET('/api/v1/import-contacts/{id}', { params: { path: { id } }, ...callInit(request) }),
      )
      return document.data
    },

    /** One page of the account's imports, newest first. */
    listImports(request: ListImportsOptions = {}): Promise<ImportContactList> {
      return unwrap(
        raw.GET('/api/v1/import-contacts', {
          params: { query: { ...pageQuery(request), 'filter[status]': request.status } },
          ...callInit(request),
        }),
      )
    },

    /** One page of a completed import's row results, in file order; empty before completion. */
    listImportResults(id: string, request: ListImportResultsOptions = {}): Promise<ImportContactResultList> {
      return unwrap(
        raw.GET('/api/v1/import-contacts/{id}/results', {
          params: { path: { id }, query: { ...pageQuery(request), 'filter[status]': request.status } },
          ...callInit(request),
        }),
      )
    },

    /** One page of the account's contacts, filtered by whole values (case-insensitive). */
    listContacts(request: ListContactsOptions = {}): Promise<ContactList> {
      return unwrap(
        raw.GET('/api/v1/contacts', {
          params: {
            query: {
              ...pageQuery(request),
              'filter[first-name]': request.firstName,
              'filter[last-name]': request.lastName,
              'filter[company]': request.company,
              'filter[phone-number]': request.phoneNumber,
              'filter[email-address]': request.emailAddress,
              sort: request.sort,
            },
          },
          ...callInit(request),
        }),
      )
    },

    /** `GET /api/v1/contacts/{id}`. Throws NotFoundError for an id the account does not have. */
    async getContact(id: string, request: CallOptions = {}): Promise<Contact> {
      const document = await unwrap(
        raw.GET('/api/v1/contacts/{id}', { params: { path: { id } }, ...callInit(request) }),
      )
      return document.data
    },

    /**
     * `DELETE /api/v1/contacts` in bulk (`application/vnd.api+json;ext=bulk`): every contact listed,
     * or none (an unknown id is a NotFoundError and nothing is deleted). At most 1,000 ids; none
     * sends nothing. Retried like any DELETE, so a NotFoundError after a retry may mean the first
     * attempt deleted them.
     */
    async deleteContacts(ids: readonly string[], request: CallOptions = {}): Promise<void> {
      if (ids.length === 0) {
        return
      }
      if (ids.length > maxBulkDelete) {
        throw new RangeError(
          `Failed to delete ${ids.length} contacts: a bulk delete takes at most ${maxBulkDelete}; delete them in batches.`,
        )
      }
      await unwrap(
        raw.DELETE('/api/v1/contacts', {
          body: { data: ids.map((id) => ({ type: 'contacts' as const, id })) },
          headers: { 'Content-Type': 'application/vnd.api+json;ext=bulk' },
          ...callInit(request),
        }),
      )
    },

    /** `GET /api/v1/files/{id}`: a file the account keeps (an import's errors file); `url` is where to download it. */
    async getFile(id: string, request: CallOptions = {}): Promise<OmnigageFile> {
      const document = await unwrap(raw.GET('/api/v1/files/{id}', { params: { path: { id } }, ...callInit(request) }))
      return document.data
    },

    /**
     * Downloads a file's `url`: the Response, its body not yet read, so a large file can be
     * streamed. Credentials go only to the API's own origin; a storage URL elsewhere (a presigned
     * link) gets none. Throws the typed error for an error status.
     *
     * @example
     * const file = await omnigage.getFile(errorsFileId)
     * const csv = await (await omnigage.downloadFile(file.attributes.url)).text()
     */
    async downloadFile(url: string, request: CallOptions = {}): Promise<Response> {
      const target = new URL(url, `${baseUrl}/`)
      let outgoing = new Request(target, { headers: { Accept: '*/*' }, signal: request.signal ?? null })
      if (target.origin === new URL(baseUrl).origin) {
        outgoing = await auth(outgoing)
      }
      const response = await downloading(withRequestPolicy(outgoing, request))
      if (!response.ok) {
        const text = await response.text().catch(() => '')
        throw apiError(response, parseErrorText(text), (body, answer) =>
          typeof body === 'string' && body.trimStart().startsWith('<')
            ? readS3Error(body)
            : readOmnigageError(body, answer),
        )
      }
      return response
    },

    /** Every import of the account, newest first, fetched a page at a time. */
    imports(request: Omit<ListImportsOptions, 'offset'> = {}): AsyncGenerator<ImportContact> {
      return pages((offset, limit) => client.listImports({ ...request, offset, limit }), request.limit)
    },

    /**
     * Every contact of the account (filters and sort as `listContacts`), fetched a page at a time.
     *
     * @example
     * for await (const contact of omnigage.contacts({ lastName: 'Victor' })) {
     *   console.log(contact.attributes['phone-number'])
     * }
     */
    contacts(request: Omit<ListContactsOptions, 'offset'> = {}): AsyncGenerator<Contact> {
      return pages((offset, limit) => client.listContacts({ ...request, offset, limit }), request.limit)
    },

    /**
     * Every row result of a completed import, in file order, fetched a page at a time.
     *
     * @example
     * for await (const result of omnigage.importResults(importId, { status: 'erred' })) {
     *   console.log(result.attributes.row, result.attributes.error)
     * }
     */
    importResults(
      id: string,
      request: Omit<ListImportResultsOptions, 'offset'> = {},
    ): AsyncGenerator<ImportContactResult> {
      return pages((offset, limit) => client.listImportResults(id, { ...request, offset, limit }), request.limit)
    },

    /**
     * The whole flow: create an upload, post the file to S3, create the import, wait for it, and
     * answer its counts with lazy iterables of its failed rows and its contacts. See `importFile`.
     *
     * @example
     * const result = await omnigage.importFile(fileInput.files[0], { onProgress: (p) => show(p.phase) })
     */
    importFile(source: ImportSource, flow: ImportFileOptions = {}): Promise<ImportedFile> {
      return importFile(client, source, { sleep: options.sleep, ...flow })
    },
  }
  return client
}

export type OmnigageClient = ReturnType<typeof createOmnigageClient>

function authenticator(options: OmnigageClientOptions): Authenticator {
  const basic = basicAuth(options.tokenKey, options.tokenSecret)
  return options.accountKey ? combineAuth(basic, headerAuth({ 'X-Account-Key': options.accountKey })) : basic
}

function pageQuery(request: PageOptions): { 'page[offset]'?: number; 'page[limit]'?: number } {
  return { 'page[offset]': request.offset, 'page[limit]': request.limit }
}

/**
 * Pages through a list from offset 0. A page is the last when it is empty, or when it has no
 * `links.next` and `meta.count` says nothing is left; a server that leaves out `links` is still
 * paged to `meta.count`.
 */
function pages<T>(
  fetchPage: (
    offset: number,
    limit: number,
  ) => Promise<{ data: T[]; meta: { count: number }; links: { next?: string } }>,
  limit = maxPageSize,
): AsyncGenerator<T> {
  return paginate<T, number>(async (offset = 0) => {
    const page = await fetchPage(offset, limit)
    const reached = offset + page.data.length
    const more = page.data.length > 0 && (page.links.next !== undefined || reached < page.meta.count)
    return { items: page.data, next: more ? reached : undefined }
  })
}

function parseErrorText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
