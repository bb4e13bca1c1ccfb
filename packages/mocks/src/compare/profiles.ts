import type { CloudSpongeSimulator } from '../cloudsponge/index.js'
import { recordedShapeAccounts } from '../cloudsponge/recorded-shapes.js'
import type { Simulator } from '../core/simulator.js'
import type { CredentialScheme } from './credentials.js'
import { defaultHeaderRules, type HeaderRule } from './headers.js'

/** What happened in one replayed exchange, for a vendor's hook. */
export interface ReplayedExchange {
  simulator: Simulator
  operationId: string
  /** The form or JSON body the replay sent, decoded. */
  requestBody: unknown
  status: number
  /** The simulator's answer, decoded. */
  answer: unknown
}

/** How `compare` treats one vendor: what its format fixes, how it authenticates, what it needs set up. */
export interface CompareProfile {
  /** Vendors whose simulators run beside it in the replay (Omnigage's upload forms point at S3). */
  peers: string[]
  /** Whether the order of JSON keys is part of the format (XML's always is). */
  orderedJsonKeys: boolean
  credentials: CredentialScheme
  headers: Readonly<Record<string, HeaderRule>>
  /** Keys whose values are words of the API, compared outside lists. */
  vocabulary: string[]
  /** Keys holding volatile tokens beside the usual ids, tokens, etags and times. */
  volatileKeys?: RegExp
  /** The spec's form of a path the vendor also accepts in another form. */
  canonicalPath?(path: string): string
  /** Prepares a fresh simulator before the first request (seeds shape accounts). */
  prepare?(simulator: Simulator): void
  /** Acts for the user after an exchange, where the recording shows only the API (consent given). */
  afterExchange?(exchange: ReplayedExchange): void
}

const noProfile: CompareProfile = {
  peers: [],
  orderedJsonKeys: false,
  credentials: { defaultScheme: 'basic' },
  headers: defaultHeaderRules,
  vocabulary: [],
}

const cloudsponge: CompareProfile = {
  peers: [],
  // Rails writes keys in a fixed order, and clients of the 2016 API parse by position.
  orderedJsonKeys: true,
  credentials: {
    basic: ['domain key', 'domain password'],
    defaultScheme: 'basic',
    // An address book's password: the documented account's, so `foo` reaches its book.
    otherSecrets: { password: 'bar' },
  },
  headers: { ...defaultHeaderRules, 'x-frame-options': 'value' },
  vocabulary: ['status', 'import_type'],
  canonicalPath: (path) =>
    path.replace(/^\/(events|contacts)\.(json|xml)\/([^/]+)$/, '/$1/$3.$2').replace(/(.)\/$/, '$1'),
  prepare(simulator) {
    ;(simulator as CloudSpongeSimulator).seed({ accounts: recordedShapeAccounts })
  },
  afterExchange({ simulator, operationId, requestBody, status, answer }) {
    // The user's consent happened in a browser, not in the recorded API calls: give it, as the
    // recorded shape account of the service where there is one.
    if (status !== 200 || !/^begin(UserConsent|DesktopApplet)/.test(operationId)) {
      return
    }
    const service = String((requestBody as Record<string, unknown> | undefined)?.service ?? '').toLowerCase()
    const importId = Number(findKey(answer, /^import[_-]id$/))
    const account = recordedShapeAccounts.find((candidate) => candidate.service === service)?.username
    if (Number.isFinite(importId)) {
      try {
        ;(simulator as CloudSpongeSimulator).decide(importId, 'approved', account)
      } catch {
        // An import the simulator no longer waits on needs no decision.
      }
    }
  },
}

const aurinko: CompareProfile = {
  peers: [],
  orderedJsonKeys: false,
  credentials: { bearer: 'account token', defaultScheme: 'bearer' },
  headers: defaultHeaderRules,
  vocabulary: [],
}

const omnigage: CompareProfile = {
  peers: ['s3'],
  orderedJsonKeys: false,
  credentials: { basic: ['token key', 'token secret'], defaultScheme: 'basic' },
  headers: defaultHeaderRules,
  vocabulary: ['type'],
  // The S3 form an upload hands out: each field is bound to that upload.
  volatileKeys: /^(key|AWSAccessKeyId|x-amz-.*)$/i,
}

const profiles: Record<string, CompareProfile> = { cloudsponge, aurinko, omnigage }

/**
 * How `compare` treats a vendor; a vendor without its own profile is compared with the defaults.
 *
 * @example
 * compareProfile('cloudsponge').orderedJsonKeys // true
 */
export function compareProfile(vendor: string): CompareProfile {
  return profiles[vendor] ?? noProfile
}

function findKey(value: unknown, key: RegExp): unknown {
  if (typeof value !== 'object' || value === null) {
    return undefined
  }
  for (const [name, item] of Object.entries(value)) {
    if (key.test(name)) {
      return item
    }
    const inner = findKey(item, key)
    if (inner !== undefined) {
      return inner
    }
  }
  return undefined
}
