/** A CloudSponge customer: a domain key and its password. */
export interface Tenant {
  domainKey: string
  domainPassword: string
}

/** The credentials in the vendor's documentation examples. */
export const documentedTenant: Tenant = {
  domainKey: '33664218758c5244136965160db455db012b1411',
  domainPassword: 'Tpa01z+vVPE7MxXi',
}

/** A second domain, so tests can show that one domain never sees another's imports. */
export const secondTenant: Tenant = {
  domainKey: 'contactkit-second-domain-key',
  domainPassword: 'contactkit-second-domain-password',
}

export type CredentialCheck = { kind: 'ok'; tenant: Tenant } | { kind: 'denied'; why: string }

/**
 * Reads the domain credentials from HTTP Basic auth, or else from the `domain_key` and
 * `domain_password` parameters, and checks them against the known tenants.
 *
 * @example
 * checkCredentials(request.headers.get('authorization'), params, tenants)
 */
export function checkCredentials(
  authorization: string | null | undefined,
  params: Record<string, string>,
  tenants: Iterable<Tenant>,
): CredentialCheck {
  let key = params.domain_key
  let password = params.domain_password
  if (authorization) {
    const basic = basicCredentials(authorization)
    if (!basic) {
      return {
        kind: 'denied',
        why: 'the Authorization header is not HTTP Basic credentials of the form domain_key:domain_password',
      }
    }
    key = basic.key
    password = basic.password
  }
  if (!key || !password) {
    return { kind: 'denied', why: 'no domain_key and domain_password were given' }
  }
  for (const tenant of tenants) {
    if (tenant.domainKey === key && tenant.domainPassword === password) {
      return { kind: 'ok', tenant }
    }
  }
  return { kind: 'denied', why: 'the domain_key and domain_password match no domain' }
}

// Decoded Authorization headers: a client sends the same one on every request, so it is decoded once.
// The decoding only; checking the credentials against the tenants runs on every request.
const decodedHeaders = new Map<string, { key: string; password: string } | null>()
const maxDecodedHeaders = 256

/** The `key:password` of an HTTP Basic header, or null when it is not one. */
function basicCredentials(authorization: string): { key: string; password: string } | null {
  let credentials = decodedHeaders.get(authorization)
  if (credentials === undefined) {
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization)
    const decoded = basic?.[1] ? decodeBase64Utf8(basic[1]) : ''
    const colon = decoded.indexOf(':')
    credentials = colon < 0 ? null : { key: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a bound on memory only: clearing the memo early, late or never decodes the same
    if (decodedHeaders.size >= maxDecodedHeaders) {
      decodedHeaders.clear()
    }
    decodedHeaders.set(authorization, credentials)
  }
  return credentials
}

/** Base64 to UTF-8 text with web APIs only; undecodable input gives an empty string. */
function decodeBase64Utf8(base64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)))
  } catch {
    return ''
  }
}
