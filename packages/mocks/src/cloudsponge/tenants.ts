import { type Authentication, admit, basicCredentials, deny, parameterCredentials } from '../core/kit/credentials.js'

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

/**
 * The domain a request acts for: its HTTP Basic credentials, or else its `domain_key` and
 * `domain_password` parameters (query or form), checked against the known tenants.
 *
 * @example
 * authenticate(c.req.header('authorization'), call.params, tenants) // { kind: 'ok', caller: tenant }
 */
export function authenticate(
  authorization: string | null | undefined,
  params: Record<string, string>,
  tenants: Iterable<Tenant>,
): Authentication<Tenant> {
  let credentials = parameterCredentials(params, 'domain_key', 'domain_password')
  if (authorization) {
    const basic = basicCredentials(authorization)
    if (typeof basic === 'string') {
      return deny('the Authorization header is not HTTP Basic credentials of the form domain_key:domain_password')
    }
    credentials = basic.user && basic.password ? basic : undefined
  }
  if (!credentials) {
    return deny('no domain_key and domain_password were given')
  }
  for (const tenant of tenants) {
    if (tenant.domainKey === credentials.user && tenant.domainPassword === credentials.password) {
      return admit(tenant)
    }
  }
  return deny('the domain_key and domain_password match no domain')
}
