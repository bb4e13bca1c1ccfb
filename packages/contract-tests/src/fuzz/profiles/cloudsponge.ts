import { manualClock } from '@contactkit/mocks'
import { type CloudSpongeSimulator, createCloudSpongeSimulator, documentedTenant } from '@contactkit/mocks/cloudsponge'
import { cloudspongeDocument } from '@contactkit/specs/cloudsponge'
import { decodeRailsXml } from '@contactkit/specs/rails-xml'
import fc from 'fast-check'
import { excludeAdmin, forbiddenXmlChar, mediaTypeProblem, servedSpecRoute } from '../core-routes.js'
import { isObject } from '../flat-schema.js'
import type { FuzzExchange, FuzzProfile } from '../fuzz-profile.js'

const basic = `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}`

/** Service codes per begin_import method: the spec lists them in prose, the schema says "string". */
const servicesByOperation: Record<string, string[]> = {
  beginImport: ['icloud', 'ICLOUD', ' iCloud ', 'plaxo', 'aol', 'mail_ru'],
  beginUserConsent: ['gmail', 'GMAIL', 'yahoo', 'windowslive', 'office365', 'outlook', 'aol', 'csv'],
  beginDesktopApplet: ['outlook', 'addressbook', 'ADDRESSBOOK'],
}

/** The ids `prepare` creates, in order: complete, waiting for consent (OAuth, CSV), failed, applet. */
const preparedImportIds = [1126, 1127, 1128, 1129, 1130]

/**
 * CloudSponge for the fuzz: the simulator on a manual clock, the documented domain's credentials
 * (Basic, or `domain_key`/`domain_password`), a few imports in every phase before each case, and
 * the vendor's error format: `{"error":{"message":…}}`, or Rails XML `<result><status>error</status>
 * <error><message>…` for `.xml` paths. The consent pages are HTML by design; `/__admin` has its own
 * format and is not fuzzed.
 *
 * @example
 * const arbitraries = fuzzRequests(cloudspongeFuzzProfile)
 */
export const cloudspongeFuzzProfile: FuzzProfile<CloudSpongeSimulator> = {
  vendor: 'cloudsponge',
  document: cloudspongeDocument,
  createTarget: () => createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') }),
  credentials: {
    basicAuth: { username: documentedTenant.domainKey, password: documentedTenant.domainPassword },
    domainKey: documentedTenant.domainKey,
    domainPassword: documentedTenant.domainPassword,
  },

  async prepare(simulator) {
    const begin = async (method: string, fields: Record<string, string>) => {
      const response = await simulator.app.request(`/begin_import/${method}.json`, {
        method: 'POST',
        headers: { Authorization: basic },
        body: new URLSearchParams(fields),
      })
      const body = (await response.json()) as { import_id?: number; url?: string }
      if (response.status !== 200) {
        throw new Error(`prepare: begin_import/${method} answered ${response.status} ${JSON.stringify(body)}`)
      }
      return body
    }
    await begin('import', { service: 'icloud', username: 'foo', password: 'bar' })
    const consent = await begin('user_consent', { service: 'gmail', redirect_url: 'https://example.com/done' })
    const csv = await begin('user_consent', { service: 'csv' })
    await begin('import', { service: 'icloud', username: 'wrong-password', password: 'x' })
    await begin('desktop_applet', { service: 'outlook' })
    // Past gathering: 1126 is complete, 1129 has failed; the consent imports still wait.
    simulator.clock.advance(10_000)
    return {
      consentCode: new URL(consent.url ?? 'http://x/n/NONE').pathname.split('/').pop() ?? '',
      csvCode: new URL(csv.url ?? 'http://x/csv/NONE').pathname.split('/').pop() ?? '',
    }
  },

  validValues({ operationId, location, name }, schemaValue) {
    if (location === 'body' && name === 'service') {
      const services = servicesByOperation[operationId.replace(/Formatted$/, '')]
      return services ? fc.constantFrom(...services) : undefined
    }
    if (location === 'path' && name === 'import_id') {
      return fc.oneof(fc.constantFrom(...preparedImportIds), schemaValue)
    }
    if (location === 'body' && name === 'username') {
      // The magic accounts, small ones only: `contacts-<N>` books are built when read.
      return fc.oneof(fc.constantFrom('foo', 'wrong-password', 'slow', 'contacts-0', 'contacts-3'), schemaValue)
    }
    return undefined
  },

  extraRoutes: [
    { method: 'GET', path: '/n/{{consentCode}}' },
    { method: 'POST', path: '/n/{{consentCode}}', form: { decision: 'approve', username: 'foo' } },
    { method: 'GET', path: '/csv/{{csvCode}}' },
    { method: 'POST', path: '/csv/{{csvCode}}', form: { decision: 'deny' } },
    { method: 'GET', path: '/objects/ContactsApplet_signed.jar' },
    servedSpecRoute,
  ],

  excludePath: excludeAdmin,

  errorFormatProblem: cloudspongeErrorProblem,

  // The consent pages answer people, in HTML, and redirect the browser once answered.
  isOtherAllowedResponse: (exchange) =>
    /^\/+(n|csv)\/+[^/]*\/*$/.test(exchange.path) &&
    ((exchange.headers.get('content-type') ?? '').startsWith('text/html') ||
      (exchange.status >= 300 && exchange.status < 400)),
}

/**
 * Why an answer is not CloudSponge's error format, or undefined when it is: JSON
 * `{"error":{"message":"…"}}` with `application/json`, or for paths ending in `.xml` Rails XML
 * `<result><status>error</status><error><message>…</message></error></result>` with
 * `application/xml`. HEAD answers carry no body, so only their Content-Type is checked.
 *
 * @example
 * cloudspongeErrorProblem(exchange) // 'Content-Type is "text/plain", not application/json'
 */
export function cloudspongeErrorProblem(exchange: FuzzExchange): string | undefined {
  const xml = /\.xml(\/|$)/i.test(exchange.path)
  const expected = xml ? 'application/xml' : 'application/json'
  const wrongType = mediaTypeProblem(exchange, expected)
  if (wrongType) {
    return wrongType
  }
  if (exchange.request.method === 'HEAD') {
    return exchange.body === '' ? undefined : 'a HEAD answer has a body'
  }
  let decoded: unknown
  if (xml) {
    if (
      !/^(<\?xml[^>]*\?>)?\s*<result>\s*<status>error<\/status>\s*<error>\s*<message>[^<]*<\/message>\s*<\/error>\s*<\/result>\s*$/.test(
        exchange.body,
      )
    ) {
      return `the body is not <result><status>error</status><error><message>…</message></error></result>`
    }
    const forbidden = forbiddenXmlChar(exchange.body)
    if (forbidden) {
      return forbidden
    }
    try {
      decoded = decodeRailsXml(exchange.body)
    } catch (error) {
      return `the XML does not parse: ${(error as Error).message}`
    }
    if (!isObject(decoded) || decoded.status !== 'error') {
      return 'the XML result has no <status>error</status>'
    }
  } else {
    try {
      decoded = JSON.parse(exchange.body)
    } catch {
      return 'the body is not JSON'
    }
  }
  const message = isObject(decoded) && isObject(decoded.error) ? decoded.error.message : undefined
  if (typeof message !== 'string' || message.trim() === '') {
    return 'the body has no non-empty error.message'
  }
  return undefined
}
