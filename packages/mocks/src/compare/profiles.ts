import type { CredentialScheme, FidelitySettings, HeaderRule, ReplayedExchange } from '../core/fidelity.js'
import type { VendorRegistration } from '../core/registry.js'
import { defaultHeaderRules } from './headers.js'

export type { ReplayedExchange }

/** A vendor's fidelity settings with every default filled in: what `compare` works from. */
export interface CompareProfile
  extends Required<Pick<FidelitySettings, 'peers' | 'orderedJsonKeys' | 'credentials' | 'headers' | 'vocabulary'>>,
    Omit<FidelitySettings, 'peers' | 'orderedJsonKeys' | 'credentials' | 'headers' | 'vocabulary'> {
  credentials: CredentialScheme
  headers: Readonly<Record<string, HeaderRule>>
}

/**
 * How `compare` treats a vendor: the `fidelity` settings of its registry entry over the defaults
 * (no peers, unordered JSON keys, Basic credentials, the common header rules, no words compared
 * outside lists). A vendor without settings is compared with the defaults alone.
 *
 * @example
 * compareProfile(cloudspongeVendor).orderedJsonKeys // true
 * compareProfile(s3Vendor).peers // []
 */
export function compareProfile(registration: Pick<VendorRegistration, 'fidelity'>): CompareProfile {
  const settings = registration.fidelity ?? {}
  return {
    ...settings,
    peers: settings.peers ?? [],
    orderedJsonKeys: settings.orderedJsonKeys ?? false,
    credentials: settings.credentials ?? { defaultScheme: 'basic' },
    headers: { ...defaultHeaderRules, ...settings.headers },
    vocabulary: settings.vocabulary ?? [],
  }
}
