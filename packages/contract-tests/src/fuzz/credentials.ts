import fc from 'fast-check'
import type { SchemeCredential } from './fuzz-profile.js'
import { headerSafe } from './fuzz-request.js'
import type { ApiOperation, SecurityScheme } from './openapi-operations.js'

/** Where credentials go in a request. */
export interface CredentialPlacement {
  note: string
  headers: [string, string][]
  query: [string, string][]
}

const none: CredentialPlacement = { note: 'no credentials', headers: [], query: [] }

/**
 * Valid credentials for an operation: one of its security alternatives, each scheme placed where
 * the document says (Basic or Bearer in `Authorization`, API keys in their query parameter,
 * header or cookie). Operations without security get none.
 *
 * @example
 * fc.sample(validCredentials(operation, { basicAuth: { username: 'key', password: 'pw' } }), 1)
 * // [{ note: 'basicAuth', headers: [['Authorization', 'Basic a2V5OnB3']], query: [] }]
 */
export function validCredentials(
  operation: ApiOperation,
  credentials: Record<string, SchemeCredential>,
): fc.Arbitrary<CredentialPlacement> {
  if (operation.security.length === 0) {
    return fc.constant(none)
  }
  const usable = operation.security.filter((alternative) => alternative.every((scheme) => scheme.name in credentials))
  if (usable.length === 0) {
    const names = operation.security.map((alternative) => alternative.map((scheme) => scheme.name).join('+'))
    throw new Error(
      `The fuzz profile has no credentials for ${operation.operationId}; give a secret for one of: ${names.join(', ')}.`,
    )
  }
  return fc.constantFrom(...usable.map((alternative) => place(alternative, credentials)))
}

/** Whether an operation can be called without credentials at all (no security, or an empty alternative). */
export function isOpen(operation: ApiOperation): boolean {
  return operation.security.length === 0 || operation.security.some((alternative) => alternative.length === 0)
}

/**
 * Credentials that must be refused: none at all, one secret of a valid set altered (a character
 * replaced, one added or dropped, emptied, swapped with its partner), a set with a scheme missing,
 * and garbage `Authorization` headers. Never an alteration a lenient server could still accept
 * (no case changes, no padding with spaces, no edits inside base64).
 *
 * @example
 * fc.sample(badCredentials(operation, profile.credentials), 1)
 * // [{ note: 'basicAuth with password: one character replaced', headers: [...], query: [] }]
 */
export function badCredentials(
  operation: ApiOperation,
  credentials: Record<string, SchemeCredential>,
): fc.Arbitrary<CredentialPlacement> {
  const alternatives = operation.security.filter((alternative) =>
    alternative.every((scheme) => scheme.name in credentials),
  )
  const choices: fc.Arbitrary<CredentialPlacement>[] = [fc.constant(none), garbageAuthorization]
  for (const alternative of alternatives) {
    const secrets = alternative.flatMap((scheme) => secretSlots(scheme, credentials))
    if (secrets.length === 0) {
      continue
    }
    choices.push(
      fc.tuple(fc.constantFrom(...secrets.map((_, index) => index)), corruption).map(([index, corrupt]) => {
        const slot = secrets[index] as SecretSlot
        const altered = { ...credentials }
        altered[slot.scheme] = slot.with(corrupt.apply(slot.value, otherSecret(secrets, index)))
        const placement = place(alternative, altered)
        return { ...placement, note: `${placement.note} with ${slot.label}: ${corrupt.note}` }
      }),
    )
    if (alternative.length > 1) {
      choices.push(
        fc.constantFrom(...alternative.map((_, index) => index)).map((index) => {
          const kept = alternative.filter((_, at) => at !== index)
          const placement = place(kept, credentials)
          return {
            ...placement,
            note: `${alternative.map((scheme) => scheme.name).join('+')} without ${alternative[index]?.name}`,
          }
        }),
      )
    }
    for (const scheme of alternative) {
      if (scheme.type === 'apiKey') {
        choices.push(
          garbageSecret.map((value) => ({
            ...place([scheme], { [scheme.name]: value }),
            note: `${scheme.name} alone, garbage`,
          })),
        )
      }
    }
  }
  return fc.oneof(...choices)
}

/** Puts each scheme's secret where the document says it goes. */
function place(alternative: SecurityScheme[], credentials: Record<string, SchemeCredential>): CredentialPlacement {
  const placement: CredentialPlacement = {
    note: alternative.map((scheme) => scheme.name).join('+'),
    headers: [],
    query: [],
  }
  const cookies: string[] = []
  for (const scheme of alternative) {
    const secret = credentials[scheme.name]
    if (secret === undefined) {
      continue
    }
    if (scheme.type === 'http' && scheme.scheme === 'basic') {
      const pair = typeof secret === 'string' ? { username: secret, password: '' } : secret
      placement.headers.push(['Authorization', `Basic ${base64Utf8(`${pair.username}:${pair.password}`)}`])
    } else if (scheme.type === 'apiKey' && scheme.parameterName) {
      const value = typeof secret === 'string' ? secret : secret.password
      if (scheme.in === 'query') {
        placement.query.push([scheme.parameterName, value])
      } else if (scheme.in === 'cookie') {
        cookies.push(`${scheme.parameterName}=${encodeURIComponent(value)}`)
      } else {
        placement.headers.push([scheme.parameterName, headerSafe(value)])
      }
    } else {
      // http bearer, oauth2, openIdConnect: a bearer token.
      placement.headers.push([
        'Authorization',
        `Bearer ${headerSafe(typeof secret === 'string' ? secret : secret.password)}`,
      ])
    }
  }
  if (cookies.length > 0) {
    placement.headers.push(['Cookie', cookies.join('; ')])
  }
  return placement
}

interface SecretSlot {
  scheme: string
  label: string
  value: string
  with(value: string): SchemeCredential
}

function secretSlots(scheme: SecurityScheme, credentials: Record<string, SchemeCredential>): SecretSlot[] {
  const secret = credentials[scheme.name]
  if (secret === undefined) {
    return []
  }
  if (typeof secret === 'string') {
    return [{ scheme: scheme.name, label: scheme.name, value: secret, with: (value) => value }]
  }
  return [
    { scheme: scheme.name, label: 'username', value: secret.username, with: (username) => ({ ...secret, username }) },
    { scheme: scheme.name, label: 'password', value: secret.password, with: (password) => ({ ...secret, password }) },
  ]
}

function otherSecret(slots: SecretSlot[], index: number): string | undefined {
  return slots.find((slot, at) => at !== index && slot.value !== slots[index]?.value)?.value
}

interface Corruption {
  note: string
  apply(value: string, other: string | undefined): string
}

/** Alterations that always change a secret, and that no lenient comparison undoes. */
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom('!', '~', '0', 'Z', 'é', ':')).map(([at, replacement]) => ({
    note: 'one character replaced',
    apply: (value: string) => {
      if (value.length === 0) {
        return replacement
      }
      const index = at % value.length
      const current = value[index] ?? ''
      const next = current.toLowerCase() === replacement.toLowerCase() ? '#' : replacement
      return `${value.slice(0, index)}${next}${value.slice(index + 1)}`
    },
  })),
  fc
    .constantFrom('x', '0', '\u00e9', ':')
    .map((extra) => ({ note: `"${extra}" appended`, apply: (value: string) => value + extra })),
  fc.constant({
    note: 'last character dropped',
    apply: (value: string) => (value.length > 1 ? value.slice(0, -1) : 'q'),
  }),
  fc.constant({ note: 'emptied', apply: () => '' }),
  fc.constant({
    note: 'swapped with its partner',
    apply: (value: string, other: string | undefined) => (other !== undefined && other !== value ? other : `${value}!`),
  }),
  fc.string({ minLength: 1, maxLength: 64 }).map((random) => ({
    note: `replaced by "${random}"`,
    apply: (value: string) => (random === value ? `${random}!` : random),
  })),
)

const garbageSecret: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'null', 'undefined', '*', '%', '\u0000', 'a'.repeat(10_000)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
)

/** Authorization headers no server may take as valid credentials. */
const garbageAuthorization: fc.Arbitrary<CredentialPlacement> = fc
  .oneof(
    fc.constantFrom(
      'Basic',
      'Basic ',
      'Basic !!!!',
      'Basic ====',
      `Basic ${base64Utf8('no-colon-here')}`,
      `Basic ${base64Utf8(':')}`,
      `Basic ${base64Utf8('::::')}`,
      'Basic Og',
      `Basic ${'A'.repeat(100_000)}`,
      'Bearer',
      'Bearer null',
      'Digest username="x", realm="y"',
      'Negotiate YII=',
      'basic',
      ',',
      '\u00ff\u00fe',
    ),
    fc.string({ minLength: 1, maxLength: 60 }).map((random) => `Basic ${base64Utf8(random)}`),
    fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => `Basic ${btoa(String.fromCharCode(...bytes))}`),
    fc.string({ minLength: 1, maxLength: 80 }),
  )
  .map((value) => ({
    note: `garbage Authorization "${value.slice(0, 40)}"`,
    headers: [['Authorization', headerSafe(value)]],
    query: [],
  }))

function base64Utf8(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
}
