import type { Simulator } from './simulator.js'

/**
 * How a header is compared: `media-type` (type and charset), `directives` (the set of
 * Cache-Control directives), `value` (exactly), `scheme` (the first word: `Basic` of
 * `WWW-Authenticate`), `presence` (there or not: ETag, Location, request ids).
 */
export type HeaderRule = 'media-type' | 'directives' | 'value' | 'scheme' | 'presence'

/** Which of a vendor's registered credentials make up its Basic pair and its bearer token. */
export interface CredentialScheme {
  /** Labels of the registry's credentials that are the Basic user and password. */
  basic?: [string, string]
  /** Label of the registry's credential sent as a bearer token. */
  bearer?: string
  /** What a wholly redacted `Authorization` header stood for. */
  defaultScheme: 'basic' | 'bearer'
  /**
   * Redacted fields that are not the vendor's credentials, by name, and what to send instead: the
   * password of an address book (`password: 'bar'`, the documented account's).
   */
  otherSecrets?: Record<string, string>
}

/** What happened in one replayed exchange, for a vendor's hook. */
export interface ReplayedExchange<S extends Simulator = Simulator> {
  simulator: S
  operationId: string
  /** The form or JSON body the replay sent, decoded. */
  requestBody: unknown
  status: number
  /** The simulator's answer, decoded. */
  answer: unknown
}

/**
 * How `contactkit-mocks compare` treats a vendor: what its format fixes, how it authenticates, what
 * a replay needs set up. Part of the vendor's registry entry (`fidelity`); every field is optional
 * and the compare command fills in its defaults (no peers, unordered JSON keys, Basic credentials,
 * the common header rules, no words compared outside lists).
 */
export interface FidelitySettings<S extends Simulator = Simulator> {
  /** Vendors whose simulators run beside it in the replay (Omnigage's upload forms point at S3). */
  peers?: string[]
  /** Whether the order of JSON keys is part of the format (XML's always is). */
  orderedJsonKeys?: boolean
  /** Which registered credentials a recording's redacted ones stand for. */
  credentials?: CredentialScheme
  /** Headers compared beside the common ones (Content-Type, caching, ETag, Location, …), or ruled otherwise. */
  headers?: Readonly<Record<string, HeaderRule>>
  /** Keys whose values are words of the API, compared outside lists. */
  vocabulary?: string[]
  /** Keys holding volatile tokens beside the usual ids, tokens, etags and times. */
  volatileKeys?: RegExp
  /** The spec's form of a path the vendor also accepts in another form. */
  canonicalPath?(path: string): string
  /** Prepares a fresh simulator before the first request (seeds shape accounts). */
  prepare?(simulator: S): void
  /** Acts for the user after an exchange, where the recording shows only the API (consent given). */
  afterExchange?(exchange: ReplayedExchange<S>): void
}
