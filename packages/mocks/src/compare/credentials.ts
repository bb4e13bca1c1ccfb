import type { CredentialScheme } from '../core/fidelity.js'
import type { VendorCredential } from '../core/registry.js'
import { headerValue, type RecordedExchange } from './har.js'

export type { CredentialScheme }

const placeholderPattern = /<secret:\d+>/g

/**
 * Turns the recording's redacted credentials into the simulator's. A `<secret:N>` placeholder that
 * a request sent before any answer handed it out is a credential: when some request carrying it
 * was let in (any status but 401) it becomes the sandbox credential from the vendor's registry
 * entry, matched by where it stands (the Basic pair, the bearer token, a parameter or header named
 * like the credential: `domain_password`, `X-Account-Key`); when the upstream refused every request
 * carrying it, it becomes a wrong credential of the same form, so the simulator refuses it too.
 * Credentials that are not secret (`domain_key`, `X-Account-Key`) are mapped as well: the first
 * value seen becomes the sandbox one, any other a distinct unknown one.
 *
 * @example
 * const credentials = planCredentials(exchanges, registration.credentials, { basic: ['domain key', 'domain password'], defaultScheme: 'basic' })
 * credentials.header('authorization', 'Basic <secret:1>') // 'Basic MzM2NjQy…'
 */
export function planCredentials(
  exchanges: RecordedExchange[],
  registered: readonly VendorCredential[],
  scheme: CredentialScheme,
) {
  const handedOut = new Set<string>()
  const accepted = new Set<string>()
  const credentialsSeen = new Set<string>()
  for (const exchange of exchanges) {
    const sent = new Set(requestText(exchange).match(placeholderPattern) ?? [])
    for (const placeholder of sent) {
      if (handedOut.has(placeholder)) {
        continue
      }
      credentialsSeen.add(placeholder)
      if (exchange.status !== 401) {
        accepted.add(placeholder)
      }
    }
    for (const placeholder of responseText(exchange).match(placeholderPattern) ?? []) {
      if (!credentialsSeen.has(placeholder)) {
        handedOut.add(placeholder)
      }
    }
  }
  const byLabel = (label: string | undefined) => registered.find((credential) => credential.label === label)?.value
  const named = (name: string) => registered.find((credential) => squash(credential.label) === squash(name))
  const refused = (placeholder: string) => `contactkit-refused-${placeholder.replace(/\D/g, '')}`
  const basicValue = (placeholder: string) =>
    accepted.has(placeholder) && scheme.basic
      ? `Basic ${btoa(`${byLabel(scheme.basic[0]) ?? ''}:${byLabel(scheme.basic[1]) ?? ''}`)}`
      : `Basic ${btoa(`${refused(placeholder)}:${refused(placeholder)}`)}`
  const bearerValue = (placeholder: string) =>
    accepted.has(placeholder) && scheme.bearer
      ? `Bearer ${byLabel(scheme.bearer) ?? ''}`
      : `Bearer ${refused(placeholder)}`
  // Identifiers sent in the clear: the first becomes the sandbox's, others stay unknown.
  const publicValues = new Map<string, string>()
  const publicValue = (credential: VendorCredential, value: string) => {
    const key = `${credential.label}\n${value}`
    let mapped = publicValues.get(key)
    if (mapped === undefined) {
      const first = ![...publicValues.keys()].some((known) => known.startsWith(`${credential.label}\n`))
      mapped = first ? credential.value : `contactkit-other-${publicValues.size + 1}`
      publicValues.set(key, mapped)
    }
    return mapped
  }
  const fieldValue = (name: string, value: string): string => {
    const credential = named(name)
    if (!credential) {
      const stand = scheme.otherSecrets?.[name]
      return stand !== undefined && value.includes('<secret:') ? value.replace(placeholderPattern, stand) : value
    }
    const placeholder = value.match(placeholderPattern)?.[0]
    if (placeholder === undefined) {
      return publicValue(credential, value)
    }
    if (handedOut.has(placeholder)) {
      return value
    }
    return accepted.has(placeholder) ? credential.value : refused(placeholder)
  }
  return {
    /** A request header as the simulator should get it. */
    header(name: string, value: string): string {
      if (name === 'authorization') {
        const [, kind, placeholder] = /^(?:(basic|bearer)\s+)?(<secret:\d+>)$/i.exec(value.trim()) ?? []
        if (placeholder === undefined || handedOut.has(placeholder)) {
          return value
        }
        const chosen = (kind?.toLowerCase() as 'basic' | 'bearer' | undefined) ?? scheme.defaultScheme
        return chosen === 'basic' ? basicValue(placeholder) : bearerValue(placeholder)
      }
      return fieldValue(name, value)
    },
    /** A query parameter, form field or JSON string value as the simulator should get it. */
    field: fieldValue,
  }
}

export type CredentialPlan = ReturnType<typeof planCredentials>

/** Lower-case letters and digits only, without a leading `x`: `X-Account-Key` and `account key` meet. */
function squash(name: string): string {
  return name
    .toLowerCase()
    .replace(/^x-/, '')
    .replace(/[^a-z0-9]/g, '')
}

const decoder = new TextDecoder()

function requestText(exchange: RecordedExchange): string {
  const headers = exchange.requestHeaders.map(([name, value]) => `${name}: ${value}`).join('\n')
  const body = exchange.requestBody ? decoder.decode(exchange.requestBody.bytes) : ''
  return `${exchange.url.href}\n${headers}\n${body}`
}

function responseText(exchange: RecordedExchange): string {
  const headers = exchange.responseHeaders.map(([name, value]) => `${name}: ${value}`).join('\n')
  const body = exchange.responseBody ? decoder.decode(exchange.responseBody.bytes) : ''
  return `${headers}\n${body}${headerValue(exchange.responseHeaders, 'location') ?? ''}`
}
