import type { components } from '@contactkit/specs/s3'
import type { PostForm } from './form.js'

/** The decoded `policy` field: when it expires and what the form must satisfy. */
export type PolicyDocument = components['schemas']['PolicyDocument']
/** One condition: `{field: value}`, `["eq"|"starts-with", "$field", value]` or `["content-length-range", min, max]`. */
export type PolicyCondition = components['schemas']['PolicyCondition']

/** A policy read and checked for shape: its expiry as epoch milliseconds. */
export interface Policy {
  document: PolicyDocument
  expiresAt: number
}

/** Why a condition failed, for S3's error: a field that does not match, or a file out of range. */
export type ConditionFailure =
  | { kind: 'condition'; condition: string }
  | { kind: 'too-large'; proposed: number; max: number }
  | { kind: 'too-small'; proposed: number; min: number }

/** What the conditions are checked against besides the form: the bucket addressed and the file's size. */
export interface ConditionContext {
  /** Needed unless `sizeOnly`. */
  bucket?: string
  /** The file's size, or undefined to skip `content-length-range`. */
  fileSize?: number
  /** Check `content-length-range` only (the other conditions passed already). */
  sizeOnly?: boolean
}

const expirationPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/
const digits = /^\d+$/
// Refuses bytes that are not UTF-8, as S3 does; one decoder for every form (decoding keeps no state).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes the base64 `policy` field and checks its shape; a string is the reason S3 gives after
 * "Invalid Policy: " (S3's InvalidPolicyDocument).
 *
 * @example
 * const policy = decodePolicy(form.get('policy'))
 * if (typeof policy === 'string') return failures.invalidPolicy(policy)
 */
export function decodePolicy(encoded: string): Policy | string {
  let document: unknown
  try {
    const binary = atob(encoded.replace(/\s/g, ''))
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) {
      bytes[index] = binary.charCodeAt(index)
    }
    document = JSON.parse(strictUtf8.decode(bytes))
  } catch {
    // Left undefined: refused just below, with any other document that is not a JSON object.
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return 'Invalid JSON.'
  }
  const { expiration, conditions } = document as Record<string, unknown>
  if (expiration === undefined) {
    return 'Policy missing expiration.'
  }
  const expiresAt = typeof expiration === 'string' && expirationPattern.test(expiration) ? Date.parse(expiration) : NaN
  if (!Number.isFinite(expiresAt)) {
    return `Invalid 'expiration' value: '${typeof expiration === 'string' ? expiration : JSON.stringify(expiration)}'`
  }
  if (!Array.isArray(conditions)) {
    return 'Policy missing conditions.'
  }
  for (const condition of conditions) {
    const problem = conditionProblem(condition)
    if (problem) {
      return problem
    }
  }
  return { document: document as PolicyDocument, expiresAt }
}

function conditionProblem(condition: unknown): string | undefined {
  if (typeof condition === 'object' && condition !== null && !Array.isArray(condition)) {
    const values = Object.values(condition)
    if (values.length !== 1) {
      return 'Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.'
    }
    return typeof values[0] === 'string' ? undefined : `Invalid Simple-Condition: value must be a string.`
  }
  if (!Array.isArray(condition) || condition.length !== 3) {
    return `Invalid Condition: ${JSON.stringify(condition)} must be an object or an array of three.`
  }
  const [operator, field, value] = condition as unknown[]
  if (operator === 'content-length-range') {
    return undefined
  }
  if (operator !== 'eq' && operator !== 'starts-with') {
    return `Invalid Condition: unknown operation ${JSON.stringify(operator)}.`
  }
  return typeof field === 'string' && typeof value === 'string'
    ? undefined
    : `Invalid Condition: ${formatCondition(condition as PolicyCondition)} must name a field and a string value.`
}

/**
 * A condition as S3 prints it in "Policy Condition failed": a JSON array with `", "` between its
 * items, as written in the policy; an object condition as the `eq` it stands for.
 *
 * @example
 * formatCondition({ acl: 'private' }) // '["eq", "$acl", "private"]'
 * formatCondition(['content-length-range', 0, 10]) // '["content-length-range", 0, 10]'
 */
export function formatCondition(condition: PolicyCondition): string {
  const items = Array.isArray(condition)
    ? (condition as unknown[])
    : Object.entries(condition).flatMap(([name, value]) => ['eq', `$${name}`, value])
  return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`
}

/**
 * The maximum of each well-formed `content-length-range` of the policy (whole numbers, or strings
 * of digits): the largest file the policy lets through is the least of them.
 *
 * @example
 * rangeMaxima(policy.document) // [5368724480]
 */
export function rangeMaxima(document: PolicyDocument): number[] {
  return document.conditions.flatMap((condition) =>
    Array.isArray(condition) && condition[0] === 'content-length-range' ? (rangeOf(condition)?.max ?? []) : [],
  )
}

function rangeOf(condition: readonly unknown[]): { min: number; max: number } | undefined {
  const [, min, max] = condition
  const asNumber = (value: unknown) =>
    Number.isSafeInteger(value) && (value as number) >= 0
      ? (value as number)
      : typeof value === 'string' && digits.test(value)
        ? Number(value)
        : undefined
  const low = asNumber(min)
  const high = asNumber(max)
  return low === undefined || high === undefined ? undefined : { min: low, max: high }
}

/**
 * Checks the conditions in the policy's order and returns the first that fails. A condition on a
 * field the form lacks fails (even `starts-with ""`); `bucket` is compared with the addressed
 * bucket; `content-length-range` with the file's size when it is known.
 *
 * @example
 * const failed = checkConditions(policy.document, form, { bucket: 'contactkit-uploads', fileSize: 12 })
 */
export function checkConditions(
  document: PolicyDocument,
  form: PostForm,
  context: ConditionContext,
): ConditionFailure | undefined {
  for (const condition of document.conditions) {
    if (Array.isArray(condition) && condition[0] === 'content-length-range') {
      const range = rangeOf(condition)
      if (!range) {
        return { kind: 'condition', condition: formatCondition(condition) }
      }
      // A size not known (NaN) is neither below nor above the range.
      const size = context.fileSize ?? Number.NaN
      if (size < range.min) {
        return { kind: 'too-small', proposed: size, min: range.min }
      }
      if (size > range.max) {
        return { kind: 'too-large', proposed: size, max: range.max }
      }
      continue
    }
    if (context.sizeOnly) {
      continue
    }
    const [operator, field, expected] = Array.isArray(condition)
      ? (condition as [string, string, string])
      : ['eq', `$${Object.keys(condition)[0]}`, Object.values(condition)[0] as string]
    const actual = field.startsWith('$') ? fieldValue(field.slice(1), form, context) : undefined
    const holds =
      actual !== undefined && (operator === 'eq' ? actual === expected : actual.startsWith(expected as string))
    if (!holds) {
      return { kind: 'condition', condition: formatCondition(condition) }
    }
  }
  return undefined
}

function fieldValue(field: string, form: PostForm, context: ConditionContext): string | undefined {
  return field.toLowerCase() === 'bucket' ? context.bucket : form.get(field)
}

// Fields no condition needs to cover: the signature fields, the policy and x-ignore-*. The file
// needs none either, and is never among the fields: the form's first part named `file` is the file,
// and what follows it is not read.
const uncovered = new Set(['awsaccesskeyid', 'signature', 'x-amz-signature', 'policy'])

/**
 * The first form field no condition covers (S3's "Extra input fields"), as the client wrote its name.
 *
 * @example
 * extraField(policy.document, form) // 'x-amz-meta-owner'
 */
export function extraField(document: PolicyDocument, form: PostForm): string | undefined {
  const covered = new Set<string>()
  for (const condition of document.conditions) {
    const field = Array.isArray(condition) ? String(condition[1]) : `$${Object.keys(condition)[0]}`
    if (field.startsWith('$')) {
      covered.add(field.slice(1).toLowerCase())
    }
  }
  return form.fields.find((field) => {
    const name = field.name.toLowerCase()
    return !uncovered.has(name) && !name.startsWith('x-ignore-') && !covered.has(name)
  })?.name
}

/**
 * Encodes a policy document as the `policy` field: UTF-8 JSON in base64. `python` writes it as
 * botocore and Omnigage's servers do (`", "` and `": "`), `compact` as `@aws-sdk/s3-presigned-post`.
 *
 * @example
 * encodePolicy({ expiration: '2026-01-01T01:00:00.000Z', conditions: [{ acl: 'private' }] }, 'python')
 */
export function encodePolicy(document: PolicyDocument, style: keyof typeof policyWriters): string {
  const json = policyWriters[style](document)
  // ASCII text is its own UTF-8: btoa takes it as it is. Other text goes through its UTF-8 bytes.
  if (!beyondAscii.test(json)) {
    return btoa(json)
  }
  const bytes = new TextEncoder().encode(json)
  let binary = ''
  for (const byte of bytes) {
    binary += String.fromCharCode(byte)
  }
  return btoa(binary)
}

// Python's json.dumps writes `, ` and `: ` between items: JSON.stringify's text with a space after
// each separator outside a string, strings (escapes included) kept as they are.
const jsonTokens = /"(?:[^"\\]|\\.)*"|[,:]/g
const pythonSeparator = (token: string) => (token === ',' ? ', ' : token === ':' ? ': ' : token)
const beyondAscii = /[\u0080-\uffff]/

const policyWriters = {
  python: (document: PolicyDocument) => JSON.stringify(document).replace(jsonTokens, pythonSeparator),
  compact: (document: PolicyDocument) => JSON.stringify(document),
}
