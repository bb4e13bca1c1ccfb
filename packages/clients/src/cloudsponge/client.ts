import type { components, paths } from '@contactkit/specs/cloudsponge'
import { createApiClient, type FetchResult } from '../core/api-client.js'
import { basicAuth, queryAuth } from '../core/auth.js'
import { formUrlEncoded } from '../core/form-body.js'
import { paginate } from '../core/paginate.js'
import { type CallOptions, callInit } from '../core/request-policy.js'
import { type RetryOptions, retrySettings } from '../core/retry.js'
import { decodeCloudSpongeBody, readCloudSpongeError } from './errors.js'
import { type ImportContactsOptions, type ImportedAddressBook, importContacts, waitForImport } from './import-flow.js'

type Schemas = components['schemas']
export type Contact = Schemas['Contact']
export type ContactsOwner = Schemas['ContactsOwner']
export type ContactsResponse = Schemas['ContactsResponse']
export type EventsResponse = Schemas['EventsResponse']
export type ImportEvent = Schemas['Event']
export type BeginImportResult = Schemas['BeginImportResult']
export type ImportMethod = 'import' | 'user_consent' | 'desktop_applet'
export type Format = 'json' | 'xml'

export interface CloudSpongeClientOptions extends RetryOptions {
  domainKey: string
  domainPassword: string
  /** Default `https://api.cloudsponge.com`; point it at a simulator in development. */
  baseUrl?: string
  /** Wire format; XML is decoded into the same typed objects. Default `json`. */
  format?: Format
  /** Send the domain credentials as HTTP Basic auth (default) or as `domain_key`/`domain_password` parameters. */
  credentials?: 'basic' | 'params'
  /** The fetch to use; looked up on `globalThis` at each call by default, so MSW can intercept it. */
  fetch?: (request: Request) => Promise<Response>
}

export interface BeginImportInput {
  /** Default: `import` when a username is given, `user_consent` otherwise. */
  method?: ImportMethod
  service: string
  username?: string
  password?: string
  /** `mailing_address` adds each contact's mailing addresses. */
  include?: 'mailing_address'
  userId?: string
  echo?: string
  /** user_consent only: where the browser goes after the user answers. */
  redirectUrl?: string
}

/**
 * A call's signal and policy: `idempotent: true` lets a `beginImport` be retried (it may then start
 * a second import), `idempotent: false` stops a GET from being retried, `timeoutMs` overrides the
 * client's per-attempt timeout.
 */
export type RequestOptions = CallOptions

export interface ContactsPageOptions extends RequestOptions {
  start?: number
  /** Contacts per page; 0 means all. Only sent with `start`, as the API ignores it otherwise. */
  count?: number
  echo?: string
}

const beginPaths = {
  import: '/begin_import/import.{format}',
  user_consent: '/begin_import/user_consent.{format}',
  desktop_applet: '/begin_import/desktop_applet.{format}',
} as const

/**
 * A typed CloudSponge client: the three documented calls, a `for await` contact iterator and the
 * whole import flow, over openapi-fetch with retries, timeouts and typed errors.
 *
 * @example
 * const cloudsponge = createCloudSpongeClient({ domainKey, domainPassword })
 * const { owner, contacts } = await cloudsponge.importContacts({ service: 'icloud', username: 'foo', password: 'bar' })
 */
export function createCloudSpongeClient(options: CloudSpongeClientOptions) {
  const format = options.format ?? 'json'
  const parseAs = format === 'xml' ? 'text' : 'json'
  const { raw, unwrap } = createApiClient<paths>({
    defaultBaseUrl: 'https://api.cloudsponge.com',
    baseUrl: options.baseUrl,
    auth:
      options.credentials === 'params'
        ? queryAuth({ domain_key: options.domainKey, domain_password: options.domainPassword })
        : basicAuth(options.domainKey, options.domainPassword),
    fetch: options.fetch,
    readError: readCloudSpongeError,
    decodeBody: decodeCloudSpongeBody,
    ...retrySettings(options),
  })
  // XML arrives as text and is decoded into the JSON shape, so every call's data has the JSON type
  // whatever the wire format; openapi-fetch's own typing only knows the text.
  const call = <Data>(pending: Promise<FetchResult<unknown>>) => unwrap(pending) as Promise<Data>

  const client = {
    /** The underlying openapi-fetch client, every path and parameter typed. */
    raw,
    format,

    /** Step 1: begins an import and returns its `import_id` (and `url` for consent and applet imports). */
    beginImport(input: BeginImportInput, request: RequestOptions = {}): Promise<BeginImportResult> {
      const method = input.method ?? (input.username === undefined ? 'user_consent' : 'import')
      const form: Record<string, string | undefined> = {
        service: input.service,
        username: input.username,
        password: input.password,
        include: input.include,
        user_id: input.userId,
        echo: input.echo,
        redirect_url: input.redirectUrl,
      }
      // The three begin paths share their parameters; the cast picks one path's types for all.
      return call(
        raw.POST(beginPaths[method] as '/begin_import/import.{format}', {
          params: { path: { format } },
          body: form as Schemas['UsernamePasswordImportForm'],
          bodySerializer: (body) => formUrlEncoded(body as Record<string, string | undefined>),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          parseAs,
          ...callInit(request),
        }),
      )
    },

    /** Step 2: the import's events. Poll no faster than once a second. */
    getEvents(importId: number, request: RequestOptions & { echo?: string } = {}): Promise<EventsResponse> {
      return call(
        raw.GET('/events/{import_id}.{format}', {
          params: { path: { import_id: importId, format }, query: { echo: request.echo } },
          parseAs,
          ...callInit(request),
        }),
      )
    },

    /** Step 3: the contacts, or one page of them. Throws NotFoundError before completion, GoneError after deletion. */
    getContacts(importId: number, page: ContactsPageOptions = {}): Promise<ContactsResponse> {
      const query = {
        start: page.start,
        count: page.start === undefined ? undefined : page.count,
        echo: page.echo,
      }
      return call(
        raw.GET('/contacts/{import_id}.{format}', {
          params: { path: { import_id: importId, format }, query },
          parseAs,
          ...callInit(page),
        }),
      )
    },

    /** The pages of a completed import's contacts, fetched one at a time as they are used. */
    pages(importId: number, page: { pageSize?: number } & RequestOptions = {}): AsyncGenerator<ContactsResponse> {
      const pageSize = page.pageSize ?? 1000
      return paginate<ContactsResponse, number>(async (start = 0) => {
        const response = await client.getContacts(importId, { ...callInit(page), start, count: pageSize })
        const next = start + response.contacts.length
        const total = response.total ?? next
        return { items: [response], next: response.contacts.length > 0 && next < total ? next : undefined }
      })
    },

    /**
     * Every contact of a completed import, fetched a page at a time.
     *
     * @example
     * for await (const contact of cloudsponge.contacts(importId, { pageSize: 500 })) {
     *   console.log(contact.email?.[0]?.address)
     * }
     */
    async *contacts(importId: number, page: { pageSize?: number } & RequestOptions = {}): AsyncGenerator<Contact> {
      for await (const response of client.pages(importId, page)) {
        yield* response.contacts
      }
    },

    /** Polls events until the import completes; throws ImportFailedError when it ends in ERROR. */
    waitForImport(importId: number, flow: ImportContactsOptions = {}): Promise<EventsResponse> {
      return waitForImport(client, importId, { sleep: options.sleep, ...flow })
    },

    /** Begins an import, waits for it (showing the consent URL if there is one) and returns the owner and every contact. */
    importContacts(input: BeginImportInput, flow: ImportContactsOptions = {}): Promise<ImportedAddressBook> {
      return importContacts(client, input, { sleep: options.sleep, ...flow })
    },
  }
  return client
}

export type CloudSpongeClient = ReturnType<typeof createCloudSpongeClient>
